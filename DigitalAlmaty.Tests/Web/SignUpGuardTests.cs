using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Web;

public sealed class SignUpGuardTests(SignUpGuardTests.Fixture fixture) : IClassFixture<SignUpGuardTests.Fixture>
{
    public sealed class Fixture() : PortalFactory(new Dictionary<string, string?> { ["SignUp:MinimumSeconds"] = "2" });

    private static Dictionary<string, string> Registration(string email) => new()
    {
        ["Input.DisplayName"] = "Живой Человек",
        ["Input.Email"] = email,
        ["Input.Password"] = "Human-Pass-2026",
        ["Input.ConfirmPassword"] = "Human-Pass-2026",
        ["Input.AcceptAgreement"] = "true",
    };

    private async Task<bool> ExistsAsync(string email)
    {
        using var scope = fixture.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email) is not null;
    }

    private static string Email() => $"guard-{Guid.NewGuid():N}@example.kz";

    [Fact]
    public async Task AFormFilledFasterThanAPersonCould_CreatesNothing_ButLooksTheSame()
    {
        using var client = fixture.CreatePortalClient();
        var email = Email();
        var form = await HtmlPage.GetAsync(client, "/Identity/Account/Register");

        var answer = await form.SubmitAsync(client, Registration(email));

        Assert.EndsWith("/Identity/Account/RegisterConfirmation", answer.Response.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.False(await ExistsAsync(email));
    }

    [Fact]
    public async Task TheHiddenField_FilledIn_CreatesNothing()
    {
        using var client = fixture.CreatePortalClient();
        var email = Email();
        var form = await HtmlPage.GetAsync(client, "/Identity/Account/Register");
        await Task.Delay(TimeSpan.FromSeconds(2.2));

        await form.SubmitAsync(client, new Dictionary<string, string>(Registration(email)) { ["Input.Website"] = "http://spam.example" });

        Assert.False(await ExistsAsync(email));
    }

    [Fact]
    public async Task AMissingOrForgedToken_AsksToSendAgain_KeepingTheInput()
    {
        using var client = fixture.CreatePortalClient();
        var email = Email();
        var form = await HtmlPage.GetAsync(client, "/Identity/Account/Register");

        var answer = await form.SubmitAsync(client, new Dictionary<string, string>(Registration(email)) { ["FormToken"] = "forged" });

        Assert.Contains("Форма устарела", answer.Text, StringComparison.Ordinal);
        Assert.Equal(email, answer.Value("#Input_Email"));
        Assert.False(await ExistsAsync(email));
    }

    [Fact]
    public async Task APersonTakingTheirTime_IsRegistered()
    {
        using var client = fixture.CreatePortalClient();
        var email = Email();
        var form = await HtmlPage.GetAsync(client, "/Identity/Account/Register");
        await Task.Delay(TimeSpan.FromSeconds(2.2));

        await form.SubmitAsync(client, Registration(email));

        Assert.True(await ExistsAsync(email));
    }
}
