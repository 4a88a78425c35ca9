using ArchUnitNET.Domain;
using ArchUnitNET.Loader;

namespace DigitalAlmaty.Tests.House;

/// <summary>
/// The direction of dependencies drawn in docs/architecture.md, checked on the compiled assemblies
/// (every type reference, not only <c>using</c> lines): Domain at the bottom, then infrastructure
/// that knows no feature, then the features in the order below, then the shell. An edge that goes
/// up, or sideways between features against the order, fails unless it is listed as debt; the debt
/// list may only shrink.
/// </summary>
public sealed class LayeringTests
{
    /// <summary>Knows nothing but itself.</summary>
    private static readonly string[] Domain = ["Domain"];

    /// <summary>Knows the Domain and each other, never a feature or the shell.</summary>
    private static readonly string[] Infrastructure =
        ["Data", "Realtime", "Telemetry", "Localization", "Resources", "Components.Shared", "Features.Mail", "Features.Files"];

    /// <summary>Bottom to top: a feature may use the features before it in this list, never those after it.</summary>
    private static readonly string[] Features =
    [
        "Features.Accounts", "Features.Inactivity", "Features.Security", "Features.Agreement", "Features.Blocking",
        "Features.Submissions", "Features.Notifications", "Features.Flags", "Features.Participation", "Features.Workspace", "Features.Publications",
        "Features.Catalog", "Features.Ideas", "Features.Events", "Features.Moderation", "Features.Claims",
        "Features.PersonalData", "Features.Admin", "Features.Backup", "Features.OpenData", "Features.Operations", "Features.Demo",
    ];

    /// <summary>Composition and layout: may use anything below it.</summary>
    private static readonly string[] Shell = ["Web", "Components", "Components.Layout", "Components.Pages", "Areas"];

    /// <summary>
    /// Edges that break the direction today, each to be removed (issue #14); when one disappears the
    /// test says so and it leaves this list. Nothing new is added here; an entry may only change
    /// when the same piece of code moves (FileEndpoints' read rules now ask Accounts, not Submissions,
    /// who is acting: the rules belong in a feature above Claims and Publications).
    /// </summary>
    private static readonly string[] Debt =
    [
        "Features.Accounts -> Features.Admin", "Features.Accounts -> Features.Blocking",
        "Features.Agreement -> Features.Blocking", "Features.Agreement -> Features.Catalog", "Features.Agreement -> Features.Moderation",
        "Features.Agreement -> Features.PersonalData",
        "Features.Blocking -> Features.Flags", "Features.Publications -> Features.Catalog",
        "Features.Files -> Features.Accounts", "Features.Files -> Features.Claims", "Features.Files -> Features.Publications",
        "Features.Mail -> Features.Blocking",
        "Features.Catalog -> Components.Layout", "Features.Catalog -> Web", "Features.Events -> Components.Layout",
        "Features.Ideas -> Components.Layout", "Features.Moderation -> Components.Layout", "Features.Publications -> Components.Layout",
        "Features.Publications -> Components.Pages", "Features.Publications -> Web", "Features.Workspace -> Web",
    ];

    private static readonly Lazy<Dictionary<string, SortedSet<string>>> Edges = new(ReadEdges);

    /// <summary>"From -> To" between areas, each with the type references that make it.</summary>
    private static Dictionary<string, SortedSet<string>> ReadEdges()
    {
        var architecture = new ArchLoader()
            .LoadAssemblies(typeof(DigitalAlmaty.Web.PortalStartup).Assembly, typeof(DigitalAlmaty.Domain.Ideas.Idea).Assembly)
            .Build();
        var edges = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var type in architecture.Types)
        {
            if (Area(type) is not { } from)
            {
                continue;
            }

            foreach (var dependency in type.Dependencies)
            {
                if (Area(dependency.Target) is { } to && to != from)
                {
                    var key = $"{from} -> {to}";
                    if (!edges.TryGetValue(key, out var uses))
                    {
                        edges[key] = uses = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    uses.Add($"{Outer(type)} uses {Outer(dependency.Target)}");
                }
            }
        }

        return edges;
    }

