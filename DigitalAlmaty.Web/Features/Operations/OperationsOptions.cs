namespace DigitalAlmaty.Web.Features.Operations;

/// <summary>Settings under <c>Operations</c>.</summary>
public sealed class OperationsOptions
{
    public const string Section = "Operations";

    /// <summary>How often each node tells the others it is alive (<see cref="NodeHeartbeat"/>).</summary>
    public int HeartbeatSeconds { get; set; } = 5;
}
