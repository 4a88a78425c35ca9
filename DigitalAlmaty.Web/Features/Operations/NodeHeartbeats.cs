using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Realtime;
using DigitalAlmaty.Web.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigitalAlmaty.Web.Features.Operations;

/// <summary>
/// Publishes this node's <see cref="NodeHeartbeat"/> over the event feed every
/// <see cref="OperationsOptions.HeartbeatSeconds"/> (so every node's <see cref="NodeRoster"/> hears
/// it, this one's included), and a leaving beat when the host stops. Everything in a beat is already
/// in memory except the last applied migration, which is read at start and then once a minute.
/// </summary>
public sealed partial class NodeHeartbeats(
    PortalEventFeed feed,
    NodeRoster roster,
    PortalNode node,
    PortalMetrics metrics,
    IDbContextFactory<PortalDbContext> databases,
    IConfiguration configuration,
    IServiceProvider services,
    IOptions<OperationsOptions> options,
    TimeProvider clock,
    ILogger<NodeHeartbeats> logger) : BackgroundService
{
    private static readonly TimeSpan MigrationReread = TimeSpan.FromMinutes(1);

    private readonly string _provider = DatabaseSetup.ReadProvider(configuration).ToString();
    private readonly TimeSpan _every = TimeSpan.FromSeconds(Math.Max(1, options.Value.HeartbeatSeconds));
    private RedisEventRelay? _relay;
    private IDisposable? _subscription;
    private DateTimeOffset _startedAt;
    private string? _migration;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _startedAt = clock.GetUtcNow();
        _relay = services.GetService<RedisEventRelay>();
        _subscription = feed.Subscribe<NodeHeartbeat>(beat =>
        {
            roster.Apply(beat);
            return Task.CompletedTask;
        });
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        _subscription?.Dispose();
        // The relay stops after this service (the host stops services in reverse order), so this
        // still reaches the other nodes, which drop this one at once instead of after missed beats.
        feed.Publish(Beat(leaving: true));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new PeriodicTimer(_every, clock);
            var migrationRead = long.MinValue;
            do
            {
                if (migrationRead == long.MinValue || clock.GetElapsedTime(migrationRead) >= MigrationReread)
                {
                    migrationRead = clock.GetTimestamp();
                    await ReadMigrationAsync(stoppingToken);
                }

                feed.Publish(Beat(leaving: false));
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync sends the leaving beat.
        }
    }

    private NodeHeartbeat Beat(bool leaving) => new(
        node.Instance,
        node.Name,
        BuildVersion.Version,
        BuildVersion.Commit,
        _startedAt,
        _provider,
        _migration,
        RelayStateNow(),
        metrics.OpenCircuits,
        metrics.LettersSent,
        metrics.LettersFailed,
        metrics.LettersFailing,
        clock.GetUtcNow(),
        _every,
        leaving);

    private RelayState RelayStateNow() => _relay switch
    {
        null => RelayState.NotConfigured,
        { Relaying: true } => RelayState.Connected,
        // Before the first connection attempt returns, or connected but not yet listening.
        { Connection: null or { IsConnected: true } } => RelayState.Connecting,
        _ => RelayState.CutOff,
    };

    private async Task ReadMigrationAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var db = await databases.CreateDbContextAsync(stoppingToken);
            _migration = (await db.Database.GetAppliedMigrationsAsync(stoppingToken)).LastOrDefault();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database is down: the beat keeps the last name read; /healthz/ready says why.
            LogMigrationUnread(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not read the last applied migration for the heartbeat")]
    private static partial void LogMigrationUnread(ILogger logger, Exception ex);
}
