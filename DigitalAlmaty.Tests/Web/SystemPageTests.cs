using System.Diagnostics;
using System.Net;
using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Features.Operations;
using DigitalAlmaty.Web.Realtime;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// <c>/admin/system</c> over HTTP on one node: an administrator sees every node the roster holds and
/// the queue's waiting items in the prerendered page; anyone else gets neither.
/// </summary>
public sealed class SystemPageTests(SystemPageTests.Fixture fixture) : IClassFixture<SystemPageTests.Fixture>
{
    public const string NodeName = "node-under-test";

    public sealed class Fixture() : PortalFactory(new Dictionary<string, string?>
    {
        ["Portal:NodeName"] = NodeName,
        ["Operations:HeartbeatSeconds"] = "1",
    });

    [Fact]
    public async Task Admin_SeesEveryNode_AndTheWaitingItems_WithoutPersonalData()
    {
        var (authorId, authorEmail) = await fixture.NewUserAsync("Автор Очереди");
        var seed = new SubmissionSeed(fixture);
        var first = await seed.IdeaAsync(authorId, "Первая идея в очереди", SubmissionSeed.Submit(authorId));
        await seed.IdeaAsync(authorId, "Вторая идея в очереди", SubmissionSeed.Submit(authorId));
        fixture.Services.GetRequiredService<PortalEventFeed>()
            .Publish(new SubmissionChanged(first.Id, SubmissionKind.Idea, SubmissionStatus.Submitted, authorId));
        var queue = fixture.Services.GetRequiredService<QueueMetrics>();
        await WaitUntilAsync(() => queue.Current() is { Waiting: 2 }, "the queue's reading to count both ideas");
        var roster = fixture.Services.GetRequiredService<NodeRoster>();
        await WaitUntilAsync(() => roster.Nodes().Any(n => n.Beat.Node == NodeName), "this node's first beat");
        // Another node, as its beat over Redis would arrive.
        roster.Apply(NodeBeats.Of("node-elsewhere", DateTimeOffset.UtcNow, TimeSpan.FromSeconds(60)) with { LettersFailing = true });

        using var admin = await fixture.SignedInClientAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var page = await HtmlPage.GetAsync(admin, "/admin/system");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var own = page.Document.QuerySelector($"tr[data-node='{NodeName}']");
        Assert.NotNull(own);
        Assert.Contains("этот узел", own.TextContent, StringComparison.Ordinal);
        Assert.Contains("SQLite", own.TextContent, StringComparison.Ordinal);
        Assert.Contains("не настроен", own.TextContent, StringComparison.Ordinal);
        Assert.Contains(BuildVersion.Version, own.TextContent, StringComparison.Ordinal);
        var other = page.Document.QuerySelector("tr[data-node='node-elsewhere']");
        Assert.NotNull(other);
        Assert.Contains("PostgreSQL", other.TextContent, StringComparison.Ordinal);
        Assert.Contains("2 из 42", other.QuerySelector("[data-testid='node-letters']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("почта сейчас не уходит", other.TextContent, StringComparison.Ordinal);
        Assert.Equal("2", page.Document.QuerySelector("[data-testid='node-count']")!.TextContent.Trim());
        Assert.Equal("2", page.Document.QuerySelector("[data-testid='queue-waiting']")!.TextContent.Trim());
        Assert.Matches(@"^\d+ мин \d+ с$", page.Document.QuerySelector("[data-testid='queue-oldest']")!.TextContent.Trim());

        var body = page.Document.QuerySelector("section.system-page")!.TextContent;
        Assert.DoesNotContain("@", body, StringComparison.Ordinal);
        Assert.DoesNotContain(authorEmail, page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(PortalFactory.AdminEmail, page.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Admin_FindsThePage_InTheAccountMenu()
    {
        using var admin = await fixture.SignedInClientAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var home = await HtmlPage.GetAsync(admin, "/");

        Assert.NotNull(home.Document.QuerySelector(".account-menu a[href='admin/system']"));
    }

    [Theory]
    [InlineData(PortalRoles.Moderator)]
    [InlineData(PortalRoles.Editor)]
    [InlineData(null)]
    public async Task SignedInNonAdmin_IsRefused_AndSeesNoNode(string? role)
    {
        var (_, email) = role is null ? await fixture.NewUserAsync("Читатель") : await fixture.NewUserAsync("Сотрудник", role);
        using var client = await fixture.SignedInClientAsync(email);

        var response = await client.GetAsync(new Uri("/admin/system", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(
            response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Identity/Account/AccessDenied", StringComparison.Ordinal)),
            $"Got {(int)response.StatusCode} {response.Headers.Location}");
        Assert.DoesNotContain(NodeName, body, StringComparison.Ordinal);
        Assert.DoesNotContain("admin/system", (await HtmlPage.GetAsync(client, "/")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn_AndSeesNoNode()
    {
        using var client = fixture.CreatePortalClient();

        var response = await client.GetAsync(new Uri("/admin/system", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Identity/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain(NodeName, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), $"Waited too long for {what}.");
            await Task.Delay(100);
        }
    }
}
