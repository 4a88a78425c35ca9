using System.Globalization;
using Bunit;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Tests.Web;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Moderation;
using DigitalAlmaty.Web.Features.Operations;
using DigitalAlmaty.Web.Realtime;
using DigitalAlmaty.Web.Telemetry;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Components;

/// <summary>
/// The open operator's page follows the roster: a node that reports in appears, one that leaves
/// disappears, with no reload and no call from the test other than the beats themselves.
/// </summary>
public sealed class SystemPageLiveTests : BunitContext, IAsyncLifetime
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    private readonly string _directory = TestDatabases.NewTempDirectory();
    private readonly ServiceProvider _database;
    private readonly NodeRoster _roster = new(TimeProvider.System);
    private readonly PortalNode _node = new("node-here");
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public SystemPageLiveTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("ru-RU");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru-RU");
        _database = TestDatabases.BuildServices(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Portal"] = $"Data Source={Path.Combine(_directory, "portal.db")}",
        });

        Services.AddLocalization();
        Services.AddLogging();
        Services.AddMetrics();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<PortalEventFeed>();
        Services.AddSingleton(_database.GetRequiredService<IDbContextFactory<PortalDbContext>>());
        Services.AddSingleton<ModerationQueue>();
        Services.AddSingleton(sp => new PortalMetrics(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()));
        Services.AddSingleton<QueueMetrics>();
        Services.AddSingleton(_roster);
        Services.AddSingleton(_node);
        AddAuthorization().SetAuthorized("Администратор").SetRoles("Admin");
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public async Task InitializeAsync()
    {
        await using var db = await _database.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        await db.Database.MigrateAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
        TestDatabases.DeleteSqliteDirectory(_directory);
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }

    [Fact]
    public void ANodeThatReportsIn_Appears_AndOneThatLeaves_Disappears_WithoutAReload()
    {
        _roster.Apply(NodeBeats.Of(_node.Name, DateTimeOffset.UtcNow, Every, instance: _node.Instance));
        var page = Render<SystemPage>();
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("section.system-page").GetAttribute("data-live")));
        Assert.Equal([_node.Name], Nodes(page));
        Assert.Contains("этот узел", page.Find($"tr[data-node='{_node.Name}']").TextContent, StringComparison.Ordinal);

        var other = NodeBeats.Of("node-there", DateTimeOffset.UtcNow, Every, circuits: 3);
        _roster.Apply(other);
        page.WaitForAssertion(() => Assert.Equal([_node.Name, "node-there"], Nodes(page)), TimeSpan.FromSeconds(5));
        Assert.Equal("3", page.Find("tr[data-node='node-there'] [data-testid='node-circuits']").TextContent.Trim());
        Assert.Equal("2", page.Find("[data-testid='node-count']").TextContent.Trim());

        _roster.Apply(other with { Circuits = 11, At = DateTimeOffset.UtcNow });
        page.WaitForAssertion(
            () => Assert.Equal("11", page.Find("tr[data-node='node-there'] [data-testid='node-circuits']").TextContent.Trim()), TimeSpan.FromSeconds(5));

        _roster.Apply(other with { Leaving = true });
        page.WaitForAssertion(() => Assert.Equal([_node.Name], Nodes(page)), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task AClosedPage_StopsFollowingTheRoster()
    {
        var page = Render<SystemPage>();
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("section.system-page").GetAttribute("data-live")));
        Assert.Equal(1, _roster.Listeners);

        await DisposeComponentsAsync();

        Assert.Equal(0, _roster.Listeners);
    }

    private static string[] Nodes(IRenderedComponent<SystemPage> page) =>
        [.. page.FindAll("tr.system-node").Select(row => row.GetAttribute("data-node")!)];
}
