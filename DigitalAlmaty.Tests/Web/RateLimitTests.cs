using System.Net;
using DigitalAlmaty.Tests.Support;

namespace DigitalAlmaty.Tests.Web;

public sealed class RateLimitTests(RateLimitTests.Fixture fixture) : IClassFixture<RateLimitTests.Fixture>
{
    public sealed class Fixture() : PortalFactory(new Dictionary<string, string?>
    {
        ["RateLimits:RequestsPerMinute"] = "1000",
        ["RateLimits:AccountPostsPerMinute"] = "3",
        ["RateLimits:ClaimPostsPerMinute"] = "2",
    });

    [Fact]
    public async Task SignInAttempts_BeyondTheLimit_Get429_WithRetryAfter_AndALocalizedPage()
    {
        using var client = fixture.CreatePortalClient();
        var form = await HtmlPage.GetAsync(client, "/Identity/Account/Login?culture=kk-KZ");
        var fields = new Dictionary<string, string> { ["Input.Email"] = "guess@example.kz", ["Input.Password"] = "Guess-Pass-123" };

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await form.SubmitAsync(client, fields)).Status);
        }

        var refused = await form.SubmitAsync(client, fields);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.True(int.Parse(refused.Response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains("Сұраулар тым көп", refused.Text, StringComparison.Ordinal);

        // Reading is still allowed: the stricter limit is for the account forms only.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ideas")).StatusCode);
    }

    [Fact]
    public async Task ClaimPosts_AreLimitedHarder_ThanReading()
    {
        using var client = fixture.CreatePortalClient();
        var form = await HtmlPage.GetAsync(client, "/claims/new?culture=ru-RU");
        var fields = ClaimTests.ValidFields("not-an-address");

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await ClaimTests.PostClaimAsync(client, form, fields)).Status);
        }

        var refused = await ClaimTests.PostClaimAsync(client, form, fields);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.True(int.Parse(refused.Response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains("Слишком много запросов", refused.Text, StringComparison.Ordinal);
        // The form itself can still be read.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/claims/new")).StatusCode);
    }
}

/// <summary>Readers' reports have their own, stricter limit (4.3.5–4.3.11: no flooding the moderators).</summary>
public sealed class ReportRateLimitTests(ReportRateLimitTests.Fixture fixture) : IClassFixture<ReportRateLimitTests.Fixture>
{
    public sealed class Fixture() : PortalFactory(new Dictionary<string, string?>
    {
        ["RateLimits:RequestsPerMinute"] = "1000",
        ["RateLimits:ReportPostsPerMinute"] = "2",
    });

    [Fact]
    public async Task ReportPosts_BeyondTheLimit_Get429()
    {
        var (authorId, _) = await fixture.NewUserAsync("Автор");
        var idea = await new SubmissionSeed(fixture).IdeaAsync(authorId, "Идея под лимитом", SubmissionSeed.Submit(authorId), SubmissionSeed.Approve());
        var (_, email) = await fixture.NewUserAsync("Читатель");
        using var client = await fixture.SignedInClientAsync(email);
        var form = await HtmlPage.GetAsync(client, $"/ideas/{idea.Id}/report");
        var fields = new Dictionary<string, string> { ["Clause"] = "4.3.6", ["Message"] = "" };

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await form.SubmitAsync(client, fields, "[data-testid=report-form]")).Status);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await form.SubmitAsync(client, fields, "[data-testid=report-form]")).Status);
        // Reading the page is still allowed.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/ideas/{idea.Id}/report")).StatusCode);
    }
}

/// <summary>
/// The stricter limits belong to the endpoints, not to one spelling of their paths: a trailing slash
/// or another letter case reaches the same page and counts toward the same limit.
/// </summary>
public sealed class RateLimitSpellingTests(RateLimitSpellingTests.Fixture fixture) : IClassFixture<RateLimitSpellingTests.Fixture>
{
    public sealed class Fixture() : PortalFactory(new Dictionary<string, string?>
    {
        ["RateLimits:RequestsPerMinute"] = "1000",
        ["RateLimits:AccountPostsPerMinute"] = "3",
        ["RateLimits:ClaimPostsPerMinute"] = "2",
    });

    [Fact]
    public async Task SignInPosts_UnderAnySpellingOfThePath_ShareOneLimit()
    {
        using var client = fixture.CreatePortalClient();
        var fields = new Dictionary<string, string> { ["Input.Email"] = "guess@example.kz", ["Input.Password"] = "Guess-Pass-123" };
        string[] spellings = ["/Identity/Account/Login/", "/identity/account/LOGIN", "/IDENTITY/Account/login/"];

        foreach (var path in spellings)
        {
            var form = await HtmlPage.GetAsync(client, path);
            Assert.Equal(HttpStatusCode.OK, (await form.SubmitAsync(client, fields)).Status);
        }

        var again = await HtmlPage.GetAsync(client, "/Identity/Account/Login/");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await again.SubmitAsync(client, fields)).Status);
        // Other account forms share the account limit too, whatever their spelling.
        var reset = await HtmlPage.GetAsync(client, "/Identity/Account/ForgotPassword/");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await reset.SubmitAsync(client, new Dictionary<string, string> { ["Input.Email"] = "guess@example.kz" })).Status);
    }

    [Fact]
    public async Task ClaimPosts_WithATrailingSlash_AreLimitedToo()
    {
        using var client = fixture.CreatePortalClient();
        var form = await HtmlPage.GetAsync(client, "/claims/new/");
        var fields = ClaimTests.ValidFields("not-an-address");

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await ClaimTests.PostClaimAsync(client, form, fields)).Status);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await ClaimTests.PostClaimAsync(client, form, fields)).Status);
    }
}
