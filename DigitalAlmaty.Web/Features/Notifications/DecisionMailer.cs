using System.Globalization;
using System.Text.Encodings.Web;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Agreement;
using DigitalAlmaty.Web.Features.Mail;
using DigitalAlmaty.Web.Localization;
using DigitalAlmaty.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DigitalAlmaty.Web.Features.Notifications;

/// <summary>
/// E-mails the author about a moderator's decision, in the author's own language, with the reason,
/// the message, the clauses cited (each linked to its text in the agreement version in force at the
/// decision) and a link. Runs after the commit and off the moderator's request.
/// </summary>
public sealed class DecisionMailer(
    IServiceScopeFactory scopes,
    IOptions<PortalLinkOptions> links,
    ILogger<DecisionMailer> logger)
{
    public void SendInBackground(Notification notification) => _ = SendAsync(notification);

    public async Task SendAsync(Notification notification)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            var author = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == notification.UserId);
            if (author?.Email is null)
            {
                return;
            }

            var cited = await CitedAsync(db, services, notification);
            var culture = CultureInfo.GetCultureInfo(PortalCultures.IsSupported(author.PreferredCulture) ? author.PreferredCulture : PortalCultures.Russian);
            var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            try
            {
                var message = Compose(services, author, notification, cited);
                await services.GetRequiredService<IMailTransport>().SendAsync(message);
            }
            finally
            {
                (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
            }
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not e-mail the decision {NotificationId}.", notification.Id);
        }
    }

    /// <summary>The clauses the decision cited, with where each one's text was when the decision was made.</summary>
    private static async Task<IReadOnlyList<(string Clause, string? Link)>> CitedAsync(PortalDbContext db, IServiceProvider services, Notification notification)
    {
        if (notification.Topic is not null)
        {
            return [];
        }

        var submission = await db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == notification.SubmissionId);
        var decision = submission?.History
            .Where(h => h.Action == notification.Action && h.At <= notification.CreatedAt.AddSeconds(1))
            .MaxBy(h => h.Sequence);
        if (decision is not { ClauseIds.Count: > 0 })
        {
            return [];
        }

        var inForce = await services.GetRequiredService<AgreementService>().InForceAsync();
        return decision.ClauseIds.Select(c => (c, inForce.ClauseLink(c, decision.At))).ToList();
    }

    private MimeMessage Compose(IServiceProvider services, PortalUser author, Notification notification, IReadOnlyList<(string Clause, string? Link)> cited)
    {
        var text = services.GetRequiredService<IStringLocalizer<NotificationText>>();
        var mail = services.GetRequiredService<IStringLocalizer<MailText>>();
        var options = services.GetRequiredService<IOptions<MailOptions>>().Value;
        var link = $"{links.Value.PublicBaseUrl.TrimEnd('/')}/my/{notification.SubmissionId}?culture={CultureInfo.CurrentUICulture.Name}";
        var headline = NotificationTexts.Headline(text, notification);
        var html = HtmlEncoder.Default;
        var greeting = mail["Greeting.Named", author.DisplayName].Value;

        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(mail["Site.Name"], options.FromAddress));
        message.To.Add(new MailboxAddress(author.DisplayName, author.Email!));
        message.Subject = $"{headline} — {mail["Site.Name"]}";
        var moderatorMessage = notification.Message is null ? string.Empty : $"{text["Mail.ModeratorWrote"]}\n{notification.Message}\n\n";
        var clauses = services.GetRequiredService<IStringLocalizer<SubmissionText>>();
        var culture = CultureInfo.CurrentUICulture.Name;
        var clauseLines = cited.Select(c => (Label: clauses[$"Clause.{c.Clause}"].Value, Link: c.Link is null ? null : Absolute(c.Link, culture))).ToList();
        var clausesText = clauseLines.Count == 0 ? string.Empty
            : $"{text["Mail.Clauses"]}\n{string.Concat(clauseLines.Select(c => c.Link is null ? $"- {c.Label}\n" : $"- {c.Label}: {c.Link}\n"))}\n";
        var clausesHtml = clauseLines.Count == 0 ? string.Empty
            : $"<p>{html.Encode(text["Mail.Clauses"])}</p><ul>{string.Concat(clauseLines.Select(c => c.Link is null
                ? $"<li>{html.Encode(c.Label)}</li>"
                : $"<li><a href=\"{html.Encode(c.Link)}\">{html.Encode(c.Label)}</a></li>"))}</ul>";
        message.Body = new BodyBuilder
        {
            TextBody = $"{greeting}\n\n{headline}\n\n{moderatorMessage}{clausesText}{text["Mail.Open"]}: {link}\n\n{mail["Site.Name"]}\n",
            HtmlBody = $"""
                <p>{html.Encode(greeting)}</p>
                <p><strong>{html.Encode(headline)}</strong></p>
                {(notification.Message is null ? string.Empty : $"<p>{html.Encode(text["Mail.ModeratorWrote"])}</p><blockquote>{html.Encode(notification.Message)}</blockquote>")}
                {clausesHtml}
                <p><a href="{html.Encode(link)}">{html.Encode(text["Mail.Open"])}</a></p>
                <p style="color:#555">{html.Encode(mail["Site.Name"])}</p>
                """,
        }.ToMessageBody();
        return message;
    }

    /// <summary><c>agreement/versions/3#4.3.9</c> as an address in the letter, opening in the reader's language.</summary>
    private string Absolute(string link, string culture)
    {
        var hash = link.IndexOf('#', StringComparison.Ordinal);
        return $"{links.Value.PublicBaseUrl.TrimEnd('/')}/{link[..hash]}?culture={culture}{link[hash..]}";
    }
}
