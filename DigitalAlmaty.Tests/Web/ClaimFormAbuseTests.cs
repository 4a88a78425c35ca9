using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// The public claim form is no open relay (issue #13): the acknowledgement carries nothing the sender
/// wrote, and posts faster than a person or with the hidden field filled are refused, keeping the input.
/// </summary>
public sealed class ClaimFormAbuseTests(ClaimFormAbuseTests.Fixture fixture) : IClassFixture<ClaimFormAbuseTests.Fixture>
{
    public sealed class Fixture() : PortalFactory(new Dictionary<string, string?>
    {
        ["SignUp:MinimumSeconds"] = "5",
        ["Portal:PublicBaseUrl"] = "https://portal.test.example",
    });

    private static readonly TimeSpan PersonsPace = TimeSpan.FromSeconds(5.2);

    private static Dictionary<string, string> Spam(string email) => new(ClaimTests.ValidFields(email))
    {
        ["Input.Name"] = "Купите дёшево на spam.example",
        ["Input.Subject"] = "Лучшие цены: spam.example/buy",
        ["Input.Text"] = "Переходите по ссылке https://spam.example/offer и получите скидку.",
    };

    private async Task<int> ClaimsFromAsync(string email)
    {
        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Claims.CountAsync(c => c.ClaimantEmail == email);
    }

    private static string Email() => $"victim-{Guid.NewGuid():N}@example.kz";

    [Fact]
    public async Task Acknowledgement_QuotesNothingTheSenderWrote()
    {
        using var client = fixture.CreatePortalClient();
        var email = Email();
        var form = await HtmlPage.GetAsync(client, "/claims/new?culture=ru-RU");
        await Task.Delay(PersonsPace);

        var filed = await ClaimTests.PostClaimAsync(client, form, Spam(email));

        Assert.NotNull(filed.Document.QuerySelector("[data-testid=claim-filed]"));
        var letter = await fixture.Mailbox.WaitForAsync(email);
        foreach (var body in new[] { letter.TextBody, letter.HtmlBody, letter.Subject, letter.To.ToString() })
        {
            Assert.DoesNotContain("spam.example", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Купите", body, StringComparison.Ordinal);
        }

        Assert.Contains("https://portal.test.example/claims/new?culture=ru-RU", letter.TextBody, StringComparison.Ordinal);
        Assert.Contains("не позднее конца дня", letter.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFormSentFasterThanAPersonCould_IsRefused_KeepingTheInput()
    {
        using var client = fixture.CreatePortalClient();
        var email = Email();
        // A first post warms the server up, so that the measured one is as quick as a script's.
        await ClaimTests.PostClaimAsync(client, await HtmlPage.GetAsync(client, "/claims/new"), new Dictionary<string, string>());
        var form = await HtmlPage.GetAsync(client, "/claims/new?culture=ru-RU");

        var refused = await ClaimTests.PostClaimAsync(client, form, Spam(email));

        Assert.Null(refused.Document.QuerySelector("[data-testid=claim-filed]"));
        Assert.Contains("форма заполнена быстрее, чем это может сделать человек", refused.Document.QuerySelector("[data-testid=claim-errors]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(email, refused.Value("#claim-email"));
        Assert.Equal("Лучшие цены: spam.example/buy", refused.Value("#claim-subject"));
        Assert.Contains("получите скидку", refused.Document.QuerySelector("#claim-text")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await ClaimsFromAsync(email));

        // The refused page carries a fresh form: sent again at a person's pace, it is filed.
        await Task.Delay(PersonsPace);
        var filed = await ClaimTests.PostClaimAsync(client, refused, Spam(email));
        Assert.NotNull(filed.Document.QuerySelector("[data-testid=claim-filed]"));
        Assert.Equal(1, await ClaimsFromAsync(email));
    }

    [Fact]
    public async Task TheHiddenFieldFilledIn_IsRefused_KeepingTheInput()
    {
        using var client = fixture.CreatePortalClient();
        var email = Email();
        var form = await HtmlPage.GetAsync(client, "/claims/new?culture=en-US");
        await Task.Delay(PersonsPace);

        var refused = await ClaimTests.PostClaimAsync(client, form, new Dictionary<string, string>(Spam(email)) { ["Input.Website"] = "https://spam.example" });

        Assert.Null(refused.Document.QuerySelector("[data-testid=claim-filed]"));
        Assert.Contains("faster than a person can", refused.Document.QuerySelector("[data-testid=claim-errors]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(email, refused.Value("#claim-email"));
        Assert.Equal(string.Empty, refused.Value("#claim-website"));
        Assert.Equal(0, await ClaimsFromAsync(email));
    }

    [Fact]
    public async Task AMissingOrForgedFormToken_IsRefused_AsExpired()
    {
        using var client = fixture.CreatePortalClient();
        var email = Email();
        var form = await HtmlPage.GetAsync(client, "/claims/new?culture=ru-RU");
        await Task.Delay(PersonsPace);

        var refused = await ClaimTests.PostClaimAsync(client, form, new Dictionary<string, string>(Spam(email)) { ["Input.FormToken"] = "forged" });

        Assert.Contains("форма устарела", refused.Document.QuerySelector("[data-testid=claim-errors]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(email, refused.Value("#claim-email"));
        Assert.Equal(0, await ClaimsFromAsync(email));
    }
}
