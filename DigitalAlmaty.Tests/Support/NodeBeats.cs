using DigitalAlmaty.Web.Features.Operations;

namespace DigitalAlmaty.Tests.Support;

/// <summary>Heartbeats as another node would send them, for the roster and the operator's page.</summary>
public static class NodeBeats
{
    public static NodeHeartbeat Of(string node, DateTimeOffset at, TimeSpan every, string? instance = null, long circuits = 0) => new(
        instance ?? Guid.NewGuid().ToString("N"),
        node,
        "1.0.0",
        "0123456789abcdef0123456789abcdef01234567",
        at.AddMinutes(-90),
        "Postgres",
        "20260101000000_Initial",
        RelayState.Connected,
        circuits,
        LettersSent: 40,
        LettersFailed: 2,
        LettersFailing: false,
        at,
        every);
}
