using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.PersonalData;

/// <summary>The in-app notifications the user received.</summary>
internal sealed class NotificationsSection : IUserDataSection
{
    public string Name => "notifications";

    public int Order => 60;

    public async Task<object?> ReadAsync(PortalDbContext db, string userId, UserDataAudience audience, CancellationToken cancellationToken) =>
        (await db.Notifications.AsNoTracking().Where(n => n.UserId == userId).ToListAsync(cancellationToken))
            .OrderBy(n => n.CreatedAt)
            .Select(n => new { n.CreatedAt, n.SubmissionId, Kind = n.Kind.ToString(), Action = n.Action.ToString(), n.SubmissionTitle, n.Message, n.ReadAt })
            .ToList();
}
