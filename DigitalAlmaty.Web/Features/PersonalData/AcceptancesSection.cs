using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.PersonalData;

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
