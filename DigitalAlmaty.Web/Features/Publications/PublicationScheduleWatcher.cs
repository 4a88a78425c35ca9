using DigitalAlmaty.Domain.Publications;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Catalog;
using DigitalAlmaty.Web.Realtime;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Publications;

/// <summary>
/// A scheduled publication becomes visible without anyone acting; cached pages would not know. This
/// watcher looks every few seconds for scheduled items that became due since its last look and
/// announces them, which empties the cache. One indexed query per interval.
/// </summary>
internal sealed class PublicationScheduleWatcher(
    IDbContextFactory<PortalDbContext> databases,
    TimeProvider clock,
    PortalEventFeed feed,
    Microsoft.Extensions.Options.IOptions<PublicationOptions> options,
    ILogger<PublicationScheduleWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var since = clock.GetUtcNow();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(0.2, options.Value.ScheduleCheckSeconds)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var now = clock.GetUtcNow();
                await using var db = await databases.CreateDbContextAsync(stoppingToken);
                var due = await db.Publications.AsNoTracking()
                    .Where(p => p.Status == PublicationStatus.Scheduled && p.PublishAt > since && p.PublishAt <= now)
                    .Select(p => new { p.Id, p.Kind })
                    .ToListAsync(stoppingToken);
                foreach (var item in due)
                {
                    feed.Publish(new PublicationChanged(item.Id, item.Kind, PublicationStatus.Scheduled));
                }

                since = now;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not check scheduled publications.");
            }
        }
    }
}
