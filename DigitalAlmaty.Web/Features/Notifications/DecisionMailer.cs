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
