using System.Security.Claims;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Accounts;
using DigitalAlmaty.Web.Features.Submissions;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Notifications;

/// <summary>
/// The signed-in user's in-app notifications (the bell and /notifications). Every method takes the
/// user and touches only that user's rows; an anonymous principal sees nothing and changes nothing.
/// </summary>
public sealed class NotificationService(IDbContextFactory<PortalDbContext> databases, TimeProvider clock)
{
    /// <summary>How many the bell shows.</summary>
    public const int BellSize = 10;

    /// <summary>The user's notifications, newest first; <paramref name="take"/> limits the count.</summary>
    public async Task<IReadOnlyList<Notification>> ListAsync(ClaimsPrincipal user, int? take = null)
    {
        if (ActingUser.Id(user) is not { } userId)
        {
            return [];
        }

        await using var db = await databases.CreateDbContextAsync();
        IQueryable<Notification> query = db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAt)
            .ThenByDescending(n => n.Id);
        if (take is { } limit)
        {
            query = query.Take(limit);
        }

        return await query.ToListAsync();
    }

    public async Task<int> UnreadCountAsync(ClaimsPrincipal user)
    {
        if (ActingUser.Id(user) is not { } userId)
        {
            return 0;
        }

        await using var db = await databases.CreateDbContextAsync();
        return await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null);
    }

    /// <summary>Marks every unread notification of the user as read; returns how many changed.</summary>
    public async Task<int> MarkAllReadAsync(ClaimsPrincipal user)
    {
        if (ActingUser.Id(user) is not { } userId)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync();
        return await db.Notifications
            .Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now));
    }

    /// <summary>Marks one of the user's notifications as read; false when it is not theirs, unknown or already read.</summary>
    public async Task<bool> MarkReadAsync(ClaimsPrincipal user, Guid notificationId)
    {
        if (ActingUser.Id(user) is not { } userId)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync();
        var changed = await db.Notifications
            .Where(n => n.Id == notificationId && n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now));
        return changed == 1;
    }
}
