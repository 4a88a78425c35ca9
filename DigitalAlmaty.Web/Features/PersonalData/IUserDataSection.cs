using DigitalAlmaty.Web.Data;

namespace DigitalAlmaty.Web.Features.PersonalData;

/// <summary>
/// One part of the export, one per feature that holds data about users (profile, submissions,
/// acceptances, reports, …). Register an implementation with
/// <c>services.AddScoped&lt;IUserDataSection, MySection&gt;()</c> and it appears in every export
/// under <see cref="Name"/>. Sections read with the given context and return plain, serializable values.
/// </summary>
public interface IUserDataSection
{
    /// <summary>The section's property name in the JSON: stable, camelCase.</summary>
    string Name { get; }

    /// <summary>Where the section stands in the document (lower first).</summary>
    int Order { get; }

    Task<object?> ReadAsync(PortalDbContext db, string userId, UserDataAudience audience, CancellationToken cancellationToken);
}
