using System.Net;
using System.Text.RegularExpressions;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Web;

/// <summary>The account settings pages (/Identity/Account/Manage) end to end, signed in through the real sign-in page.</summary>
public sealed class ManagePagesTests(ManagePagesTests.Fixture fixture) : IClassFixture<ManagePagesTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    private const string Password = "Almaty-Test-2026";
    private const string ManageUrl = "/Identity/Account/Manage";

    [Fact]
    public async Task Index_SavesDisplayName_AndHeaderShowsIt()
    {
        var email = await CreateUserAsync("Старое Имя");
        using var client = await SignedInClientAsync(email);

        var form = await HtmlPage.GetAsync(client, ManageUrl);
        var page = await form.SubmitAsync(client, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "  Айгерим   Сапарова ",
            ["Input.PreferredCulture"] = "ru-RU",
        });

        Assert.Single(page.Redirects);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Айгерим Сапарова", page.Document.QuerySelector("[data-testid=display-name]")?.TextContent);
        Assert.Equal("Профиль сохранён.", page.Document.QuerySelector("[data-testid=status-message]")?.TextContent);
        Assert.Equal("Айгерим Сапарова", (await FindUserAsync(email)).DisplayName);
    }

    [Fact]
    public async Task Index_RejectsEmailLikeDisplayName_InKazakh()
    {
        var email = await CreateUserAsync("Айгерим");
        using var client = await SignedInClientAsync(email);

        var form = await HtmlPage.GetAsync(client, ManageUrl + "?culture=kk-KZ");
        var page = await form.SubmitAsync(client, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "aigerim@mail.kz",
            ["Input.PreferredCulture"] = "kk-KZ",
        });

        Assert.Empty(page.Redirects);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        // The same rule and message as at registration (AccountText DisplayName.ContactDetails).
        const string kazakh = "Атыңызда пошта мекенжайын немесе сілтемені көрсетпеңіз: аты барлығына көрінеді.";
        Assert.Equal(kazakh, page.Document.QuerySelector("#Input_DisplayName-error")?.TextContent.Trim());
        Assert.Equal("Белгіленген өрістерді тексеріңіз.", page.Document.QuerySelector("main form .alert--error")?.TextContent.Trim());
        Assert.Equal("aigerim@mail.kz", page.Value("#Input_DisplayName"));
        var input = page.Document.QuerySelector("#Input_DisplayName")!;
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Equal("kk", page.Document.DocumentElement.GetAttribute("lang"));
        var user = await FindUserAsync(email);
        Assert.Equal("Айгерим", user.DisplayName);
        Assert.Equal("ru-RU", user.PreferredCulture);
    }

    [Fact]
    public async Task Index_NewPreferredLanguage_IsSavedAndApplied()
    {
        var email = await CreateUserAsync("Dana");
        using var client = await SignedInClientAsync(email);

        var form = await HtmlPage.GetAsync(client, ManageUrl);
        var page = await form.SubmitAsync(client, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Dana",
            ["Input.PreferredCulture"] = "en-US",
        });

        Assert.Single(page.Redirects);
        Assert.Equal("Your profile has been saved.", page.Document.QuerySelector("[data-testid=status-message]")?.TextContent);
        Assert.Equal("en-US", (await FindUserAsync(email)).PreferredCulture);
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_ShowsLocalizedError()
    {
        var email = await CreateUserAsync("Ерлан");
        using var client = await SignedInClientAsync(email);
        const string url = ManageUrl + "/ChangePassword";

        var form = await HtmlPage.GetAsync(client, url);
        var page = await form.SubmitAsync(client, new Dictionary<string, string>
        {
            ["Input.OldPassword"] = "Not-The-Password-1",
            ["Input.NewPassword"] = "Brand-New-Pass-2026",
            ["Input.ConfirmPassword"] = "Brand-New-Pass-2026",
        });

        Assert.Empty(page.Redirects);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Текущий пароль введён неверно.", page.Document.QuerySelector("#Input_OldPassword-error")?.TextContent.Trim());
        Assert.All(page.Document.QuerySelectorAll("input[type=password]"), i => Assert.Null(i.GetAttribute("value")));
        using var scope = fixture.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Assert.True(await users.CheckPasswordAsync((await users.FindByEmailAsync(email))!, Password));
    }

    [Fact]
    public async Task ChangePassword_Success_KeepsUserSignedIn()
    {
        var email = await CreateUserAsync("Ерлан");
        using var client = await SignedInClientAsync(email);
        const string url = ManageUrl + "/ChangePassword";

        var form = await HtmlPage.GetAsync(client, url);
        var page = await form.SubmitAsync(client, new Dictionary<string, string>
        {
            ["Input.OldPassword"] = Password,
            ["Input.NewPassword"] = "Brand-New-Pass-2026",
            ["Input.ConfirmPassword"] = "Brand-New-Pass-2026",
        });

        // The redirect lands back on the settings page, which only a signed-in user sees.
        Assert.Single(page.Redirects);
        Assert.Equal(url, page.Response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("Пароль изменён.", page.Document.QuerySelector("[data-testid=status-message]")?.TextContent);
        using var scope = fixture.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Assert.True(await users.CheckPasswordAsync((await users.FindByEmailAsync(email))!, "Brand-New-Pass-2026"));
    }

    [Fact]
    public async Task EnableAuthenticator_PageShowsQrSvg()
    {
        var email = await CreateUserAsync("Асель");
        using var client = await SignedInClientAsync(email);
        string? StampNow()
        {
            using var read = fixture.Services.CreateScope();
            return read.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email).GetAwaiter().GetResult()!.SecurityStamp;
        }

        var stampBefore = StampNow();

        var page = (await HtmlPage.GetAsync(client, ManageUrl + "/EnableAuthenticator")).Document;

        // Opening the page (a GET any site can cause) makes a key but ends no session: the stamp stays.
        Assert.Equal(stampBefore, StampNow());

        var svg = page.QuerySelector("[data-testid=qr] svg");
        Assert.NotNull(svg);
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.False(string.IsNullOrWhiteSpace(svg.GetAttribute("aria-label")));
        Assert.NotNull(svg.GetAttribute("viewBox"));
        var shown = page.QuerySelector("[data-testid=shared-key]")!.TextContent;
        Assert.Matches("^[a-z2-7]{4}( [a-z2-7]{1,4})+$", shown);
        using var scope = fixture.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var key = await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(email))!);
        Assert.Equal(key, shown.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant());
        Assert.Equal("page", page.QuerySelector(".manage-nav a[aria-current=page]")?.GetAttribute("aria-current"));
        Assert.EndsWith("/TwoFactorAuthentication", page.QuerySelector(".manage-nav a.active")?.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnableAuthenticator_WithValidTotp_EnablesTwoFactor()
    {
        var email = await CreateUserAsync("Асель");
        using var client = await SignedInClientAsync(email);
        const string url = ManageUrl + "/EnableAuthenticator";

        var form = await HtmlPage.GetAsync(client, url);
        var key = form.Document.QuerySelector("[data-testid=shared-key]")!.TextContent;
        var code = Totp.Code(key, DateTimeOffset.UtcNow);
        var codes = await form.SubmitAsync(client, new Dictionary<string, string> { ["Input.Code"] = code[..3] + " " + code[3..] });

        Assert.EndsWith("/ShowRecoveryCodes", Assert.Single(codes.Redirects), StringComparison.Ordinal);
        Assert.Equal(10, codes.Document.QuerySelectorAll("[data-testid=recovery-codes] code").Length);
        var overview = await HtmlPage.GetAsync(client, ManageUrl + "/TwoFactorAuthentication");
        Assert.Equal("Двухэтапный вход включён.", overview.Document.QuerySelector("[data-testid=two-factor-state]")?.TextContent);
        Assert.True((await FindUserAsync(email)).TwoFactorEnabled);
    }

    [Fact]
    public async Task EnableAuthenticator_WithWrongCode_ShowsErrorAndStaysOff()
    {
        var email = await CreateUserAsync("Асель");
        using var client = await SignedInClientAsync(email);
        const string url = ManageUrl + "/EnableAuthenticator";

        var form = await HtmlPage.GetAsync(client, url);
        var key = form.Document.QuerySelector("[data-testid=shared-key]")!.TextContent;
        var wrong = Totp.WrongCode(key, DateTimeOffset.UtcNow);
        var page = await form.SubmitAsync(client, new Dictionary<string, string> { ["Input.Code"] = wrong });

        Assert.Empty(page.Redirects);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith("Код не подошёл.", page.Document.QuerySelector("#Input_Code-error")?.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(wrong, page.Value("#Input_Code"));
        Assert.NotNull(page.Document.QuerySelector("[data-testid=qr] svg"));
        Assert.False((await FindUserAsync(email)).TwoFactorEnabled);
    }

    [Fact]
    public async Task Email_ChangeToTakenAddress_ShowsSameMessageAsFreeAddress()
    {
        var email = await CreateUserAsync("Мурат");
        var taken = await CreateUserAsync("Другой человек");
        var free = $"free-{Guid.NewGuid():N}@example.kz";
        using var client = await SignedInClientAsync(email);

        var freeMessage = await ChangeEmailAsync(client, free);
        var takenMessage = await ChangeEmailAsync(client, taken);

        Assert.Equal("Мы отправили ссылку для подтверждения на новый адрес. Адрес изменится, когда вы по ней перейдёте.", freeMessage);
        Assert.Equal(freeMessage, takenMessage);
        Assert.Single(fixture.Mailbox.To(free));
        Assert.Empty(fixture.Mailbox.To(taken));
        Assert.Equal(email, (await FindUserAsync(email)).Email);
    }

    [Fact]
    public async Task ConfirmEmailChange_LinkFromMail_ChangesEmailAndUserName()
    {
        var email = await CreateUserAsync("Мурат");
        var newEmail = $"new-{Guid.NewGuid():N}@example.kz";
        using var client = await SignedInClientAsync(email);
        await ChangeEmailAsync(client, newEmail);

        var mail = Assert.Single(fixture.Mailbox.To(newEmail));
        var link = new Uri(Regex.Match(mail.TextBody ?? string.Empty, @"http://\S+/Identity/Account/ConfirmEmailChange\?\S+").Value);
        var page = await HtmlPage.GetAsync(client, link.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Адрес изменён. Теперь входите на портал с новым адресом.", page.Document.QuerySelector("[data-testid=confirm-result]")?.TextContent);
        using var scope = fixture.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(newEmail);
        Assert.NotNull(user);
        Assert.Equal(newEmail, user.UserName);
        Assert.Null(await users.FindByEmailAsync(email));
        // Still signed in after the change: the settings page answers instead of sending to the sign-in page.
        using var settings = await client.GetAsync(new Uri(ManageUrl + "/Email", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
    }

    [Fact]
    public async Task ConfirmEmailChange_BadCode_ShowsGenericFailure()
    {
        var email = await CreateUserAsync("Мурат");
        var user = await FindUserAsync(email);
        using var client = fixture.CreatePortalClient();

        var page = await HtmlPage.GetAsync(client, $"/Identity/Account/ConfirmEmailChange?userId={user.Id}&email=x%40example.kz&code=bm90LWEtdG9rZW4");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith("Не удалось изменить адрес", page.Document.QuerySelector("[data-testid=confirm-result]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(email, (await FindUserAsync(email)).Email);
    }

    [Theory]
    [InlineData(ManageUrl)]
    [InlineData(ManageUrl + "/Email")]
    [InlineData(ManageUrl + "/ChangePassword")]
    [InlineData(ManageUrl + "/TwoFactorAuthentication")]
    [InlineData(ManageUrl + "/EnableAuthenticator")]
    public async Task Manage_RequiresSignIn(string url)
    {
        using var client = fixture.CreatePortalClient();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ManageUrl + "/DownloadPersonalData")]
    [InlineData(ManageUrl + "/DeletePersonalData")]
    [InlineData(ManageUrl + "/ExternalLogins")]
    [InlineData(ManageUrl + "/SetPassword")]
    public async Task Manage_PagesNotWrittenYet_AnswerNotFound(string url)
    {
        var email = await CreateUserAsync("Гүлнар");
        using var client = await SignedInClientAsync(email);

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("", "Input_DisplayName", "Имя на портале")]
    [InlineData("", "Input_PreferredCulture", "Язык писем")]
    [InlineData("/Email", "Input_NewEmail", "Новый адрес электронной почты")]
    [InlineData("/ChangePassword", "Input_OldPassword", "Текущий пароль")]
    [InlineData("/ChangePassword", "Input_NewPassword", "Новый пароль")]
    [InlineData("/ChangePassword", "Input_ConfirmPassword", "Повторите новый пароль")]
    [InlineData("/EnableAuthenticator", "Input_Code", "Код из приложения")]
    public async Task Manage_FieldsHaveLocalizedLabels(string page, string id, string label)
    {
        var email = await CreateUserAsync("Гүлнар");
        using var client = await SignedInClientAsync(email);

        var form = await HtmlPage.GetAsync(client, ManageUrl + page);

        Assert.Equal(label, form.Document.QuerySelector($"main form label[for='{id}']")?.TextContent.Trim());
        Assert.NotNull(form.Document.QuerySelector($"main form .field #{id}"));
    }

    private async Task<string> CreateUserAsync(string displayName)
    {
        var email = $"user-{Guid.NewGuid():N}@example.kz";
        await fixture.CreateUserAsync(email, Password, displayName);
        return email;
    }

    private async Task<PortalUser> FindUserAsync(string email)
    {
        using var scope = fixture.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return (await users.FindByEmailAsync(email))!;
    }

    /// <summary>A client with the real sign-in cookie, obtained through the sign-in page as a user would.</summary>
    private async Task<HttpClient> SignedInClientAsync(string email)
    {
        var client = fixture.CreatePortalClient();
        var home = await (await HtmlPage.GetAsync(client, "/Identity/Account/Login"))
            .SubmitAsync(client, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.NotNull(home.Document.QuerySelector("[data-testid=display-name]"));
        return client;
    }

    private static async Task<string?> ChangeEmailAsync(HttpClient client, string newEmail)
    {
        var form = await HtmlPage.GetAsync(client, ManageUrl + "/Email");
        var page = await form.SubmitAsync(client, new Dictionary<string, string> { ["Input.NewEmail"] = newEmail }, "form[action*='handler=Change']");
        Assert.Single(page.Redirects);
        return page.Document.QuerySelector("[data-testid=status-message]")?.TextContent;
    }
}
