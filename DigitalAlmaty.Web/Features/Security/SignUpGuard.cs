using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace DigitalAlmaty.Web.Features.Security;

/// <summary>
/// Anti-automation for registration without any outside service (clause 4.4.2): the form carries
/// a signed timestamp, and a field that people never see or fill. A form filled in faster than a
/// person could, or with the hidden field set, is a script's.
/// </summary>
public sealed class SignUpGuard(IDataProtectionProvider protection, TimeProvider clock, Microsoft.Extensions.Options.IOptions<SignUpGuardOptions> options)
{
    public const string HoneypotField = "Input.Website";

    private readonly IDataProtector _protector = protection.CreateProtector("DigitalAlmaty.SignUpGuard.v1");

    public string IssueToken() =>
        _protector.Protect(clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));

    public SignUpVerdict Check(string? token, string? honeypot)
    {
        if (!string.IsNullOrEmpty(honeypot))
        {
            return SignUpVerdict.Bot;
        }

        if (string.IsNullOrEmpty(token))
        {
            return SignUpVerdict.Expired;
        }

        long ticks;
        try
        {
            ticks = long.Parse(_protector.Unprotect(token), CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or FormatException)
        {
            return SignUpVerdict.Expired;
        }

        var age = clock.GetUtcNow() - new DateTimeOffset(ticks, TimeSpan.Zero);
        if (age < TimeSpan.FromSeconds(options.Value.MinimumSeconds))
        {
            return SignUpVerdict.Bot;
        }

        return age > TimeSpan.FromMinutes(options.Value.MaximumMinutes) ? SignUpVerdict.Expired : SignUpVerdict.Human;
    }
}
