using System.Globalization;
using System.Text.Encodings.Web;
using DigitalAlmaty.Web.Data;
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
/// the message and a link. Runs after the commit and off the moderator's request.
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

            var culture = CultureInfo.GetCultureInfo(PortalCultures.IsSupported(author.PreferredCulture) ? author.PreferredCulture : PortalCultures.Russian);
            var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            try
            {
                var message = Compose(services, author, notification);
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

    private MimeMessage Compose(IServiceProvider services, PortalUser author, Notification notification)
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
        message.Body = new BodyBuilder
        {
            TextBody = $"{greeting}\n\n{headline}\n\n{moderatorMessage}{text["Mail.Open"]}: {link}\n\n{mail["Site.Name"]}\n",
            HtmlBody = $"""
                <p>{html.Encode(greeting)}</p>
                <p><strong>{html.Encode(headline)}</strong></p>
                {(notification.Message is null ? string.Empty : $"<p>{html.Encode(text["Mail.ModeratorWrote"])}</p><blockquote>{html.Encode(notification.Message)}</blockquote>")}
                <p><a href="{html.Encode(link)}">{html.Encode(text["Mail.Open"])}</a></p>
                <p style="color:#555">{html.Encode(mail["Site.Name"])}</p>
                """,
        }.ToMessageBody();
        return message;
    }
}

/// <summary>The one-line description of a decision, shared by the bell and the e-mail.</summary>
public static class NotificationTexts
{
    public static string Headline(IStringLocalizer<NotificationText> text, Notification notification) =>
        notification.Topic is { } topic
            ? text[$"Topic.{topic}", notification.Message ?? string.Empty]
            : text[$"Decision.{notification.Action}", notification.SubmissionTitle];

    /// <summary>Where the notification leads (relative to the base address).</summary>
    public static string Link(Notification notification) => notification.Topic switch
    {
        Notification.AccessReportedTopic => $"admin/users?q={Uri.EscapeDataString(notification.Message ?? string.Empty)}",
        "Staff.Granted.Moderator" => "moderation",
        "Staff.Granted.Editor" => "staff/publications",
        "Staff.Granted.Admin" => "admin/users",
        { } topic when topic.StartsWith(Notification.StaffTopicPrefix, StringComparison.Ordinal) => "my",
        _ => $"my/{notification.SubmissionId}",
    };

    /// <summary>The moderator's message, shown under a decision; other topics carry no separate message.</summary>
    public static string? ModeratorMessage(Notification notification) =>
        notification.Topic is null && !string.IsNullOrWhiteSpace(notification.Message) ? notification.Message : null;
}
