using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.PersonalData;

// The sections that exist today. Features added later (claims, sign-ins, …) add their own
// IUserDataSection next to their code and register it in PersonalDataSetup.

/// <summary>Every acceptance of an agreement version.</summary>
internal sealed class AcceptancesSection : IUserDataSection
{
    public string Name => "agreementAcceptances";

    public int Order => 30;

    public async Task<object?> ReadAsync(PortalDbContext db, string userId, UserDataAudience audience, CancellationToken cancellationToken) =>
        await (
            from a in db.AgreementAcceptances.AsNoTracking()
            join v in db.AgreementVersions on a.VersionId equals v.Id
            where a.UserId == userId
            orderby a.AcceptedAt
            select new { Version = v.Number, a.AcceptedAt, How = a.How.ToString() }).ToListAsync(cancellationToken);
}
