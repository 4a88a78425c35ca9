using System.Diagnostics.Metrics;
using DigitalAlmaty.Domain.Submissions;

namespace DigitalAlmaty.Web.Telemetry;

/// <summary>
/// The portal's own meter (<see cref="MeterName"/>): what an operator watches besides the
/// framework's meters. Infrastructure, so that the event relay, mail and every feature can count;
/// exporting is Features/Operations' business. Instrument names follow OpenTelemetry's conventions; the Prometheus exporter
/// turns <c>digitalalmaty.moderation.decisions</c> into <c>digitalalmaty_moderation_decisions_total</c>
/// and a histogram in seconds into <c>…_seconds_bucket/_sum/_count</c> (README, "Metrics").
/// </summary>
public sealed class PortalMetrics
{
    public const string MeterName = "DigitalAlmaty";

    /// <summary>The decisions a moderator can take, as the <c>decision</c> label writes them.</summary>
    private static readonly SubmissionAction[] Decisions =
        [SubmissionAction.Approve, SubmissionAction.Reject, SubmissionAction.RequestInformation, SubmissionAction.Hide, SubmissionAction.Restore];

    /// <summary>Seconds: from a few milliseconds (one node) to the minutes of a Redis outage.</summary>
    private static readonly double[] LatencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly Meter _meter;
    private readonly UpDownCounter<long> _circuits;
    private readonly Histogram<double> _queueArrival;
    private readonly Counter<long> _decisions;
    private readonly Counter<long> _letters;
    private readonly Histogram<double> _relayLag;
    private readonly Counter<long> _relayOutages;
    private readonly Counter<long> _refusals;
    private int _relayObserved;
    private long _openCircuits;
    private long _lettersSent;
    private long _lettersFailed;
    private int _lastLetterFailed;

    public PortalMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _circuits = _meter.CreateUpDownCounter<long>(
            "digitalalmaty.circuits.open", "{circuit}", "Interactive circuits open on this node, by the kind of page they were opened on.");
        _queueArrival = _meter.CreateHistogram(
            "digitalalmaty.moderation.queue_arrival", "s",
            "From an item's submit to its row being ready for every open moderation queue on this node.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _decisions = _meter.CreateCounter<long>(
            "digitalalmaty.moderation.decisions", "{decision}", "Moderators' decisions taken on this node, by decision.");
        _letters = _meter.CreateCounter<long>(
            "digitalalmaty.mail.letters", "{letter}", "Letters handed to the mail transport, by outcome (sent, failed).");
        _relayLag = _meter.CreateHistogram(
            "digitalalmaty.realtime.relay_lag", "s",
            "From a node publishing a portal event on Redis to this node receiving it (the sender's clock).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _relayOutages = _meter.CreateCounter<long>(
            "digitalalmaty.realtime.relay_outages", "{outage}", "Times this node lost Redis (one per outage, however long).");
        _refusals = _meter.CreateCounter<long>(
            "digitalalmaty.ratelimit.refusals", "{request}", "Requests refused with 429, by the endpoint's rate-limit policy (global where it has none).");

        // Known label values start at zero, so that rate() sees the first event and an operator sees
        // the series before anything happened.
        foreach (var kind in PageKinds.All)
        {
            _circuits.Add(0, Tag("page_kind", kind));
        }

        foreach (var decision in Decisions)
        {
            _decisions.Add(0, Tag("decision", DecisionLabel(decision)));
        }

        _letters.Add(0, Tag("outcome", "sent"));
        _letters.Add(0, Tag("outcome", "failed"));
    }

    /// <summary>Starts <c>digitalalmaty.ratelimit.refusals</c> at zero for each policy the portal has.</summary>
    public void ExpectRefusals(params string[] policies)
    {
        foreach (var policy in policies)
        {
            _refusals.Add(0, Tag("policy", policy));
        }
    }

    /// <summary>Circuits open on this node now, all kinds together (the operator's page shows it per node).</summary>
    public long OpenCircuits => Interlocked.Read(ref _openCircuits);

    /// <summary>Letters handed to the transport since this node started.</summary>
    public long LettersSent => Interlocked.Read(ref _lettersSent);

    /// <summary>Letters the transport refused since this node started.</summary>
    public long LettersFailed => Interlocked.Read(ref _lettersFailed);

    /// <summary>True while the latest letter failed: mail is failing now, not only some time since the start.</summary>
    public bool LettersFailing => Volatile.Read(ref _lastLetterFailed) == 1;

    public void CircuitOpened(string kind)
    {
        Interlocked.Increment(ref _openCircuits);
        _circuits.Add(1, Tag("page_kind", kind));
    }

    public void CircuitClosed(string kind)
    {
        Interlocked.Decrement(ref _openCircuits);
        _circuits.Add(-1, Tag("page_kind", kind));
    }

    public void QueueArrival(TimeSpan sinceSubmit) => _queueArrival.Record(Math.Max(0, sinceSubmit.TotalSeconds));

    public void Decided(SubmissionAction decision) => _decisions.Add(1, Tag("decision", DecisionLabel(decision)));

    public void LetterSent()
    {
        Interlocked.Increment(ref _lettersSent);
        Volatile.Write(ref _lastLetterFailed, 0);
        _letters.Add(1, Tag("outcome", "sent"));
    }

    public void LetterFailed()
    {
        Interlocked.Increment(ref _lettersFailed);
        Volatile.Write(ref _lastLetterFailed, 1);
        _letters.Add(1, Tag("outcome", "failed"));
    }

    public void RelayLag(TimeSpan lag) => _relayLag.Record(Math.Max(0, lag.TotalSeconds));

    public void RelayOutage() => _relayOutages.Add(1);

    public void RateLimitRefused(string policy) => _refusals.Add(1, Tag("policy", policy));

    /// <summary>
    /// Called by the Redis relay when one is configured: <c>digitalalmaty.realtime.relay_connected</c>
    /// reads 1 while this node is connected to Redis, 0 otherwise; outages start counting at zero.
    /// </summary>
    public void ObserveRelay(Func<bool> connected)
    {
        if (Interlocked.Exchange(ref _relayObserved, 1) == 1)
        {
            return;
        }

        _relayOutages.Add(0);
        _meter.CreateObservableGauge(
            "digitalalmaty.realtime.relay_connected", () => connected() ? 1 : 0, "{connection}", "1 while this node is connected to Redis, 0 while it is cut off.");
    }

    /// <summary>Gauges whose values someone else keeps (the waiting items, read by Operations' QueueMetrics).</summary>
    public void ObserveQueue(Func<Measurement<long>?> waiting, Func<Measurement<double>?> oldestWait)
    {
        _meter.CreateObservableGauge(
            "digitalalmaty.moderation.waiting", () => waiting() is { } value ? [value] : Array.Empty<Measurement<long>>(), "{item}",
            "Items waiting for a moderator (read at most every few seconds, not per scrape).");
        _meter.CreateObservableGauge(
            "digitalalmaty.moderation.oldest_wait", () => oldestWait() is { } value ? [value] : Array.Empty<Measurement<double>>(), "s",
            "How long the oldest waiting item has waited.");
    }

    private static string DecisionLabel(SubmissionAction decision) => decision switch
    {
        SubmissionAction.Approve => "approve",
        SubmissionAction.Reject => "reject",
        SubmissionAction.RequestInformation => "request_information",
        SubmissionAction.Hide => "hide",
        SubmissionAction.Restore => "restore",
        _ => "other",
    };

    private static KeyValuePair<string, object?> Tag(string key, string value) => new(key, value);
}
