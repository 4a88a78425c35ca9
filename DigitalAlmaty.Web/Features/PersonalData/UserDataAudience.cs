using Microsoft.Extensions.Caching.Memory;

namespace DigitalAlmaty.Web.Features.PersonalData;

/// <summary>Who the export is for. Some entries are for the administration only (a lawful disclosure is not shown to its subject).</summary>
public enum UserDataAudience
{
    /// <summary>The user downloads their own data (account pages, or after declining the agreement).</summary>
    Self,

    /// <summary>An administrator discloses a user's data under 6.1–6.3, with a recorded reason.</summary>
    Administrator,
}
