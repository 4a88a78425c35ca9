using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.PersonalData;

/// <summary>
/// Written claims the user filed (7.1): signed in, or anonymously with the account's e-mail address.
/// The answer is included; which administrator wrote it is staff data and is left out.
/// </summary>
internal sealed class ClaimsSection : IUserDataSection
{
    public string Name => "claims";

    public int Order => 55;

    public async Task<object?> ReadAsync(PortalDbContext db, string userId, UserDataAudience audience, CancellationToken cancellationToken)
    {
        var email = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.NormalizedEmail).SingleOrDefaultAsync(cancellationToken);
        // ToUpper runs in the database (SQL upper), to meet the normalised address Identity keeps.
#pragma warning disable CA1304, CA1311, CA1862
        var claims = await db.Claims.AsNoTracking()
            .Where(c => c.ClaimantUserId == userId || (email != null && c.ClaimantEmail.ToUpper() == email))
#pragma warning restore CA1304, CA1311, CA1862
            .OrderBy(c => c.FiledAt)
            .ToListAsync(cancellationToken);
        return claims.Select(c => new
        {
            c.Number,
            c.ClaimantName,
            c.ClaimantEmail,
            Topic = c.Topic.ToString(),
            c.Subject,
            c.Text,
            c.GroundsArose,
            c.FiledAt,
            c.DueOn,
            Status = c.Status.ToString(),
            c.Answer,
            c.AnsweredAt,
            HasAttachment = c.AttachmentId is not null,
        }).ToList();
    }
}
