using System.Net;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Web;

/// <summary>Signing in to an account protected with an authenticator app: password, then a code or a recovery code.</summary>
public sealed class TwoFactorSignInTests(TwoFactorSignInTests.Fixture fixture) : IClassFixture<TwoFactorSignInTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    private const string Password = "Almaty-2fa-2026";
    private const string LoginUrl = "/Identity/Account/Login?returnUrl=%2Fideas";
    private const string SecondStepPath = "/Identity/Account/LoginWith2fa";

    [Fact]
    public async Task RightPassword_AsksForTheCode_AndDoesNotSignInYet()
    {
        var (email, _) = await CreateUserWithAuthenticatorAsync("Нурлан Ахметов");
        using var client = fixture.CreatePortalClient();

        var page = await SignInWithPasswordAsync(client, email);

        Assert.Equal(SecondStepPath, page.Response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.NotNull(page.Document.QuerySelector("#Input_Code"));
        Assert.Null(page.Document.QuerySelector("[data-testid=display-name]"));
        await AssertSignedOutAsync(client);
    }

    [Fact]
    public async Task WrongCode_ShowsLocalizedError_AndStaysSignedOut()
    {
        var (email, key) = await CreateUserWithAuthenticatorAsync("Нурлан Ахметов");
        using var client = fixture.CreatePortalClient();
        var secondStep = await SignInWithPasswordAsync(client, email);

        var page = await secondStep.SubmitAsync(client, new Dictionary<string, string> { ["Input.Code"] = Totp.WrongCode(key, DateTimeOffset.UtcNow) });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Empty(page.Redirects);
        Assert.StartsWith("Код не подошёл", page.Document.QuerySelector("main .alert--error")?.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("[data-testid=display-name]"));
        await AssertSignedOutAsync(client);
    }

    [Fact]
    public async Task RightCode_SignsIn_AndShowsDisplayName()
    {
        var (email, key) = await CreateUserWithAuthenticatorAsync("Нурлан Ахметов");
        using var client = fixture.CreatePortalClient();
        var secondStep = await SignInWithPasswordAsync(client, email);

        var page = await secondStep.SubmitAsync(client, new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });

        Assert.Equal("/ideas", page.Response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("Нурлан Ахметов", page.Document.QuerySelector("[data-testid=display-name]")?.TextContent);
    }

    [Fact]
    public async Task RecoveryCode_WorksOnce()
    {
        var (email, _) = await CreateUserWithAuthenticatorAsync("Сауле Жумабаева");
        string recoveryCode;
        using (var scope = fixture.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByEmailAsync(email))!, 10);
            recoveryCode = codes!.First();
        }

        using (var first = fixture.CreatePortalClient())
        {
            var page = await SignInWithRecoveryCodeAsync(first, email, recoveryCode);

            Assert.Equal("/ideas", page.Response.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Equal("Сауле Жумабаева", page.Document.QuerySelector("[data-testid=display-name]")?.TextContent);
        }

        using var second = fixture.CreatePortalClient();
        var again = await SignInWithRecoveryCodeAsync(second, email, recoveryCode);

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal("Такой резервный код не подходит.", again.Document.QuerySelector("main .alert--error")?.TextContent.Trim());
        Assert.Null(again.Document.QuerySelector("[data-testid=display-name]"));
        await AssertSignedOutAsync(second);
    }

    [Fact]
    public async Task RememberThisDevice_SkipsTheCode_OnTheNextSignIn()
    {
        var (email, key) = await CreateUserWithAuthenticatorAsync("Ержан Сериков");
        using var client = fixture.CreatePortalClient();
        await SignInWithCodeAsync(client, email, key, rememberMachine: true);
        await SignOutAsync(client);

        var page = await SignInWithPasswordAsync(client, email);

        Assert.Equal("/ideas", page.Response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("Ержан Сериков", page.Document.QuerySelector("[data-testid=display-name]")?.TextContent);
    }

    [Fact]
    public async Task WithoutRememberThisDevice_TheNextSignInAsksForTheCodeAgain()
    {
        var (email, key) = await CreateUserWithAuthenticatorAsync("Ержан Сериков");
        using var client = fixture.CreatePortalClient();
        await SignInWithCodeAsync(client, email, key, rememberMachine: false);
        await SignOutAsync(client);

        var page = await SignInWithPasswordAsync(client, email);

        Assert.Equal(SecondStepPath, page.Response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Null(page.Document.QuerySelector("[data-testid=display-name]"));
    }

    /// <summary>A confirmed account with an authenticator key and two-step sign-in on; returns the e-mail and the key.</summary>
    private async Task<(string Email, string Key)> CreateUserWithAuthenticatorAsync(string displayName)
    {
        var email = $"twofactor-{Guid.NewGuid():N}@example.kz";
        var user = await fixture.CreateUserAsync(email, Password, displayName);
        using var scope = fixture.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        user = (await users.FindByIdAsync(user.Id))!;
        Assert.True((await users.ResetAuthenticatorKeyAsync(user)).Succeeded);
        Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
        return (email, (await users.GetAuthenticatorKeyAsync(user))!);
    }

    private static async Task<HtmlPage> SignInWithPasswordAsync(HttpClient client, string email) =>
        await (await HtmlPage.GetAsync(client, LoginUrl))
            .SubmitAsync(client, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });

    private static async Task SignInWithCodeAsync(HttpClient client, string email, string key, bool rememberMachine)
    {
        var secondStep = await SignInWithPasswordAsync(client, email);
        Assert.Equal(SecondStepPath, secondStep.Response.RequestMessage!.RequestUri!.AbsolutePath);
        var page = await secondStep.SubmitAsync(client, new Dictionary<string, string>
        {
            ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow),
            ["Input.RememberMachine"] = rememberMachine ? "true" : "false",
        });
        Assert.NotNull(page.Document.QuerySelector("[data-testid=display-name]"));
    }

    private static async Task<HtmlPage> SignInWithRecoveryCodeAsync(HttpClient client, string email, string recoveryCode)
    {
        var secondStep = await SignInWithPasswordAsync(client, email);
        var link = secondStep.Document.QuerySelector("main a[href*='LoginWithRecoveryCode']")?.GetAttribute("href");
        Assert.NotNull(link);
        var form = await HtmlPage.GetAsync(client, link);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        return await form.SubmitAsync(client, new Dictionary<string, string> { ["Input.RecoveryCode"] = recoveryCode });
    }

    private static async Task SignOutAsync(HttpClient client)
    {
        var page = await (await HtmlPage.GetAsync(client, "/Identity/Account/Logout")).SubmitAsync(client, new Dictionary<string, string>());
        Assert.Null(page.Document.QuerySelector("[data-testid=display-name]"));
        await AssertSignedOutAsync(client);
    }

    /// <summary>The settings pages send anyone not signed in to the sign-in page.</summary>
    private static async Task AssertSignedOutAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/Identity/Account/Manage", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }
}
