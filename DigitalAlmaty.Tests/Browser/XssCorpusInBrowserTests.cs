using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Tests.Web;
using Microsoft.Playwright;

namespace DigitalAlmaty.Tests.Browser;

/// <summary>
/// The XSS corpus in Chromium, on the pages that show many payloads at once (lists, search, home,
/// the moderation queue and review panel, the author's workspace and bell, the admin screens): no
/// dialog opens, the payloads' <c>__xss</c> hook is never called, no console error names a payload,
/// and sample titles are shown as text.
/// </summary>
[Collection(XssCorpusCollection.Name)]
public sealed class XssCorpusInBrowserTests(XssCorpusFixture fixture) : IAsyncLifetime
{
    private readonly List<string> _hits = [];
    private IPlaywright _playwright = default!;
    private IBrowser _browser = default!;

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(BrowserSession.LaunchOptions());
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    [Fact]
    public async Task PagesShowingThePayloads_RunNoneOfThem()
    {
        var seed = fixture.Seed;
        var anonymous = await ContextAsync(null);
        await VisitAsync(anonymous, "/", "/ideas", "/events", "/news", "/search?q=script", "/search?q=alert", "/search?q=javascript");
        await VisitAsync(anonymous, [.. seed.PublishedIdeas.Take(8).Select(i => $"/ideas/{i.Id}"), .. seed.Events.Take(4).Select(e => $"/events/{e.Id}")]);
        await FollowNextPagesAsync(anonymous, "/ideas", 8);

        var admin = await ContextAsync((PortalFactory.AdminEmail, PortalFactory.AdminPassword));
        await VisitAsync(admin, "/moderation", "/admin/claims", "/admin/users", "/admin/audit");
        await VisitAsync(admin, [.. seed.WaitingIdeas.Take(4).Select(i => $"/moderation/{i.Id}"), .. seed.Claims.Take(4).Select(c => $"/admin/claims/{c.Id}")]);
        await VisitAsync(admin, [.. seed.Authors.Skip(1).Take(3).Select(a => $"/admin/users?q={Uri.EscapeDataString(a.Email)}")]);

        var author = await ContextAsync((seed.Authors[0].Email, PortalFactory.UserPassword));
        await VisitAsync(author, "/my", "/notifications");
        await VisitAsync(author, [.. seed.QuestionedIdeas.Take(6).Select(i => $"/my/{i.Id}")]);

        Assert.True(_hits.Count == 0, "Injected code ran:\n" + string.Join("\n", _hits.Distinct()));
    }

    [Fact]
    public async Task SampleTitles_AreShownAsTheirLiteralText()
    {
        var context = await ContextAsync(null);
        var page = await context.NewPageAsync();
        var shown = 0;
        foreach (var (id, marker) in fixture.Seed.PublishedIdeas.Take(10))
        {
            var payload = XssCorpus.All.Single(p => p.Marker == marker);
            await page.GotoAsync($"/ideas/{id}");
            var heading = await page.Locator("h1").First.InnerTextAsync();
            if (heading.Contains(payload.Text.Trim().Split('\n')[0].Trim(), StringComparison.Ordinal))
            {
                shown++;
            }
        }

        Assert.True(shown >= 8, $"only {shown} of 10 titles appear literally");
    }

    private async Task<IBrowserContext> ContextAsync((string Email, string Password)? account)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseAddress.ToString(), Locale = "ru-RU" });
        await context.ExposeFunctionAsync("__xssReport", (string marker) => { lock (_hits) { _hits.Add($"hook {marker}"); } });
        await context.AddInitScriptAsync("window.__xss = m => window.__xssReport(String(m));");
        if (account is { } who)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/Identity/Account/Login");
            await page.Locator("input[name='Input.Email']").FillAsync(who.Email);
            await page.Locator("input[name='Input.Password']").FillAsync(who.Password);
            await page.Locator("main form button[type=submit]").First.ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/Identity/Account/Login", StringComparison.Ordinal));
            await page.CloseAsync();
        }

        return context;
    }

    private async Task VisitAsync(IBrowserContext context, params string[] urls)
    {
        var page = await context.NewPageAsync();
        page.Dialog += async (_, dialog) =>
        {
            lock (_hits)
            {
                _hits.Add($"dialog on {page.Url}: {dialog.Message}");
            }

            await dialog.DismissAsync();
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && (XssCorpus.MarkerPattern().IsMatch(message.Text) || message.Text.Contains("__xss", StringComparison.Ordinal)))
            {
                lock (_hits)
                {
                    _hits.Add($"console on {page.Url}: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            if (XssCorpus.MarkerPattern().IsMatch(error) || error.Contains("__xss", StringComparison.Ordinal))
            {
                lock (_hits)
                {
                    _hits.Add($"error on {page.Url}: {error}");
                }
            }
        };

        foreach (var url in urls)
        {
            await page.GotoAsync(url);
            // Interactive pages render after the circuit starts; autofocus, animation and load handlers fire soon after.
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await page.WaitForTimeoutAsync(300);
        }

        await page.CloseAsync();
    }

    private async Task FollowNextPagesAsync(IBrowserContext context, string first, int pages)
    {
        var page = await context.NewPageAsync();
        page.Dialog += async (_, dialog) =>
        {
            lock (_hits)
            {
                _hits.Add($"dialog on {page.Url}: {dialog.Message}");
            }

            await dialog.DismissAsync();
        };
        await page.GotoAsync(first);
        for (var i = 0; i < pages; i++)
        {
            var next = page.Locator("a[rel=next]");
            if (await next.CountAsync() == 0)
            {
                break;
            }

            await page.GotoAsync(await next.First.GetAttributeAsync("href") ?? first);
            await page.WaitForTimeoutAsync(200);
        }

        Assert.NotEqual(first, new Uri(page.Url).PathAndQuery);
        await page.CloseAsync();
    }
}
