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

    /// <summary>Clause 4.1.4: the account will be annulled on <paramref name="annulOn"/> unless the user signs in before.</summary>
    public Task SendInactivityWarningAsync(string to, string displayName, DateOnly lastActiveOn, DateOnly annulOn, string signInLink) =>
        SendAsync(
            to,
            displayName,
            text["Inactivity.Subject", Day(annulOn)],
            text["Inactivity.Body", Day(lastActiveOn), Day(annulOn)],
            text["Inactivity.Action"],
            signInLink,
            text["Inactivity.Footer"]);

    /// <summary>Tells the user what happened after they reported unauthorised access (4.3.3) and how to set a new password.</summary>
    public Task SendAccessReportedAsync(string to, string displayName, string resetLink) =>
        SendAsync(to, displayName, text["AccessReported.Subject"], text["AccessReported.Body"], text["ResetPassword.Action"], resetLink, text["AccessReported.Footer"]);

    /// <summary>Alerts an administrator that a user reported unauthorised access to their account (4.3.3).</summary>
    public Task SendAccessReportAlertAsync(string to, string adminName, string userName, DateTimeOffset at, string link) =>
        SendAsync(to, adminName, text["AccessAlert.Subject"], text["AccessAlert.Body", userName, Features.Blocking.GovernanceMessages.When(at)], text["AccessAlert.Action"], link, string.Empty);

    /// <summary>Tells a user that an administrator granted or revoked a staff role; <paramref name="headline"/> says which and why.</summary>
    public Task SendStaffRoleChangedAsync(string to, string displayName, string headline, string link) =>
        SendAsync(to, displayName, text["StaffRole.Subject"], headline, text["StaffRole.Action"], link, text["StaffRole.Footer"]);

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture);

    private Task SendAsync(string to, string displayName, string subject, string body, string action, string link, string? footer = null)
    {
        var settings = options.Value;
        var siteName = text["Site.Name"];
        var greeting = string.IsNullOrWhiteSpace(displayName)
            ? text["Greeting.Anonymous"].Value
            : text["Greeting.Named", displayName].Value;
        var ignore = footer ?? text["Footer.Ignore"];
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
