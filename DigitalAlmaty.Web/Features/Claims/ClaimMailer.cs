using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using DigitalAlmaty.Domain.Claims;
using DigitalAlmaty.Web.Components.Shared;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Mail;
using DigitalAlmaty.Web.Features.Notifications;
using DigitalAlmaty.Web.Localization;
using DigitalAlmaty.Web.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DigitalAlmaty.Web.Features.Claims;

/// <summary>
/// The letters of the claims procedure: the acknowledgement and the written answer to the claimant
/// (in the language the claim was filed in), and the reminders to administrators (in theirs).
/// </summary>
public sealed class ClaimMailer(
    IServiceScopeFactory scopes,
    IOptions<PortalLinkOptions> links,
    ILogger<ClaimMailer> logger)
{
    /// <summary>"16 декабря 2026": a due date in the current language.</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    public void SendAcknowledgementInBackground(WrittenClaim claim) => _ = SendAcknowledgementAsync(claim);

    /// <summary>
    /// Anyone may type any address into the public form, so this letter carries nothing the sender
    /// wrote (no name, subject or text): only the number, the dates and a link to the portal. The
    /// form cannot be used to send someone else a message.
    /// </summary>
    public Task<bool> SendAcknowledgementAsync(WrittenClaim claim) =>
        SendAsync(claim.Culture, $"claim {claim.Number} acknowledgement", (services, text) =>
            Compose(services, claim.ClaimantEmail, toName: string.Empty,
                text["Mail.Ack.Subject", claim.Number],
                [text["Mail.Ack.Body", claim.Number, Date(claim.FiledOn)], text["Mail.Ack.Due", Date(claim.DueOn)], text["Mail.Ack.NotYou"]],
                quoteTitle: null, quote: null, quoteHtml: null,
                link: $"{links.Value.PublicBaseUrl.TrimEnd('/')}/claims/new?culture={CultureInfo.CurrentUICulture.Name}",
                linkText: text["Mail.Ack.Link"]));

    /// <summary>The written answer (clause 7.2). False when it could not be sent; the answer is stored either way.</summary>
    public Task<bool> SendAnswerAsync(WrittenClaim claim) =>
        SendAsync(claim.Culture, $"claim {claim.Number} answer", (services, text) =>
            Compose(services, claim.ClaimantEmail, claim.ClaimantName,
                text["Mail.Answer.Subject", claim.Number],
                [text["Mail.Answer.Body", claim.Number, Date(claim.FiledOn), claim.Subject]],
                quoteTitle: null, quote: claim.Answer, quoteHtml: services.GetRequiredService<MarkdownRenderer>().ToSafeHtml(claim.Answer),
                link: null, linkText: null));

    /// <summary>Reminds one administrator that a claim's answer is due soon.</summary>
    public Task<bool> SendReminderAsync(PortalUser admin, WrittenClaim claim, ClaimReminder reminder, DateOnly today)
    {
        var culture = PortalCultures.IsSupported(admin.PreferredCulture) ? admin.PreferredCulture : PortalCultures.Russian;
        return SendAsync(culture, $"claim {claim.Number} reminder", (services, text) =>
        {
            var left = claim.DaysLeft(today);
            var headline = left < 0
                ? text["Mail.Reminder.Overdue", claim.Number, Date(claim.DueOn)]
                : text["Mail.Reminder.DaysLeft", claim.Number, Date(claim.DueOn), left];
            var link = $"{links.Value.PublicBaseUrl.TrimEnd('/')}/admin/claims/{claim.Id}?culture={culture}";
            return Compose(services, admin.Email!, admin.DisplayName,
                text[reminder == ClaimReminder.OneDay ? "Mail.Reminder.SubjectOneDay" : "Mail.Reminder.SubjectFiveDays", claim.Number],
                [headline], quoteTitle: $"{text["Form.Subject"]}: {claim.Subject}", quote: null, quoteHtml: null,
                link: link, linkText: text["Mail.Reminder.Open"]);
        });
    }

    private async Task<bool> SendAsync(string culture, string what, Func<IServiceProvider, IStringLocalizer<ClaimText>, MimeMessage> compose)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture =
                CultureInfo.GetCultureInfo(PortalCultures.IsSupported(culture) ? culture : PortalCultures.Russian);
            var message = compose(services, services.GetRequiredService<IStringLocalizer<ClaimText>>());
            await services.GetRequiredService<IMailTransport>().SendAsync(message);
            return true;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not send the {What} e-mail.", what);
            return false;
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    private static MimeMessage Compose(
        IServiceProvider services, string to, string toName, string subject, IReadOnlyList<string> paragraphs,
        string? quoteTitle, string? quote, string? quoteHtml, string? link, string? linkText)
    {
        var mail = services.GetRequiredService<IStringLocalizer<MailText>>();
        var options = services.GetRequiredService<IOptions<MailOptions>>().Value;
        var html = HtmlEncoder.Default;
        var siteName = mail["Site.Name"].Value;
        var greeting = string.IsNullOrWhiteSpace(toName) ? mail["Greeting.Anonymous"].Value : mail["Greeting.Named", toName].Value;

        var text = new StringBuilder().Append(greeting).Append("\n\n");
        var body = new StringBuilder().Append("<p>").Append(html.Encode(greeting)).Append("</p>\n");
        foreach (var paragraph in paragraphs)
        {
            text.Append(paragraph).Append("\n\n");
            body.Append("<p>").Append(html.Encode(paragraph)).Append("</p>\n");
        }

        if (quoteTitle is not null)
        {
            text.Append(quoteTitle).Append('\n');
            body.Append("<p><strong>").Append(html.Encode(quoteTitle)).Append("</strong></p>\n");
        }

        if (quote is not null)
        {
            text.Append(quote).Append("\n\n");
            body.Append("<blockquote style=\"border-left:3px solid #ccd;margin:0;padding:0 12px\">")
                .Append(quoteHtml ?? $"<p style=\"white-space:pre-wrap\">{html.Encode(quote)}</p>")
                .Append("</blockquote>\n");
        }

        if (link is not null)
        {
            text.Append(linkText).Append(": ").Append(link).Append("\n\n");
            body.Append("<p><a href=\"").Append(html.Encode(link)).Append("\">").Append(html.Encode(linkText ?? link)).Append("</a></p>\n");
        }

        text.Append(siteName).Append('\n');
        body.Append("<p style=\"color:#555\">").Append(html.Encode(siteName)).Append("</p>\n");

        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(siteName, options.FromAddress));
        message.To.Add(new MailboxAddress(toName, to));
        message.Subject = $"{subject} — {siteName}";
        message.Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = body.ToString() }.ToMessageBody();
        return message;
    }
}
