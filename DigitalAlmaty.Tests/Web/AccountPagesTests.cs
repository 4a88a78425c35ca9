using System.Net;
using DigitalAlmaty.Tests.Support;

namespace DigitalAlmaty.Tests.Web;

public sealed class AccountPagesTests(AccountPagesTests.Fixture fixture) : IClassFixture<AccountPagesTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    private const string GoodPassword = "Qazaqstan-2026";

    private static Dictionary<string, string> Registration(string email, string name = "Әлия Өмірбек", string password = GoodPassword, bool accept = true) => new()
    {
        ["Input.DisplayName"] = name,
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
        ["Input.AcceptAgreement"] = accept ? "true" : "false",
    };

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}@example.kz";

    [Theory]
    [InlineData("ru-RU", "Вход", "Электронная почта", "Пароль")]
    [InlineData("kk-KZ", "Кіру", "Электрондық пошта", "Құпиясөз")]
    [InlineData("en-US", "Sign in", "E-mail", "Password")]
    public async Task Login_IsFullyLocalized(string culture, string title, string emailLabel, string passwordLabel)
    {
        using var client = fixture.CreatePortalClient();
        var page = await HtmlPage.GetAsync(client, $"/Identity/Account/Login?culture={culture}");

        Assert.Equal(culture[..2], page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal(title, page.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(emailLabel, page.Document.QuerySelector("label[for='Input_Email']")!.TextContent.Trim());
        Assert.Equal(passwordLabel, page.Document.QuerySelector("label[for='Input_Password']")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("ru-RU", "Заполните поле «Электронная почта».", "Имя должно быть не длиннее 60 символов.", "Добавьте в пароль хотя бы одну цифру.", "примите пользовательское соглашение")]
    [InlineData("kk-KZ", "«Электрондық пошта» өрісін толтырыңыз.", "Аты 60 таңбадан аспауы керек.", "Құпиясөзге кемінде бір цифр қосыңыз.", "пайдаланушы келісімін қабылдаңыз")]
    [InlineData("en-US", "Please fill in “E-mail”.", "The name cannot be longer than 60 characters.", "Add at least one digit to the password.", "accept the user agreement")]
    public async Task Register_WithBadInput_ExplainsEachProblem_AndKeepsWhatWasTyped(
        string culture, string emailRequired, string nameTooLong, string needsDigit, string mustAccept)
    {
        using var client = fixture.CreatePortalClient();
        var form = await HtmlPage.GetAsync(client, $"/Identity/Account/Register?culture={culture}");
        var longName = new string('Ә', 61);
        var lettersBefore = fixture.Mailbox.All().Count;

        var answer = await form.SubmitAsync(client, Registration(email: "", name: longName, password: "no-digits-Here", accept: false));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains(emailRequired, answer.Text, StringComparison.Ordinal);
        Assert.Contains(nameTooLong, answer.Text, StringComparison.Ordinal);
        Assert.Contains(needsDigit, answer.Text, StringComparison.Ordinal);
        Assert.Contains(mustAccept, answer.Text, StringComparison.Ordinal);
        Assert.Equal(longName, answer.Value("#Input_DisplayName"));
        Assert.Equal("no-digits-Here", answer.Value("#Input_Password"));
        Assert.Equal("true", answer.Document.QuerySelector("#Input_Email")!.GetAttribute("aria-invalid"));
        Assert.Equal(lettersBefore, fixture.Mailbox.All().Count);
    }

    [Fact]
    public async Task Register_WithMalformedEmail_SaysHowAnAddressLooks()
    {
        using var client = fixture.CreatePortalClient();
        var form = await HtmlPage.GetAsync(client, "/Identity/Account/Register");

        var answer = await form.SubmitAsync(client, Registration(email: "not-an-address"));

        Assert.Contains("Введите адрес электронной почты", answer.Text, StringComparison.Ordinal);
        Assert.Equal("not-an-address", answer.Value("#Input_Email"));
    }

    [Fact]
    public async Task Register_ThenConfirm_ThenSignIn_ShowsDisplayNameInHeader()
    {
        var email = Unique("new");
        using var client = fixture.CreatePortalClient();
        var form = await HtmlPage.GetAsync(client, "/Identity/Account/Register");

        var confirmation = await form.SubmitAsync(client, Registration(email));
        Assert.EndsWith("/Identity/Account/RegisterConfirmation", confirmation.Response.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);

        // Not confirmed yet: the right password gets "confirm your e-mail", nothing more.
        var early = await (await HtmlPage.GetAsync(client, "/Identity/Account/Login"))
            .SubmitAsync(client, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = GoodPassword });
        Assert.Contains("подтвердите адрес почты", early.Text, StringComparison.Ordinal);

        var letter = await fixture.Mailbox.WaitForAsync(email);
        Assert.Contains("Подтвердите", letter.Subject, StringComparison.Ordinal);
        var confirmed = await HtmlPage.GetAsync(client, Mailbox.FirstLink(letter).PathAndQuery);
        Assert.Contains("Адрес подтверждён", confirmed.Text, StringComparison.Ordinal);

        var home = await (await HtmlPage.GetAsync(client, "/Identity/Account/Login?returnUrl=%2Fideas"))
            .SubmitAsync(client, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = GoodPassword });

        Assert.Equal("/ideas", home.Response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("Әлия Өмірбек", home.Document.QuerySelector("[data-testid=display-name]")!.TextContent);
    }

    [Fact]
    public async Task Register_WithTakenEmail_LooksTheSame_AndMailsTheOwner()
    {
        var email = Unique("taken");
        await fixture.CreateUserAsync(email, GoodPassword, "Первый владелец");
        using var client = fixture.CreatePortalClient();
        var form = await HtmlPage.GetAsync(client, "/Identity/Account/Register");

        var answer = await form.SubmitAsync(client, Registration(email, name: "Кто-то другой"));

        Assert.EndsWith("/Identity/Account/RegisterConfirmation", answer.Response.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        var letter = await fixture.Mailbox.WaitForAsync(email);
        Assert.Contains("Попытка повторной регистрации", letter.Subject, StringComparison.Ordinal);
        Assert.Contains("Первый владелец", letter.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_UnknownEmailAndWrongPassword_GetTheSameAnswer()
    {
        var email = Unique("known");
        await fixture.CreateUserAsync(email, GoodPassword, "Известный");
        using var client = fixture.CreatePortalClient();

        var unknown = await (await HtmlPage.GetAsync(client, "/Identity/Account/Login"))
            .SubmitAsync(client, new Dictionary<string, string> { ["Input.Email"] = Unique("nobody"), ["Input.Password"] = GoodPassword });
        var wrong = await (await HtmlPage.GetAsync(client, "/Identity/Account/Login"))
            .SubmitAsync(client, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "Wrong-Pass-123" });

        var unknownAlert = unknown.Document.QuerySelector(".alert--error")!.TextContent.Trim();
        Assert.Equal(unknownAlert, wrong.Document.QuerySelector(".alert--error")!.TextContent.Trim());
        Assert.Contains("Неверная почта или пароль", unknownAlert, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_AfterFiveFailures_LocksTheAccount_WithoutSayingSo()
    {
        var email = Unique("lock");
        await fixture.CreateUserAsync(email, GoodPassword, "Блокируемый");
        using var client = fixture.CreatePortalClient();
        HtmlPage? last = null;
        for (var i = 0; i < 5; i++)
        {
            last = await (await HtmlPage.GetAsync(client, "/Identity/Account/Login"))
                .SubmitAsync(client, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "Wrong-Pass-123" });
        }

        var withRightPassword = await (await HtmlPage.GetAsync(client, "/Identity/Account/Login"))
            .SubmitAsync(client, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = GoodPassword });

        Assert.Null(withRightPassword.Document.QuerySelector("[data-testid=display-name]"));
        Assert.Equal(last!.Document.QuerySelector(".alert--error")!.TextContent.Trim(), withRightPassword.Document.QuerySelector(".alert--error")!.TextContent.Trim());
    }

    [Fact]
    public async Task ForgotPassword_AnswersAlike_ButMailsOnlyARealAccount_WhoCanThenReset()
    {
        var email = Unique("forgot");
        await fixture.CreateUserAsync(email, GoodPassword, "Забывчивый");
        using var client = fixture.CreatePortalClient();

        var forUnknown = await (await HtmlPage.GetAsync(client, "/Identity/Account/ForgotPassword"))
            .SubmitAsync(client, new Dictionary<string, string> { ["Input.Email"] = Unique("ghost") });
        var forKnown = await (await HtmlPage.GetAsync(client, "/Identity/Account/ForgotPassword"))
            .SubmitAsync(client, new Dictionary<string, string> { ["Input.Email"] = email });

        Assert.Equal(forUnknown.Document.QuerySelector("main")!.TextContent, forKnown.Document.QuerySelector("main")!.TextContent);

        var letter = await fixture.Mailbox.WaitForAsync(email);
        var resetForm = await HtmlPage.GetAsync(client, Mailbox.FirstLink(letter).PathAndQuery);
        var done = await resetForm.SubmitAsync(client, new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "Brand-New-Pass-77",
            ["Input.ConfirmPassword"] = "Brand-New-Pass-77",
        });
        Assert.Contains("Пароль изменён", done.Text, StringComparison.Ordinal);

        var signedIn = await (await HtmlPage.GetAsync(client, "/Identity/Account/Login"))
            .SubmitAsync(client, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "Brand-New-Pass-77" });
        Assert.Equal("Забывчивый", signedIn.Document.QuerySelector("[data-testid=display-name]")!.TextContent);
    }

    [Fact]
    public async Task ResetPassword_WithForgedCode_IsRefusedPolitely()
    {
        using var client = fixture.CreatePortalClient();
        var form = await HtmlPage.GetAsync(client, "/Identity/Account/ResetPassword?code=Zm9yZ2Vk");

        var answer = await form.SubmitAsync(client, new Dictionary<string, string>
        {
            ["Input.Email"] = Unique("forged"),
            ["Input.Password"] = "Brand-New-Pass-77",
            ["Input.ConfirmPassword"] = "Brand-New-Pass-77",
        });

        Assert.Contains("недействительна или устарела", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var email = Unique("out");
        await fixture.CreateUserAsync(email, GoodPassword, "Уходящий");
        using var client = fixture.CreatePortalClient();
        var home = await (await HtmlPage.GetAsync(client, "/Identity/Account/Login"))
            .SubmitAsync(client, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = GoodPassword });

        var after = await home.SubmitAsync(client, new Dictionary<string, string>(), ".account-menu form");

        Assert.Contains("Вы вышли из аккаунта", after.Text, StringComparison.Ordinal);
        var again = await HtmlPage.GetAsync(client, "/");
        Assert.Null(again.Document.QuerySelector("[data-testid=display-name]"));
    }

    [Fact]
    public async Task AdminFromBootstrapSettings_CanSignIn()
    {
        using var client = fixture.CreatePortalClient();
        var home = await (await HtmlPage.GetAsync(client, "/Identity/Account/Login"))
            .SubmitAsync(client, new Dictionary<string, string> { ["Input.Email"] = PortalFactory.AdminEmail, ["Input.Password"] = PortalFactory.AdminPassword });

        Assert.Equal("Администратор портала", home.Document.QuerySelector("[data-testid=display-name]")!.TextContent);
    }
}
