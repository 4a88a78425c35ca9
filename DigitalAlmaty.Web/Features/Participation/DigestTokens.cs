using Microsoft.AspNetCore.DataProtection;

namespace DigitalAlmaty.Web.Features.Participation;

/// <summary>
/// The signed token in a digest's unsubscribe link: it names one account and only turns its digest
/// off, so it works without signing in. Signed with the portal's data-protection keys (shared by
/// every node); a token that was altered, or made for another purpose, reads as nothing.
/// </summary>
public sealed class DigestTokens(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("DigitalAlmaty.Digest.Unsubscribe.v1");

    public string For(string userId) => _protector.Protect(userId);

    /// <summary>The account the token was made for, or null.</summary>
    public string? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(token);
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or FormatException)
        {
            return null;
        }
    }
}
