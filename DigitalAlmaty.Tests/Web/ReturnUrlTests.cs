using System.Net;
using System.Security.Claims;
using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Domain.Time;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Features.Agreement;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// Return addresses are followed only when they stay on the portal (issue #13): hostile ones, including
/// those a browser turns into another host by dropping a tab or newline, lead home instead.
/// </summary>
public sealed class ReturnUrlTests(ReturnUrlTests.Fixture fixture) : IClassFixture<ReturnUrlTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    private static readonly Uri Portal = new("http://localhost/");

    /// <summary>Each value as it is written in an address's query string.</summary>
    public static TheoryData<string> Hostile() => new()
    {
        "//evil.example",
        "%2F%2Fevil.example",
        "/%5Cevil.example",
        "%2F%09%2Fevil.example",
        "/%09/evil.example",
        "/%0D%0A/evil.example",
        "/%0A/evil.example",
        "https%3A%2F%2Fevil.example%2F",
        "http:evil.example",
        "%5C%5Cevil",
        "%20//evil.example",
        "~//evil.example",
        "~/%5Cevil.example",
        "javascript:alert(1)",
        "evil.example",
        string.Empty,
    };

    private static async Task<HttpResponseMessage> DismissAsync(HttpClient client, string query) =>
        await client.GetAsync($"/agreement/notice/dismiss?v=1&returnUrl={query}");

    /// <summary>Where a browser would land: the Location resolved against the page.</summary>
    private static Uri Landing(string location) => new(Portal, location);

    [Theory]
    [MemberData(nameof(Hostile))]
    // A NUL in a posted form fails its antiforgery check (400), so it is tried on the GET endpoint only.
    [InlineData("/%00/evil.example")]
    public async Task NoticeDismissal_WithAHostileReturnAddress_GoesHome(string query)
    {
        using var client = fixture.CreatePortalClient();

        var response = await DismissAsync(client, query);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task NoticeDismissal_KeepsALocalReturnAddress()
    {
        using var client = fixture.CreatePortalClient();

        var response = await DismissAsync(client, Uri.EscapeDataString("/ideas?x=1"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/ideas?x=1", response.Headers.Location!.OriginalString);
    }

    private const string Password = "Return-Pass-2026";

    /// <summary>A signed-in user facing a notable new agreement version, so the acceptance form is there.</summary>
    private async Task<HttpClient> MustAcceptAsync()
    {
        var user = await fixture.CreateUserAsync($"return-{Guid.NewGuid():N}@example.kz", Password, "Возвращающийся");
        var admin = await fixture.CreateUserAsync($"admin-{Guid.NewGuid():N}@example.kz", Password, "Администратор", PortalRoles.Admin);
        using (var scope = fixture.Services.CreateScope())
        {
            var who = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, admin.Id), new Claim(ClaimTypes.Role, PortalRoles.Admin)], "Test"));
            var published = await scope.ServiceProvider.GetRequiredService<AgreementService>().PublishAsync(
                who, new AgreementDraft("# Соглашение\n\nНовая редакция.", AlmatyTime.Today(DateTimeOffset.UtcNow), "Новые правила.", true));
            Assert.True(published.Succeeded, published.ErrorCode);
        }

        return await fixture.SignedInClientAsync(user.Email!, Password);
    }

    private async Task<string> AcceptWithAsync(string returnUrl)
    {
        using var client = await MustAcceptAsync();
        var page = await HtmlPage.GetAsync(client, "/agreement/accept");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var response = await page.SubmitAsync(client, new Dictionary<string, string> { ["returnUrl"] = returnUrl }, "[data-testid=accept-form]");
        Assert.True(response.Redirects.Count > 0, $"{response.Status}: {response.Text[..Math.Min(500, response.Text.Length)]}");
        return response.Redirects[0];
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task AcceptPage_WithAHostileReturnAddress_GoesHome(string query)
    {
        using var client = await MustAcceptAsync();
        var shown = await HtmlPage.GetAsync(client, $"/agreement/accept?returnUrl={query}");
        Assert.Equal("/", shown.Document.QuerySelector("[data-testid=accept-form] input[name=returnUrl]")!.GetAttribute("value"));

        var location = await AcceptWithAsync(Uri.UnescapeDataString(query));

        Assert.Equal(new Uri(Portal, "/"), Landing(location));
    }

    [Fact]
    public async Task AcceptPage_KeepsALocalReturnAddress()
    {
        var location = await AcceptWithAsync("/ideas?x=1");

        Assert.Equal(new Uri(Portal, "/ideas?x=1"), Landing(location));
    }
}
