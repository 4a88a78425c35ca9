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
        var served = (await nodes.Nginx.UpstreamsAsync("/Identity/Account/Login", "127.0.0.3"))
            .Concat(await nodes.Nginx.UpstreamsAsync("/Identity/Account/Login", "127.0.0.4")).ToList();
        Assert.Equal(2 + NginxTwoNodes.AccountPostsPerMinute + 2, served.Count);
        Assert.All(served, upstream => Assert.Equal(nodes.UpstreamA, upstream));

        // A first visit gets the sticky cookie from nginx.
        using var newcomer = new HttpClient { BaseAddress = nodes.Nginx.Address };
        var first = await newcomer.GetAsync("/healthz");
        Assert.Contains(first.Headers.GetValues("Set-Cookie"), c => c.StartsWith(NginxTwoNodes.RouteCookie + "=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ModeratorOnNodeB_SeesASubmissionThroughNodeA_WithoutReload()
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
        using var drafted = await author.PostAsync($"/bench/moderation/draft?tag=nginx-{Guid.NewGuid():N}", null);
        drafted.EnsureSuccessStatusCode();
        var draft = (await drafted.Content.ReadFromJsonAsync<Draft>())!;
        (await author.PostAsync($"/bench/moderation/submit/{draft.Id}", null)).EnsureSuccessStatusCode();

        await Assertions.Expect(queue.Locator($"[data-testid=queue-row][data-id='{draft.Id}']")).ToBeVisibleAsync();
        Assert.True(await queue.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The queue was reloaded.");
        Assert.Equal(nodes.UpstreamA, Assert.Single(await nodes.Nginx.UpstreamsAsync($"/bench/moderation/submit/{draft.Id}", "127.0.0.5")));
        var circuit = (await File.ReadAllLinesAsync(nodes.Nginx.AccessLog)).Where(l => l.Contains(" /_blazor", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(circuit);
        Assert.All(circuit, line => Assert.EndsWith(nodes.UpstreamB, line, StringComparison.Ordinal));
    }
}
