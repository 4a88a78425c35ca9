using System.Globalization;
using DigitalAlmaty.Domain.Participation;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Mail;
using DigitalAlmaty.Web.Localization;
using DigitalAlmaty.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DigitalAlmaty.Web.Features.Participation;

/// <summary>
/// Sends the e-mail digests that are due: for each frequency, the latest complete period is claimed
/// in the database (one node wins the insert, the others skip it), then every participant on that
/// frequency who had news on followed items in the period gets one letter in their language, with a
/// signed one-click unsubscribe link and the <c>List-Unsubscribe</c> headers (RFC 2369, RFC 8058).
/// </summary>
public sealed class DigestSender(
    IServiceProvider services,
    IDbContextFactory<PortalDbContext> databases,
    IMailTransport transport,
    IOptions<MailOptions> mail,
    PublicLinks links,
    DigestTokens tokens,
    ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger<DigestSender>();

    /// <summary>Sends whatever is due at <paramref name="now"/>; returns how many letters this node sent.</summary>
    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var sent = 0;
        foreach (var frequency in new[] { DigestFrequency.Daily, DigestFrequency.Weekly })
        {
            var period = DigestPeriod.LatestDue(frequency, now)!;
            if (await ClaimAsync(period, now, cancellationToken))
            {
                sent += await SendAsync(period, cancellationToken);
            }
        }

        return sent;
    }

    private async Task<bool> ClaimAsync(DigestPeriod period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (await db.DigestRuns.AnyAsync(r => r.Key == period.Key, cancellationToken))
        {
            return false;
        }

        db.DigestRuns.Add(new DigestRun { Key = period.Key, ClaimedAt = now, Node = Environment.MachineName });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another node claimed the same period a moment earlier.
            return false;
        }
    }

    private async Task<int> SendAsync(DigestPeriod period, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var (start, end) = (period.Start, period.End);
        var news = await (
                from n in db.Notifications.AsNoTracking()
                join u in db.Users on n.UserId equals u.Id
                where n.CreatedAt >= start && n.CreatedAt < end
                    && (n.Topic == Notification.CommentTopic || n.Topic!.StartsWith(Notification.CityAnswerTopicPrefix))
                    && u.DigestFrequency == period.Frequency && u.AnnulledAt == null && u.EmailConfirmed && u.Email != null
                select new { Notification = n, u.Id, u.Email, u.DisplayName, u.PreferredCulture })
            .ToListAsync(cancellationToken);
        var letters = 0;
        foreach (var reader in news.GroupBy(n => n.Id))
        {
            var first = reader.First();
            try
            {
                await SendOneAsync(period, first.Id, first.Email!, first.DisplayName, first.PreferredCulture, reader.Select(r => r.Notification).ToList(), cancellationToken);
                letters++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One address failing does not stop the others; the user id only, never the address.
                _logger.LogError(ex, "The {Frequency} digest to user {UserId} could not be sent.", period.Frequency, first.Id);
            }
        }

        await db.DigestRuns.Where(r => r.Key == period.Key)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.CompletedAt, DateTimeOffset.UtcNow).SetProperty(r => r.Letters, letters), cancellationToken);
        _logger.LogInformation("Digest {Period}: {Letters} letters.", period.Key, letters);
        return letters;
    }

    private async Task SendOneAsync(
        DigestPeriod period, string userId, string email, string name, string preferred, IReadOnlyList<Notification> news, CancellationToken cancellationToken)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var culture = CultureInfo.GetCultureInfo(PortalCultures.IsSupported(preferred) ? preferred : PortalCultures.Russian);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        try
        {
            var text = services.GetRequiredService<IStringLocalizer<NotificationText>>();
            var p = services.GetRequiredService<IStringLocalizer<ParticipationText>>();
            var site = services.GetRequiredService<IStringLocalizer<MailText>>()["Site.Name"].Value;
            var language = new[] { new KeyValuePair<string, string?>("culture", culture.Name) };
            var entries = news.OrderBy(n => n.CreatedAt)
                .Select(n => new DigestEntry(Notifications.NotificationTexts.Headline(text, n), links.To("/" + Notifications.NotificationTexts.Link(n).Split('#')[0], language), n.CreatedAt))
                .ToList();
            var token = tokens.For(userId);
            var unsubscribe = links.To("/digest/unsubscribe", [new("token", token), .. language]);
            var oneClick = links.To("/digest/one-click", [new("token", token)]);
            var settings = links.To("/Identity/Account/Manage", language);
            var html = await RenderAsync(new Dictionary<string, object?>
            {
                [nameof(DigestLetter.Name)] = name,
                [nameof(DigestLetter.Daily)] = period.Frequency == DigestFrequency.Daily,
                [nameof(DigestLetter.Entries)] = entries,
                [nameof(DigestLetter.SettingsLink)] = settings,
                [nameof(DigestLetter.UnsubscribeLink)] = unsubscribe,
            });

            var message = new MimeMessage();
            message.From.Add(new MailboxAddress(site, mail.Value.FromAddress));
            message.To.Add(new MailboxAddress(name, email));
            message.Subject = $"{p[period.Frequency == DigestFrequency.Daily ? "Digest.SubjectDaily" : "Digest.SubjectWeekly", entries.Count]} — {site}";
            message.Headers.Add("List-Unsubscribe", $"<{oneClick}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            var lines = string.Join("\n", entries.Select(e => $"• {e.Headline}\n  {e.Link}"));
            message.Body = new BodyBuilder
            {
                TextBody = $"{p[period.Frequency == DigestFrequency.Daily ? "Digest.LeadDaily" : "Digest.LeadWeekly"]}\n\n{lines}\n\n{p["Digest.Unsubscribe"]}: {unsubscribe}\n\n{site}\n",
                HtmlBody = html,
            }.ToMessageBody();
            await transport.SendAsync(message, cancellationToken);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    private async Task<string> RenderAsync(Dictionary<string, object?> parameters)
    {
        await using var renderer = new HtmlRenderer(services, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<DigestLetter>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }
}
