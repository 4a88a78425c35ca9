using Microsoft.AspNetCore.Identity;

namespace DigitalAlmaty.Web.Data;

/// <summary>An account. Other people only ever see <see cref="DisplayName"/> (clause 4.4.6).</summary>
public class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The language the user last chose; mail is written in it.</summary>
    public string PreferredCulture { get; set; } = "ru-RU";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Last sign-in or signed-in request; drives annulment of unused accounts (4.1.4).</summary>
    public DateTimeOffset? LastActivityAt { get; set; }
}
