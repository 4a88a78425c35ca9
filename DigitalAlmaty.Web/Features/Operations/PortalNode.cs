namespace DigitalAlmaty.Web.Features.Operations;

/// <summary>This instance's name in logs and metrics: <c>Portal:NodeName</c>, or the machine's name.</summary>
public sealed class PortalNode(string name)
{
    public const string NameKey = "Portal:NodeName";

    public string Name { get; } = name;

    /// <summary>New on every start: tells apart two nodes given the same name, and a node from its earlier run.</summary>
    public string Instance { get; } = Guid.NewGuid().ToString("N");

    public static PortalNode From(IConfiguration configuration) =>
        new(string.IsNullOrWhiteSpace(configuration[NameKey]) ? Environment.MachineName : configuration[NameKey]!.Trim());
}