    private static string Outer(IType type) => type.FullName.Split('+')[0];

    /// <summary>The area a type lives in: Domain, Web (the root namespace), Features.X, Components.X, Data, …</summary>
    internal static string? Area(IType type)
    {
        // Generic parameters (of a local function, say) have no namespace: they belong to no area.
        var ns = type.Namespace?.FullName ?? string.Empty;
        if (ns == "DigitalAlmaty.Domain" || ns.StartsWith("DigitalAlmaty.Domain.", StringComparison.Ordinal))
        {
            return "Domain";
        }

        if (ns != "DigitalAlmaty.Web" && !ns.StartsWith("DigitalAlmaty.Web.", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = ns.Split('.');
        return parts.Length switch
        {
            2 => "Web",
            3 => parts[2],
            _ when parts[2] is "Features" or "Components" => $"{parts[2]}.{parts[3]}",
            _ => parts[2],
        };
    }

    private static int Layer(string area) =>
        Domain.Contains(area) ? 0 : Infrastructure.Contains(area) ? 1 : Features.Contains(area) ? 2 : Shell.Contains(area) ? 3 : -1;

    internal static bool Allowed(string from, string to)
    {
        var (a, b) = (Layer(from), Layer(to));
        if (a < 0 || b < 0)
        {
            return false;
        }

        return a == 2 && b == 2 ? Array.IndexOf(Features, from) > Array.IndexOf(Features, to) : a > b || (a == b && a is 1 or 3);
    }

    [Fact]
    public void EveryArea_HasItsPlaceInTheLayers()
    {
        var areas = Edges.Value.Keys.SelectMany(k => k.Split(" -> ")).Distinct().Where(a => Layer(a) < 0).ToList();
        Assert.True(areas.Count == 0,
            $"New areas without a layer: {string.Join(", ", areas)}. Place each in LayeringTests and docs/architecture.md.");
    }

    [Fact]
    public void EveryDependency_GoesDown_OrIsKnownDebt()
    {
        var wrong = Edges.Value
            .Where(e => !Debt.Contains(e.Key) && !Allowed(e.Key.Split(" -> ")[0], e.Key.Split(" -> ")[1]))
            .Select(e => $"{e.Key}: {string.Join("; ", e.Value.Take(3))}")
            .ToList();
        Assert.True(wrong.Count == 0,
            "Dependencies against the direction in docs/architecture.md (move the type down, or let the lower layer own an interface):\n"
            + string.Join("\n", wrong));
    }

    [Fact]
    public void TheDebtList_OnlyShrinks()
    {
        var paid = Debt.Where(d => !Edges.Value.ContainsKey(d)).ToList();
        Assert.True(paid.Count == 0, $"These edges are gone: remove them from LayeringTests.Debt: {string.Join(", ", paid)}");
        var allowedAnyway = Debt.Where(d => Allowed(d.Split(" -> ")[0], d.Split(" -> ")[1])).ToList();
        Assert.True(allowedAnyway.Count == 0, $"Not debt, the layers allow them: {string.Join(", ", allowedAnyway)}");
    }

    [Fact]
    public void TheRule_RefusesEdgesAgainstTheDirection()
    {
        Assert.False(Allowed("Domain", "Data"));
        Assert.False(Allowed("Data", "Features.Submissions"));
        Assert.False(Allowed("Features.Submissions", "Features.Moderation"));
        Assert.False(Allowed("Features.Moderation", "Components.Layout"));
        Assert.True(Allowed("Features.Moderation", "Features.Submissions"));
        Assert.True(Allowed("Components.Layout", "Features.Moderation"));
        Assert.True(Allowed("Features.Mail", "Data"));
    }
}
