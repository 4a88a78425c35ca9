using System.Net;
using System.Net.Http.Json;
using DigitalAlmaty.Tests.Support;
using Microsoft.Playwright;

namespace DigitalAlmaty.Tests.Browser;

/// <summary>
/// Two nodes behind Debian's nginx with the site of deploy/nginx: a visitor stays on one node (the
/// circuit's WebSocket included), a moderator whose circuit lives on node B sees what an author
/// submits through node A without reload, and the portal sees the client's address, not nginx's,
/// in its rate limits and sign-in records.
/// </summary>
public sealed class NginxTwoNodesTests(NginxTwoNodes nodes) : IClassFixture<NginxTwoNodes>
{
    private sealed record Draft(Guid Id, string Title);

    [Fact]
    public async Task RateLimitsAndSignInRecords_SeeTheClientAddress_AndOneClientStaysOnOneNode()
    {
        var email = PortalFactory.AdminEmail;
        var before = await nodes.SignInAddressesAsync(email);

        // 127.0.0.3 fails to sign in until the per-address limit refuses it.
        using var guesser = nodes.ClientFrom("127.0.0.3", nodes.RouteToA);
        var login = await HtmlPage.GetAsync(guesser, "/Identity/Account/Login");
        var wrong = new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "not-the-password" };
        for (var i = 0; i < NginxTwoNodes.AccountPostsPerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await login.SubmitAsync(guesser, wrong)).Status);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await login.SubmitAsync(guesser, wrong)).Status);

        // Another client of the same node, through the same nginx, is not limited and signs in.
        using var owner = nodes.ClientFrom("127.0.0.4", nodes.RouteToA);
        var ownLogin = await HtmlPage.GetAsync(owner, "/Identity/Account/Login");
        var signedIn = await ownLogin.SubmitAsync(owner, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = PortalFactory.AdminPassword });
        Assert.NotEqual(HttpStatusCode.TooManyRequests, signedIn.Status);
        Assert.DoesNotContain("/Identity/Account/Login", signedIn.Response.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);

        var recorded = (await nodes.SignInAddressesAsync(email)).Skip(before.Count).ToList();
        Assert.Equal(Enumerable.Repeat("127.0.0.3", NginxTwoNodes.AccountPostsPerMinute).Append("127.0.0.4"), recorded);
        // Every page and post of both clients was served by node A, the node their cookie names.
        var served = (await nodes.Nginx.UpstreamsAsync("/Identity/Account/Login", "127.0.0.3", atLeast: 2 + NginxTwoNodes.AccountPostsPerMinute))
            .Concat(await nodes.Nginx.UpstreamsAsync("/Identity/Account/Login", "127.0.0.4", atLeast: 2)).ToList();
        Assert.Equal(2 + NginxTwoNodes.AccountPostsPerMinute + 2, served.Count);
        Assert.All(served, upstream => Assert.Equal(nodes.UpstreamA, upstream));

        // A first visit gets the sticky cookie from nginx.
        using var newcomer = new HttpClient { BaseAddress = nodes.Nginx.Address };
        var first = await newcomer.GetAsync("/healthz");
        Assert.Contains(first.Headers.GetValues("Set-Cookie"), c => c.StartsWith(NginxTwoNodes.RouteCookie + "=", StringComparison.Ordinal));
    }

    /// <summary>Node B is used only here: it is stopped at the end, as systemd stops a node.</summary>
    [Fact]
    public async Task ModeratorOnNodeB_SeesASubmissionThroughNodeA_WithoutReload_AndWhenNodeBStops_MovesToNodeA()
    {
        Assertions.SetDefaultExpectTimeout(20_000);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(BrowserSession.LaunchOptions());
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = nodes.Nginx.Address.ToString(), Locale = "ru-RU" });
        await context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = NginxTwoNodes.RouteCookie, Value = nodes.RouteToB, Domain = "127.0.0.1", Path = "/" }]);
        var queue = await context.NewPageAsync();
        await new LoginPage(queue).SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await Assertions.Expect(new SiteHeader(queue).DisplayName).ToBeVisibleAsync();
        await queue.GotoAsync("/moderation");
        await Assertions.Expect(queue.Locator(".moderation[data-interactive=true]")).ToHaveCountAsync(1);
        await queue.EvaluateAsync("() => window.__sameDocument = true");

        // The author's draft and submit go through nginx to node A.
        using var author = nodes.ClientFrom("127.0.0.5", nodes.RouteToA);
        (await author.PostAsync("/bench/moderation/setup?waiting=0", null)).EnsureSuccessStatusCode();
        var draft = await SubmitThroughAsync(author);

        ILocator Row(Guid id) => queue.Locator($"[data-testid=queue-row][data-id='{id}']");
        await Assertions.Expect(Row(draft.Id)).ToBeVisibleAsync();
        Assert.True(await queue.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The queue was reloaded.");
        Assert.Equal(nodes.UpstreamA, Assert.Single(await nodes.Nginx.UpstreamsAsync($"/bench/moderation/submit/{draft.Id}", "127.0.0.5")));
        var circuit = (await File.ReadAllLinesAsync(nodes.Nginx.AccessLog)).Where(l => l.Contains(" /_blazor", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(circuit);
        Assert.All(circuit, line => Assert.EndsWith(nodes.UpstreamB, line, StringComparison.Ordinal));

        // An author on node B types; node B is stopped as systemd stops it (SIGTERM) before the draft is saved.
        var writing = await context.NewPageAsync();
        var editor = new IdeaEditorPage(writing);
        await editor.OpenNewAsync();
        await editor.Title.FillAsync("Велодорожки на Абая");
        await editor.Goal.FillAsync("Связать парки вдоль проспекта.");
        await editor.WaitUntilSavedAsync();
        await editor.Tasks.FillAsync("Разметка и светофоры на 12 перекрёстках.");
        var logged = (await File.ReadAllLinesAsync(nodes.Nginx.AccessLog)).Length;
        const string BeforeStop = "() => window.__beforeStop = true";
        await queue.EvaluateAsync(BeforeStop);
        await writing.EvaluateAsync(BeforeStop);
        await nodes.NodeB.StopAsync(TimeSpan.FromSeconds(45));
        Assert.Equal(0, nodes.NodeB.ExitCode);

        // Both pages come back on node A by themselves: the queue with its rows, live again; the editor with every word.
        // Node A does not know the circuits of node B: the reconnect is rejected and the page loads again, from node A.
        const string ReloadedAndLive = "selector => window.__beforeStop === undefined && document.querySelector(selector) !== null";
        await queue.WaitForFunctionAsync(ReloadedAndLive, ".moderation[data-interactive=true]", new() { Timeout = 60_000 });
        await Assertions.Expect(Row(draft.Id)).ToBeVisibleAsync();
        await queue.EvaluateAsync("() => window.__sameDocument = true");
        var later = await SubmitThroughAsync(author);
        await Assertions.Expect(Row(later.Id)).ToBeVisibleAsync();
        Assert.True(await queue.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The queue was reloaded after the move.");
        await writing.WaitForFunctionAsync(ReloadedAndLive, "[data-testid=submit]:not([disabled])", new() { Timeout = 60_000 });
        await Assertions.Expect(editor.Title).ToHaveValueAsync("Велодорожки на Абая");
        await Assertions.Expect(editor.Goal).ToHaveValueAsync("Связать парки вдоль проспекта.");
        await Assertions.Expect(editor.Tasks).ToHaveValueAsync("Разметка и светофоры на 12 перекрёстках.");
        await editor.WaitUntilSavedAsync();
        var moved = (await File.ReadAllLinesAsync(nodes.Nginx.AccessLog)).Skip(logged).Where(l => l.Contains(" /_blazor/negotiate", StringComparison.Ordinal)).ToList();
        // Both pages negotiate their new circuits with node A (nginx may first have tried node B, then
        // moved on; a reconnect that reached node B while it was still shutting down failed there).
        Assert.True(moved.Count(line => line.EndsWith(nodes.UpstreamA, StringComparison.Ordinal)) >= 2, string.Join('\n', moved));
        Assert.EndsWith(nodes.UpstreamA, moved[^1], StringComparison.Ordinal);
    }

    private static async Task<Draft> SubmitThroughAsync(HttpClient author)
    {
        using var drafted = await author.PostAsync($"/bench/moderation/draft?tag=nginx-{Guid.NewGuid():N}", null);
        drafted.EnsureSuccessStatusCode();
        var draft = (await drafted.Content.ReadFromJsonAsync<Draft>())!;
        (await author.PostAsync($"/bench/moderation/submit/{draft.Id}", null)).EnsureSuccessStatusCode();
        return draft;
    }
}
