using System.Text.RegularExpressions;
using DigitalAlmaty.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// Every form that sends a letter, posted with a hostile Host and forwarded headers: the letter's
/// links point only at <c>Portal:PublicBaseUrl</c>. Before this, a reset requested with
/// <c>Host: evil.example</c> mailed the administrator a link to evil.example carrying the reset code.
/// </summary>
public sealed partial class LetterLinksTests(LetterLinksTests.Fixture fixture) : IClassFixture<LetterLinksTests.Fixture>
{
    private const string PublicBase = "https://portal.example.kz/";

    public sealed class Fixture() : PortalFactory(new Dictionary<string, string?> { ["Portal:PublicBaseUrl"] = "https://portal.example.kz" });

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}@example.kz";

    /// <summary>A client whose every request names the attacker's host, directly and as a proxy would.</summary>
    private HttpClient HostileClient()
    {
        var client = fixture.CreatePortalClient();
        client.DefaultRequestHeaders.Host = "evil.example";
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", "evil.example");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "http");
        client.DefaultRequestHeaders.Add("X-Forwarded-Prefix", "/evil");
        return client;
    }

    private static void AssertLinksArePublic(MimeMessage letter)
    {
        var links = LinkPattern().Matches((letter.TextBody ?? string.Empty) + (letter.HtmlBody ?? string.Empty)).Select(m => m.Value).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.StartsWith(PublicBase, link, StringComparison.Ordinal));
        Assert.DoesNotContain("evil", (letter.TextBody ?? string.Empty) + (letter.HtmlBody ?? string.Empty), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ForgotPassword_WithAHostileHost_MailsALinkToThePublicAddress()
    {
        var email = Unique("reset");
        await fixture.CreateUserAsync(email, PortalFactory.UserPassword, "Администратор");
        using var client = HostileClient();

        await (await HtmlPage.GetAsync(client, "/Identity/Account/ForgotPassword"))
            .SubmitAsync(client, new Dictionary<string, string> { ["Input.Email"] = email });

        var letter = await fixture.Mailbox.WaitForAsync(email);
        AssertLinksArePublic(letter);
        Assert.Contains("/Identity/Account/ResetPassword?code=", Mailbox.FirstLink(letter).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_AndTheAlreadyRegisteredLetter_LinkToThePublicAddress()
    {
        using var client = HostileClient();
        var email = Unique("new");
        var existing = Unique("taken");
        await fixture.CreateUserAsync(existing, PortalFactory.UserPassword, "Уже есть");

        foreach (var address in new[] { email, existing })
        {
            await (await HtmlPage.GetAsync(client, "/Identity/Account/Register")).SubmitAsync(client, new Dictionary<string, string>
            {
                ["Input.DisplayName"] = "Әлия Өмірбек",
                ["Input.Email"] = address,
                ["Input.Password"] = "Qazaqstan-2026",
                ["Input.ConfirmPassword"] = "Qazaqstan-2026",
                ["Input.AcceptAgreement"] = "true",
            });
        }

        AssertLinksArePublic(await fixture.Mailbox.WaitForAsync(email));
        AssertLinksArePublic(await fixture.Mailbox.WaitForAsync(existing));
    }

    [Fact]
    public async Task ResendConfirmation_LinksToThePublicAddress()
    {
        var email = Unique("unconfirmed");
        using (var scope = fixture.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<DigitalAlmaty.Web.Data.PortalUser>>();
            var user = new DigitalAlmaty.Web.Data.PortalUser { UserName = email, Email = email, DisplayName = "Без подтверждения" };
            Assert.True((await users.CreateAsync(user, PortalFactory.UserPassword)).Succeeded);
        }

        using var client = HostileClient();
        await (await HtmlPage.GetAsync(client, "/Identity/Account/ResendEmailConfirmation"))
            .SubmitAsync(client, new Dictionary<string, string> { ["Input.Email"] = email });

        AssertLinksArePublic(await fixture.Mailbox.WaitForAsync(email));
    }

    [Fact]
    public async Task EmailChange_AndSecurityReport_LinkToThePublicAddress()
    {
        var (_, email) = await fixture.NewUserAsync("Меняет адрес");
        using var signedIn = await fixture.SignedInClientAsync(email);
        signedIn.DefaultRequestHeaders.Host = "evil.example";
        signedIn.DefaultRequestHeaders.Add("X-Forwarded-Host", "evil.example");
        var newEmail = Unique("changed");

        var page = await HtmlPage.GetAsync(signedIn, "/Identity/Account/Manage/Email");
        await page.SubmitAsync(signedIn, new Dictionary<string, string> { ["Input.NewEmail"] = newEmail }, "form[action*=Change]");
        AssertLinksArePublic(await fixture.Mailbox.WaitForAsync(newEmail));

        var security = await HtmlPage.GetAsync(signedIn, "/Identity/Account/Manage/Security");
        await security.SubmitAsync(signedIn, new Dictionary<string, string>());
        var report = await fixture.Mailbox.WaitForAsync(email);
        AssertLinksArePublic(report);
    }

    [GeneratedRegex(@"https?://[^\s""'<>]+")]
    private static partial Regex LinkPattern();
}
