using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace DigitalAlmaty.Web.Realtime;

/// <summary>
/// Carries <see cref="PortalEvent"/>s between server instances over Redis pub/sub (one channel,
/// StackExchange.Redis directly, not the SignalR backplane: circuits are per process anyway).
/// <para>
/// Redis is never on the request path. The event is delivered on this node first
/// (<see cref="PortalEventFeed.Publish"/>), then published here fire-and-forget. While Redis is
/// unreachable the cross-node copy is dropped (logged once per outage) and the node keeps working
/// on its own; when the connection comes back every subscriber on this node receives
/// <see cref="FeedResynchronized"/> and re-reads what it shows from the database.
/// </para>
/// </summary>
public sealed partial class RedisEventRelay(
    PortalEventFeed feed,
    IOptions<RealtimeOptions> options,
    ILogger<RedisEventRelay> logger,
    Telemetry.PortalMetrics metrics,
    IEnumerable<PortalEventType> featureEvents) : IPortalEventRelay, IHostedService, IAsyncDisposable
{
    private readonly JsonSerializerOptions _json = JsonOptions(featureEvents);

    private readonly RedisChannel _channel = RedisChannel.Literal(
        string.IsNullOrWhiteSpace(options.Value.RedisChannel) ? RealtimeOptions.DefaultChannel : options.Value.RedisChannel);

    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ConnectionMultiplexer? _connection;
    private Task _startup = Task.CompletedTask;
    private int _outage;
    private int _resyncing;
    private Probe? _probe;

    /// <summary>This process's random id; messages carrying it are our own echo and are ignored.</summary>
    public string NodeId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Null until the first connection attempt has returned (it never blocks start-up).</summary>
    public IConnectionMultiplexer? Connection => _connection;

    /// <summary>Completes once this node listens on the channel (for tests and diagnostics).</summary>
    public Task Subscribed => _subscribed.Task;

    private int _disposed;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        metrics.ObserveRelay(() => Relaying);
        feed.Relay = this;
        // Connecting runs in the background: an unreachable Redis must not delay or stop the start.
        _startup = Task.Run(() => ConnectAndSubscribeAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (ReferenceEquals(feed.Relay, this))
        {
            feed.Relay = null;
        }

        // The host may dispose the relay before it stops it (both are registered); stopping is then done.
        if (Volatile.Read(ref _disposed) == 0)
        {
            await _stopping.CancelAsync();
        }

        await _startup.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync();
        }

        if (_connection is { } connection)
        {
            connection.ConnectionFailed -= OnConnectionFailed;
            connection.ConnectionRestored -= OnConnectionRestored;
            await connection.DisposeAsync();
        }

        _stopping.Dispose();
    }

    /// <summary>Never throws and never waits: the caller's own node has already been served.</summary>
    public void Send(PortalEvent portalEvent)
    {
        var connection = _connection;
        if (connection is null || !_subscribed.Task.IsCompleted)
        {
            return; // still starting: nobody on the other nodes can be waiting for this node yet
        }

        if (!connection.IsConnected)
        {
            NoteOutage(null);
            return;
        }

        try
        {
            var message = JsonSerializer.Serialize(new Envelope(NodeId, portalEvent, Sent: DateTimeOffset.UtcNow), _json);
            connection.GetSubscriber().Publish(_channel, message, CommandFlags.FireAndForget);
        }
        catch (Exception ex)
        {
            NoteOutage(ex);
        }
    }

    private async Task ConnectAndSubscribeAsync(CancellationToken stopping)
    {
        try
        {
            var configuration = ConfigurationOptions.Parse(options.Value.Redis!);
            configuration.AbortOnConnectFail = false;
            // While Redis is down a publish fails at once instead of queueing stale events for later.
            configuration.BacklogPolicy = BacklogPolicy.FailFast;
            configuration.ClientName ??= "digital-almaty-" + NodeId[..8];

            var connection = await ConnectionMultiplexer.ConnectAsync(configuration);
            if (stopping.IsCancellationRequested)
            {
                await connection.DisposeAsync();
                return;
            }

            connection.ConnectionFailed += OnConnectionFailed;
            connection.ConnectionRestored += OnConnectionRestored;
            _connection = connection;

            // Subscribe once; StackExchange.Redis re-subscribes by itself after every reconnect.
            while (!stopping.IsCancellationRequested)
            {
                if (connection.IsConnected)
                {
                    try
                    {
                        await connection.GetSubscriber().SubscribeAsync(_channel, OnMessage);
                        LogSubscribed(logger, _channel.ToString(), NodeId);
                        if (Interlocked.Exchange(ref _outage, 0) == 1)
                        {
                            LogRestored(logger, null);
                        }

                        _subscribed.TrySetResult();
                        return;
                    }
                    catch (Exception ex) when (ex is RedisException or TimeoutException)
                    {
                        NoteOutage(ex);
                        await connection.GetSubscriber().UnsubscribeAsync(_channel, OnMessage, CommandFlags.FireAndForget)
                            .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    }
                }
                else
                {
                    NoteOutage(null);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        catch (Exception ex)
        {
            // A malformed connection string: the node stays on its own, loudly.
            LogStartFailed(logger, ex);
        }
    }

    private void OnMessage(RedisChannel channel, RedisValue value)
    {
        Envelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<Envelope>(value.ToString(), _json);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            LogMalformed(logger, ex, channel.ToString());
            return;
        }

        if (envelope is { Node: { Length: > 0 } prober, Probe: { } probeId })
        {
            if (prober == NodeId && Volatile.Read(ref _probe) is { } probe && probe.Id == probeId)
            {
                probe.Echo.TrySetResult();
            }

            return;
        }

        if (envelope is not { Node: { Length: > 0 } node, Event: { } portalEvent })
        {
            LogMalformed(logger, null, channel.ToString());
            return;
        }

        // Our own echo too: on one node it is the round trip through Redis, with no clocks to compare.
        if (envelope.Sent is { } sent)
        {
            metrics.RelayLag(DateTimeOffset.UtcNow - sent);
        }

        if (node != NodeId)
        {
            feed.DeliverLocally(portalEvent);
        }
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e) => NoteOutage(e.Exception);

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        // Events from other nodes may have been missed while we were away: open screens re-read.
        // Before the first subscription the start-up loop above takes care of the log line.
        if (Interlocked.Exchange(ref _outage, 0) == 1 && _subscribed.Task.IsCompleted)
        {
            _ = Task.Run(() => ResynchronizeAsync(e.EndPoint?.ToString()), CancellationToken.None);
        }
    }

    /// <summary>
    /// Waits until this node hears its own probe on the channel, which proves the subscription is
    /// back on the server, then tells the local subscribers to re-read: nothing published after
    /// that moment is missed, and whatever was missed before is in the database.
    /// </summary>
    private async Task ResynchronizeAsync(string? endPoint)
    {
        if (Interlocked.Exchange(ref _resyncing, 1) == 1)
        {
            return;
        }

        try
        {
            // Keeps trying for as long as the node runs: giving up would leave open screens trusting
            // incremental updates that may have missed events. The pause grows to 5 s between probes.
            for (var attempt = 0; !_stopping.IsCancellationRequested && _connection is { } connection; attempt++)
            {
                var probe = new Probe(Guid.NewGuid().ToString("N"));
                Volatile.Write(ref _probe, probe);
                try
                {
                    var message = JsonSerializer.Serialize(new Envelope(NodeId, null, probe.Id), _json);
                    await connection.GetSubscriber().PublishAsync(_channel, message);
                    await probe.Echo.Task.WaitAsync(TimeSpan.FromSeconds(1), _stopping.Token);
                    LogRestored(logger, endPoint);
                    feed.DeliverLocally(new FeedResynchronized());
                    return;
                }
                catch (Exception ex) when (ex is RedisException or TimeoutException)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 500 * (attempt + 1))), _stopping.Token);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // Shutting down.
        }
        finally
        {
            Volatile.Write(ref _probe, null);
            Volatile.Write(ref _resyncing, 0);
        }
    }

    private void NoteOutage(Exception? ex)
    {
        if (Interlocked.Exchange(ref _outage, 1) == 0)
        {
            metrics.RelayOutage();
            LogOutage(logger, ex);
        }
    }

    /// <summary>
    /// <see cref="PortalEvent"/>'s own derived types come from its attributes; the features' events
    /// are added to the same list here.
    /// </summary>
    private static JsonSerializerOptions JsonOptions(IEnumerable<PortalEventType> featureEvents)
    {
        var extra = featureEvents.ToArray();
        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(info =>
        {
            if (info.Type == typeof(PortalEvent) && info.PolymorphismOptions is { } polymorphism)
            {
                foreach (var type in extra)
                {
                    polymorphism.DerivedTypes.Add(new JsonDerivedType(type.Type, type.Name));
                }
            }
        });
        return new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new JsonStringEnumConverter() },
            TypeInfoResolver = resolver,
        };
    }

    /// <summary>True while this node is connected to Redis and listening on the channel.</summary>
    public bool Relaying => _connection?.IsConnected == true && _subscribed.Task.IsCompleted;

    private sealed class Probe(string id)
    {
        public string Id { get; } = id;

        public TaskCompletionSource Echo { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>
    /// <c>{"node":"…","event":{"type":"submission",…},"sent":"…"}</c>; a node checking that its subscription is
    /// back sends <c>{"node":"…","probe":"…"}</c> instead, which every node but the sender ignores.
    /// <paramref name="Sent"/> (the sender's clock) gives the relay lag; messages of older nodes lack it.
    /// </summary>
    private sealed record Envelope(string Node, PortalEvent? Event, string? Probe = null, DateTimeOffset? Sent = null);

    [LoggerMessage(Level = LogLevel.Information, Message = "Portal events relayed over Redis channel {Channel} as node {Node}")]
    private static partial void LogSubscribed(ILogger logger, string channel, string node);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unreachable: portal events stay on this node until it returns")]
    private static partial void LogOutage(ILogger logger, Exception? ex);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis is back ({EndPoint}): open screens re-synchronise from the database")]
    private static partial void LogRestored(ILogger logger, string? endPoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a malformed message on Redis channel {Channel}")]
    private static partial void LogMalformed(ILogger logger, Exception? ex, string channel);

    [LoggerMessage(Level = LogLevel.Error, Message = "The Redis relay could not start; portal events stay on this node")]
    private static partial void LogStartFailed(ILogger logger, Exception ex);
}
