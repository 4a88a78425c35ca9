namespace DigitalAlmaty.Web.Features.Operations;

/// <summary>This instance's name in logs and metrics: <c>Portal:NodeName</c>, or the machine's name.</summary>
public sealed class PortalNode(string name)
{
    public const string NameKey = "Portal:NodeName";

    public string Name { get; } = name;

    public static PortalNode From(IConfiguration configuration) =>
        new(string.IsNullOrWhiteSpace(configuration[NameKey]) ? Environment.MachineName : configuration[NameKey]!.Trim());
}
