using System.Text.Encodings.Web;
using DigitalAlmaty.Web.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DigitalAlmaty.Web.Features.Mail;

/// <summary>
/// Writes the account e-mails in the current request's language: a greeting, one paragraph,
/// one button-like link, and the same as plain text.
/// </summary>
public sealed class AccountMailer(IMailTransport transport, IOptions<MailOptions> options, IStringLocalizer<MailText> text)
{
    public Task SendConfirmEmailAsync(string to, string displayName, string link) =>
        SendAsync(to, displayName, text["ConfirmEmail.Subject"], text["ConfirmEmail.Body"], text["ConfirmEmail.Action"], link);

    /// <summary>Sent instead of a second account, so registration never reveals that an address is taken.</summary>
    public Task SendAlreadyRegisteredAsync(string to, string displayName, string resetLink) =>
        SendAsync(to, displayName, text["AlreadyRegistered.Subject"], text["AlreadyRegistered.Body"], text["AlreadyRegistered.Action"], resetLink);

    public Task SendResetPasswordAsync(string to, string displayName, string link) =>
        SendAsync(to, displayName, text["ResetPassword.Subject"], text["ResetPassword.Body"], text["ResetPassword.Action"], link);

    public Task SendConfirmEmailChangeAsync(string to, string displayName, string link) =>
        SendAsync(to, displayName, text["ChangeEmail.Subject"], text["ChangeEmail.Body"], text["ChangeEmail.Action"], link);

    private Task SendAsync(string to, string displayName, string subject, string body, string action, string link)
    {
        var settings = options.Value;
        var siteName = text["Site.Name"];
        var greeting = string.IsNullOrWhiteSpace(displayName)
            ? text["Greeting.Anonymous"].Value
            : text["Greeting.Named", displayName].Value;
        var ignore = text["Footer.Ignore"];
        var html = HtmlEncoder.Default;

        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(siteName, settings.FromAddress));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = $"{subject} — {siteName}";
        message.Body = new BodyBuilder
        {
            TextBody = $"{greeting}\n\n{body}\n\n{action}: {link}\n\n{ignore}\n{siteName}\n",
            HtmlBody = $"""
                <p>{html.Encode(greeting)}</p>
                <p>{html.Encode(body)}</p>
                <p><a href="{html.Encode(link)}" style="display:inline-block;padding:10px 18px;background:#0b5cab;color:#fff;border-radius:6px;text-decoration:none">{html.Encode(action)}</a></p>
                <p style="color:#555">{html.Encode(ignore)}</p>
                <p style="color:#555">{html.Encode(siteName)}</p>
                """,
        }.ToMessageBody();
        return transport.SendAsync(message);
    }
}
