using System.Collections.Concurrent;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using DigitalAlmaty.Tests.Support;
using Microsoft.Playwright;

namespace DigitalAlmaty.Tests.Browser;

/// <summary>
/// The API reference (/api) in Chromium under the portal's Content-Security-Policy: Scalar, served by
/// the portal, draws the operations of /openapi/v1.json without a policy violation and without a
/// request to any other origin (no CDN, no remote fonts).
/// </summary>
public sealed class ApiReferenceInBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string ViolationListener =
        """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile || e.documentURI}:${e.lineNumber}`));
        """;

    [Fact]
    public async Task TheReference_ShowsTheOperations_WithoutAViolation_OrAnotherOrigin()
    {
        await using var context = await session.NewContextAsync();
        await context.AddInitScriptAsync(ViolationListener);
        var elsewhere = new ConcurrentQueue<string>();
        var console = new ConcurrentQueue<string>();
        var page = await context.NewPageAsync();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(session.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal)
                && !request.Url.StartsWith("data:", StringComparison.Ordinal) && !request.Url.StartsWith("blob:", StringComparison.Ordinal))
            {
                elsewhere.Enqueue(request.Url);
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                console.Enqueue(message.Text);
            }
        };

        await page.GotoAsync("/api?culture=en-US");

        await Assertions.Expect(page.GetByText("Published ideas, newest first").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Digital Almaty open API" }).First).ToBeVisibleAsync();
        var violations = await page.EvaluateAsync<string[]>("() => window.__cspViolations");
        Assert.True(violations.Length == 0 && console.IsEmpty, "Policy violations:\n" + string.Join('\n', violations.Concat(console)));
        Assert.True(elsewhere.IsEmpty, "Requests to other origins:\n" + string.Join('\n', elsewhere));
    }

    [Theory]
    [InlineData("ru-RU")]
    [InlineData("kk-KZ")]
    public async Task TheReference_HasNoSeriousAxeViolation(string culture)
    {
        await using var context = await session.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/api?culture=" + culture);
        await Assertions.Expect(page.GetByText("Published ideas, newest first").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture[..2]);

#pragma warning disable CS0618 // RunAxeLegacy is marked for removal (as in AccessibilityTests).
        var result = await page.RunAxeLegacy(options: new AxeRunOptions { ResultTypes = [ResultType.Violations] });
#pragma warning restore CS0618
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} [{v.Impact}] {v.Help}: {string.Join(", ", v.Nodes.Take(5).Select(n => n.Target))}")
            .ToList();
        Assert.True(serious.Count == 0, string.Join('\n', serious));
    }
}
