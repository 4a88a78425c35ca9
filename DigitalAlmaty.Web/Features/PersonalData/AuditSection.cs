using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.PersonalData;

/// <summary>
/// Audit entries the user made, and those about the user or the user's items. Another actor is
/// named only as "staff". An administrator's disclosure request (<see cref="UserDataExport.AuditAction"/>)
/// appears only in an administrator's export: telling the subject could defeat an investigation (6.1–6.3).
/// </summary>
internal sealed class AuditSection : IUserDataSection
{
    public string Name => "auditEntries";

    public int Order => 70;

    public async Task<object?> ReadAsync(PortalDbContext db, string userId, UserDataAudience audience, CancellationToken cancellationToken)
    {
        var ids = (await db.Submissions.AsNoTracking().Where(s => s.AuthorId == userId).Select(s => s.Id).ToListAsync(cancellationToken))
            .Select(id => id.ToString()).ToList();
        var entries = db.AuditLog.AsNoTracking().Where(a =>
            a.ActorId == userId
            || (a.SubjectType == "User" && a.SubjectId == userId)
            || ((a.SubjectType == nameof(SubmissionKind.Idea) || a.SubjectType == nameof(SubmissionKind.Event)) && ids.Contains(a.SubjectId)));
        if (audience == UserDataAudience.Self)
        {
            entries = entries.Where(a => a.Action != UserDataExport.AuditAction || a.ActorId == userId);
        }

        return (await entries.ToListAsync(cancellationToken))
            .OrderBy(a => a.At).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.At,
                By = a.ActorId == userId ? "user" : "staff",
                a.Action,
                a.SubjectType,
                a.SubjectId,
                a.Before,
                a.After,
                a.Details,
            })
            .ToList();
    }
}
