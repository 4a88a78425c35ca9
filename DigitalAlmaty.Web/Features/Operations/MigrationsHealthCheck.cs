using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DigitalAlmaty.Web.Features.Operations;

/// <summary>
/// Unhealthy while the database lacks a migration this build has (another node is upgrading it, or
/// it was restored from an older backup). Once every migration was found applied the answer is
/// remembered: migrations are never taken back while the process runs, so a balancer's probes cost
/// one query (the connection check) instead of a read of the history table each time.
/// </summary>
public sealed class MigrationsHealthCheck(IDbContextFactory<PortalDbContext> databases) : IHealthCheck
{
    private volatile bool _applied;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (_applied)
        {
            return HealthCheckResult.Healthy();
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        if (pending > 0)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"{pending} migration(s) not applied.");
        }

        _applied = true;
        return HealthCheckResult.Healthy();
    }
}
