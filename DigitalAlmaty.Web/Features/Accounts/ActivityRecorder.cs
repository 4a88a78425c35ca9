using System.Collections.Concurrent;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Submissions;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Accounts;

/// <summary>
/// Keeps <see cref="PortalUser.LastActivityAt"/> current (clause 4.1.4): every sign-in, and signed-in
/// requests and circuit activity at most once per <see cref="Interval"/>. New activity also clears
/// the inactivity warnings, so a user who came back starts a fresh six months. The interval is held
/// both here (no query at all for most requests) and in the update's condition (several nodes).
/// </summary>
public sealed class ActivityRecorder(IDbContextFactory<PortalDbContext> databases, TimeProvider clock, ILogger<ActivityRecorder> logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    private const int MaxRemembered = 50_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _written = new(StringComparer.Ordinal);

    /// <summary>A signed-in request or circuit event: written only when the last write is older than <see cref="Interval"/>.</summary>
    public Task TouchAsync(string userId, CancellationToken cancellationToken = default) => WriteAsync(userId, force: false, cancellationToken);

    /// <summary>A sign-in: always written.</summary>
    public Task SignedInAsync(string userId, CancellationToken cancellationToken = default) => WriteAsync(userId, force: true, cancellationToken);

    private async Task WriteAsync(string userId, bool force, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!force && _written.TryGetValue(userId, out var last) && now - last < Interval && now >= last)
        {
            return;
        }

        if (_written.Count > MaxRemembered)
        {
            foreach (var stale in _written.Where(e => now - e.Value >= Interval).Select(e => e.Key).ToList())
            {
                _written.TryRemove(stale, out _);
            }
        }

        _written[userId] = now;
        try
        {
            var before = now - Interval;
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            await db.Users
                .Where(u => u.Id == userId && u.AnnulledAt == null && (force || u.LastActivityAt == null || u.LastActivityAt <= before || u.LastActivityAt > now))
                .ExecuteUpdateAsync(set => set
                    .SetProperty(u => u.LastActivityAt, now)
                    .SetProperty(u => u.InactivityFirstWarnedAt, (DateTimeOffset?)null)
                    .SetProperty(u => u.InactivityFinalWarnedAt, (DateTimeOffset?)null), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Activity is bookkeeping: a failed write must never fail the user's request.
            _written.TryRemove(userId, out _);
            logger.LogWarning(ex, "Could not record the activity of user {UserId}.", userId);
        }
    }

    /// <summary>Records signed-in requests (after authentication).</summary>
    public static IApplicationBuilder UseActivityRecording(IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (ActingUser.Id(context.User) is { } userId)
            {
                await context.RequestServices.GetRequiredService<ActivityRecorder>().TouchAsync(userId, context.RequestAborted);
            }

            await next(context);
        });
}
