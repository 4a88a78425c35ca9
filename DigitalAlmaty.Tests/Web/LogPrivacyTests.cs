using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.RegularExpressions;
using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Moderation;
using DigitalAlmaty.Web.Features.Submissions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// Logs an operator can keep and search: a whole flow (register, confirm, a wrong and a right
/// password, a change of password, an idea composed and submitted, a moderator signing in and
/// approving it, a password reset) leaves no e-mail address, password, confirmation or reset token or
/// cookie in any log line, its message, values, exception or scopes; and every line names the node,
/// a signed-in request's lines the user (by id) and the request.
/// </summary>
public sealed partial class LogPrivacyTests
{
    private const string NodeName = "node-log-test";
    private const string Password = "Privacy-Pass-2026";
    private const string WrongPassword = "Privacy-Wrong-2026";
    private const string ChangedPassword = "Privacy-Changed-2026";
    private const string ResetPassword = "Privacy-Reset-2026";
    private const string ModeratorPassword = "Privacy-Moderator-2026";

    private sealed class LoggedPortal(LogCapture capture) : PortalFactory(new Dictionary<string, string?>
    {
        ["Portal:NodeName"] = NodeName,
        // Production's levels (appsettings.json), and the portal's own debug lines on top.
        ["Logging:LogLevel:DigitalAlmaty"] = "Debug",
    })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(capture));
        }
    }

    private static ClaimsPrincipal Principal(string userId) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "Test"));

    private static Task<HtmlPage> SignInAsync(HttpClient client, string email, string password) =>
        HtmlPage.GetAsync(client, "/Identity/Account/Login").ContinueWith(
            page => page.Result.SubmitAsync(client, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password })).Unwrap();

    /// <summary>The token in a letter's link, as sent (Base64url) and as Identity made it.</summary>
    private static IEnumerable<string> Token(Uri link)
    {
        var code = QueryHelpers.ParseQuery(link.Query)["code"].ToString();
        Assert.False(string.IsNullOrEmpty(code), $"No code in {link.AbsolutePath}.");
        yield return code;
        yield return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
    }

    [Fact]
    public async Task AFullFlow_LeavesNoPersonalDataOrSecretInTheLog_AndEveryLineNamesTheNode()
    {
        var capture = new LogCapture();
        await using var portal = new LoggedPortal(capture);
        var cookies = new CookieContainer();
        using var author = portal.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
        var email = $"privacy-{Guid.NewGuid():N}@example.kz";
        var secrets = new Dictionary<string, string>
        {
            ["the author's e-mail"] = email,
            ["the password"] = Password,
            ["the mistyped password"] = WrongPassword,
            ["the changed password"] = ChangedPassword,
            ["the password set by reset"] = ResetPassword,
            ["the moderator's password"] = ModeratorPassword,
            ["the first administrator's password"] = PortalFactory.AdminPassword,
        };

        // Register and confirm.
        var registered = await (await HtmlPage.GetAsync(author, "/Identity/Account/Register")).SubmitAsync(author, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Айгерим Приватная",
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
            ["Input.AcceptAgreement"] = "true",
        });
        Assert.EndsWith("/Identity/Account/RegisterConfirmation", registered.Response.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        var confirmLink = Mailbox.FirstLink(await portal.Mailbox.WaitForAsync(email));
        Assert.Contains("Адрес подтверждён", (await HtmlPage.GetAsync(author, confirmLink.PathAndQuery)).Text, StringComparison.Ordinal);

        // A wrong password, the right one, then a change of password while signed in.
        Assert.Null((await SignInAsync(author, email, WrongPassword)).Document.QuerySelector("[data-testid=display-name]"));
        Assert.NotNull((await SignInAsync(author, email, Password)).Document.QuerySelector("[data-testid=display-name]"));
        var changed = await (await HtmlPage.GetAsync(author, "/Identity/Account/Manage/ChangePassword")).SubmitAsync(author, new Dictionary<string, string>
        {
            ["Input.OldPassword"] = Password,
            ["Input.NewPassword"] = ChangedPassword,
            ["Input.ConfirmPassword"] = ChangedPassword,
        });
        Assert.Equal(HttpStatusCode.OK, changed.Status);

        // The author composes and submits an idea; a moderator signs in and approves it.
        string authorId;
        await using (var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            authorId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        }

        var ideaId = Guid.NewGuid();
        using (var scope = portal.Services.CreateScope())
        {
            var submissions = scope.ServiceProvider.GetRequiredService<SubmissionService>();
            Assert.True((await submissions.SaveIdeaAsync(Principal(authorId), ideaId, SubmissionSeed.IdeaContent("Идея о приватности журналов"), null)).Succeeded);
            Assert.True((await submissions.SubmitAsync(Principal(authorId), ideaId)).Succeeded);
        }

        var moderatorEmail = $"moderator-{Guid.NewGuid():N}@example.kz";
        secrets["the moderator's e-mail"] = moderatorEmail;
        var moderator = await portal.CreateUserAsync(moderatorEmail, ModeratorPassword, "Модератор Журналов", PortalRoles.Moderator);
        using var moderatorClient = await portal.SignedInClientAsync(moderatorEmail, ModeratorPassword);
        int revision;
        await using (var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            revision = (await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == ideaId)).Revision;
        }

        using (var scope = portal.Services.CreateScope())
        {
            var decided = await scope.ServiceProvider.GetRequiredService<ModerationService>()
                .DecideAsync(Principal(moderator.Id), ideaId, revision, ModerationDecision.Approve("Публикуем."));
            Assert.True(decided.Succeeded, decided.ErrorCode);
        }

        await portal.Mailbox.WaitForAsync(email, count: 2);

        // A password reset from a fresh browser.
        var resetCookies = new CookieContainer();
        using var stranger = portal.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(resetCookies));
        await (await HtmlPage.GetAsync(stranger, "/Identity/Account/ForgotPassword"))
            .SubmitAsync(stranger, new Dictionary<string, string> { ["Input.Email"] = email });
        var resetLink = Mailbox.FirstLink(await portal.Mailbox.WaitForAsync(email, count: 3));
        var done = await (await HtmlPage.GetAsync(stranger, resetLink.PathAndQuery)).SubmitAsync(stranger, new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = ResetPassword,
            ["Input.ConfirmPassword"] = ResetPassword,
        });
        Assert.Contains("Пароль изменён", done.Text, StringComparison.Ordinal);
        Assert.NotNull((await SignInAsync(stranger, email, ResetPassword)).Document.QuerySelector("[data-testid=display-name]"));

        var i = 0;
        foreach (var token in Token(confirmLink))
        {
            secrets[$"the confirmation token ({++i})"] = token;
        }

        foreach (var token in Token(resetLink))
        {
            secrets[$"the reset token ({++i})"] = token;
        }

        foreach (var cookie in cookies.GetAllCookies().Concat(resetCookies.GetAllCookies()).Where(c => c.Value.Length >= 16))
        {
            secrets[$"the cookie {cookie.Name}"] = cookie.Value;
        }

        var lines = capture.Lines;
        Assert.True(lines.Count > 10, $"Only {lines.Count} log lines were captured.");
        var leaks = new List<string>();
        foreach (var line in lines)
        {
            var text = line.AllText;
            leaks.AddRange(secrets.Where(s => text.Contains(s.Value, StringComparison.OrdinalIgnoreCase)).Select(s => $"{line} contains {s.Key}"));
            if (EmailAddress().Match(text) is { Success: true } address)
            {
                leaks.Add($"{line} contains an e-mail address ({address.Value.Length} characters, ending {address.Value[^6..]})");
            }
        }

        Assert.True(leaks.Count == 0, "Log lines with personal data or secrets:\n" + string.Join("\n", leaks.Distinct()));

        var withoutNode = lines.Where(l => l.Scope("NodeName") != NodeName).ToList();
        Assert.True(withoutNode.Count == 0, "Lines without the node's name:\n" + string.Join("\n", withoutNode));
        var passwordChanged = Assert.Single(lines, l => l.Message.Contains("changed their password", StringComparison.Ordinal));
        Assert.Equal(authorId, passwordChanged.Scope("UserId"));
        Assert.Matches("^[0-9a-f]{32}$", passwordChanged.Scope("TraceId"));
        Assert.False(string.IsNullOrEmpty(passwordChanged.Scope("RequestId")));
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex EmailAddress();
}
