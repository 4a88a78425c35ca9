using System.Security.Claims;
using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Domain.Participation;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Data.Auditing;
using DigitalAlmaty.Web.Features.Accounts;
using DigitalAlmaty.Web.Realtime;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Participation;

/// <summary>
/// The city's answer to a published idea. Editors and administrators (checked in the database at
/// the moment they post) give a status and its explanation; the idea's status, the answer, the
/// audit line and a bell notification for the author and every follower are saved together.
/// </summary>
public sealed class CityAnswerService(
    IDbContextFactory<PortalDbContext> databases, TimeProvider clock, ActingUser acting, PortalEventFeed feed)
{
    /// <summary>The answers given so far, oldest first: the idea page's timeline.</summary>
    public async Task<IReadOnlyList<CityAnswer>> TimelineAsync(Guid ideaId)
    {
        await using var db = await databases.CreateDbContextAsync();
        return await db.CityAnswers.AsNoTracking().Where(a => a.IdeaId == ideaId)
            .OrderBy(a => a.AnsweredAt).ThenBy(a => a.Id).ToListAsync();
    }

    /// <summary>The idea's title and current status for the answer form, or null when it is not a published idea.</summary>
    public async Task<(string Title, CityStatus? Status)?> TargetAsync(Guid ideaId)
    {
        await using var db = await databases.CreateDbContextAsync();
        var idea = await db.Ideas.AsNoTracking().Where(i => i.Id == ideaId && i.Status == SubmissionStatus.Published)
            .Select(i => new { i.Title, i.CityStatus }).SingleOrDefaultAsync();
        return idea is null ? null : (idea.Title, idea.CityStatus);
    }

    public async Task<CityAnswerResult> AnswerAsync(ClaimsPrincipal staff, Guid ideaId, CityStatus? status, string? textRu, string? textKk, string? textEn)
    {
        if (await acting.InRoleAsync(staff, PortalRoles.Editor) is not { Id: var staffId })
        {
            return CityAnswerResult.Fail(CityAnswerResult.NotAllowed);
        }

        await using var db = await databases.CreateDbContextAsync();
        var idea = await db.Ideas.AsNoTracking().Where(i => i.Id == ideaId && i.Status == SubmissionStatus.Published)
            .Select(i => new { i.Title, i.CityStatus }).SingleOrDefaultAsync();
        if (idea is null)
        {
            return CityAnswerResult.Fail(CityAnswerResult.NotFound);
        }

        var errors = CityAnswerRules.Validate(idea.CityStatus, status, textRu, textKk, textEn);
        if (errors.Count > 0)
        {
            return CityAnswerResult.Fail(CityAnswerResult.Invalid, errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.First().Code));
        }

        var now = clock.GetUtcNow();
        var answer = new CityAnswer
        {
            IdeaId = ideaId,
            Status = status!.Value,
            TextRu = textRu!.Trim(),
            TextKk = Optional(textKk),
            TextEn = Optional(textEn),
            AnsweredAt = now,
            AuthorId = staffId,
        };
        db.CityAnswers.Add(answer);
        Audit.Record(db, now, staffId, CityAnswerAudit.Answered, new AuditSubject(nameof(SubmissionKind.Idea), ideaId.ToString()),
            new CityAnswerAudit(answer.Status, answer.TextRu), before: idea.CityStatus?.ToString(), after: answer.Status.ToString());
        var audience = await FollowService.AudienceAsync(db, ideaId);
        var notifications = audience.Select(userId => new Notification
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            CreatedAt = now,
            SubmissionId = ideaId,
            Kind = SubmissionKind.Idea,
            Action = SubmissionAction.Approve,
            SubmissionTitle = idea.Title,
            Topic = Notification.CityAnswerTopic(answer.Status),
            Message = idea.Title,
        }).ToList();
        db.Notifications.AddRange(notifications);

        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.SaveChangesAsync();
        await db.Ideas.Where(i => i.Id == ideaId).ExecuteUpdateAsync(set => set.SetProperty(i => i.CityStatus, answer.Status));
        await transaction.CommitAsync();

        feed.Publish(new CityAnswerChanged(ideaId, answer.Status));
        foreach (var notification in notifications)
        {
            feed.Publish(new NotificationCreated(notification.UserId, notification.Id));
        }

        return CityAnswerResult.Ok();
    }

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
