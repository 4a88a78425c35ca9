using DigitalAlmaty.Web.Realtime;

namespace DigitalAlmaty.Web.Features.Operations;

/// <summary>
/// A node saying it is alive, every <paramref name="Every"/>, and what an operator needs to know about
/// it. <paramref name="Instance"/> is new on every start, so two nodes given the same name still show
/// as two. A node that stops sends one last beat with <paramref name="Leaving"/> set. No personal data.
/// </summary>
public sealed record NodeHeartbeat(
    string Instance,
    string Node,
    string Version,
    string? Commit,
    DateTimeOffset StartedAt,
    string DatabaseProvider,
    string? Migration,
    RelayState Redis,
    long Circuits,
    long LettersSent,
    long LettersFailed,
    bool LettersFailing,
    DateTimeOffset At,
    TimeSpan Every,
    bool Leaving = false) : PortalEvent;
