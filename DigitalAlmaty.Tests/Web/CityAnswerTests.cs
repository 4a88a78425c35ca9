using System.Net;
using System.Security.Claims;
using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Domain.Participation;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Participation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DigitalAlmaty.Tests.Support.SubmissionSeed;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// The city's answer to an idea, through the pages: an editor answers, the idea page shows the
/// timeline, the list shows the badge and filters by status, the author and a follower are told,
/// the audit has it. Only editors and administrators, checked at the moment they post.
/// </summary>
public sealed class CityAnswerTests(CityAnswerTests.Fixture fixture) : IClassFixture<CityAnswerTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    private const string Answer = "Идея принята: пилот начнётся весной в Алмалинском районе.";

    private async Task<(Guid Idea, string Author)> PublishedIdeaAsync(string title)
    {
        var (author, _) = await fixture.NewUserAsync("Автор идеи");
        return ((await new SubmissionSeed(fixture).IdeaAsync(author, title, Submit(author), Approve())).Id, author);
    }

    private async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> read)
    {
        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await read(db);
    }

    [Fact]
    public async Task AnEditorAnswers_TheIdeaShowsIt_TheListFiltersByIt_AndAuthorAndFollowerAreTold()
    {
        var (idea, author) = await PublishedIdeaAsync("Велопарковки у станций метро");
        var (follower, followerEmail) = await fixture.NewUserAsync("Подписчица");
        using var followerClient = await fixture.SignedInClientAsync(followerEmail);
        var page = await HtmlPage.GetAsync(followerClient, $"/ideas/{idea}");
        var followed = await page.SubmitAsync(followerClient, new Dictionary<string, string>(), "form.participation__follow");
        Assert.Contains("unfollow-button", followed.Html, StringComparison.Ordinal);

        var (_, editorEmail) = await fixture.NewUserAsync("Редактор", PortalRoles.Editor);
        using var editor = await fixture.SignedInClientAsync(editorEmail);
        var form = await HtmlPage.GetAsync(editor, $"/ideas/{idea}/answer");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var done = await form.SubmitAsync(editor, new Dictionary<string, string> { ["Status"] = nameof(CityStatus.Accepted), ["TextRu"] = Answer, ["TextKk"] = "" });

        Assert.EndsWith($"/ideas/{idea}", done.Response.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        using var anonymous = fixture.CreatePortalClient();
        var shown = await HtmlPage.GetAsync(anonymous, $"/ideas/{idea}");
        Assert.Equal("Принята", shown.Document.QuerySelector("[data-testid=city-status]")?.TextContent);
        Assert.Contains(Answer, shown.Document.QuerySelector("[data-testid=city-answer]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Управление цифровизации", shown.Text, StringComparison.Ordinal);
        var kazakh = await HtmlPage.GetAsync(anonymous, $"/ideas/{idea}?culture=kk-KZ");
        Assert.Equal("Қабылданды", kazakh.Document.QuerySelector("[data-testid=city-status]")?.TextContent);
        // No Kazakh text was given: the Russian one is shown, marked as Russian.
        Assert.Equal("ru", kazakh.Document.QuerySelector(".city-answer__text")?.GetAttribute("lang"));

        var accepted = await HtmlPage.GetAsync(anonymous, "/ideas?status=accepted");
        Assert.Contains("Велопарковки у станций метро", accepted.Text, StringComparison.Ordinal);
        Assert.Contains("status-badge--accepted", accepted.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Велопарковки у станций метро", (await HtmlPage.GetAsync(anonymous, "/ideas?status=declined")).Text, StringComparison.Ordinal);

        var feed = await anonymous.GetStringAsync("/feeds/ideas.atom?culture=ru-RU");
        Assert.Contains("Ответ города: Принята · Поддержали: 0", feed, StringComparison.Ordinal);

        var told = await WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.SubmissionId == idea).Select(n => new { n.UserId, n.Topic }).ToListAsync());
        Assert.Equal(new[] { author, follower }.Order(StringComparer.Ordinal), told.Select(n => n.UserId).Order(StringComparer.Ordinal));
        Assert.All(told, n => Assert.Equal("City.Accepted", n.Topic));
        var bell = await HtmlPage.GetAsync(followerClient, "/notifications");
        Assert.Contains("Город принял идею «Велопарковки у станций метро»", bell.Text, StringComparison.Ordinal);
        var audit = await WithDbAsync(db => db.AuditLog.AsNoTracking().SingleAsync(a => a.SubjectId == idea.ToString() && a.Action == "City.Answer"));
        Assert.Equal((null, "Accepted"), (audit.Before, audit.After));
    }

    [Fact]
    public async Task ARefusedAnswer_SaysWhy_AndKeepsEverythingTyped()
    {
        var (idea, _) = await PublishedIdeaAsync("Идея с неполным ответом");
        var (_, editorEmail) = await fixture.NewUserAsync("Редактор", PortalRoles.Editor);
        using var editor = await fixture.SignedInClientAsync(editorEmail);
        var form = await HtmlPage.GetAsync(editor, $"/ideas/{idea}/answer");

        var refused = await form.SubmitAsync(editor, new Dictionary<string, string> { ["Status"] = "", ["TextRu"] = "Да", ["TextKk"] = "Қазақша жауап мәтіні осында." });

        Assert.Equal($"/ideas/{idea}/answer", refused.Response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Заполните это поле.", refused.Document.QuerySelector("#answer-status-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Напишите хотя бы 3 слова.", refused.Document.QuerySelector("#answer-TextRu-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Да", refused.Document.QuerySelector("#answer-TextRu")?.TextContent);
        Assert.Equal("Қазақша жауап мәтіні осында.", refused.Document.QuerySelector("#answer-TextKk")?.TextContent);
        Assert.Equal(0, await WithDbAsync(db => db.CityAnswers.CountAsync(a => a.IdeaId == idea)));
    }

    [Fact]
    public async Task ResidentsAndModerators_CannotAnswer_AndAnEditorDemotedSinceSignIn_IsRefusedAtTheMoment()
    {
        var (idea, _) = await PublishedIdeaAsync("Идея, на которую отвечают не все");
        foreach (var roles in new[] { Array.Empty<string>(), [PortalRoles.Moderator] })
        {
            var (_, email) = await fixture.NewUserAsync("Не редактор", roles);
            using var client = await fixture.SignedInClientAsync(email);
            var response = await client.GetAsync($"/ideas/{idea}/answer");
            Assert.DoesNotContain("answer-form", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The session still says Editor; the database no longer does.
        var (former, _) = await fixture.NewUserAsync("Бывший редактор");
        var claimsEditor = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, former), new Claim(ClaimTypes.Role, PortalRoles.Editor)], "test"));
        using var scope = fixture.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<CityAnswerService>().AnswerAsync(claimsEditor, idea, CityStatus.Accepted, Answer, null, null);

        Assert.Equal(CityAnswerResult.NotAllowed, result.ErrorCode);
        Assert.Equal(0, await WithDbAsync(db => db.CityAnswers.CountAsync(a => a.IdeaId == idea)));
        Assert.Null(await WithDbAsync(db => db.Ideas.Where(i => i.Id == idea).Select(i => i.CityStatus).SingleAsync()));
    }

    [Fact]
    public async Task AnImplementedIdea_CannotGoBack_AndTheTimelineKeepsEveryStep()
    {
        var (idea, _) = await PublishedIdeaAsync("Идея, дошедшая до конца");
        var editor = await fixture.StaffPrincipalAsync(PortalRoles.Editor);
        using var scope = fixture.Services.CreateScope();
        var answers = scope.ServiceProvider.GetRequiredService<CityAnswerService>();
        foreach (var status in new[] { CityStatus.Accepted, CityStatus.InProgress, CityStatus.Implemented })
        {
            Assert.True((await answers.AnswerAsync(editor, idea, status, $"Шаг {status}: работа идёт по плану.", null, null)).Succeeded);
        }

        var back = await answers.AnswerAsync(editor, idea, CityStatus.Declined, "Передумали, но так нельзя.", null, null);

        Assert.Equal(CityAnswerRules.StatusNotAllowed, back.FieldErrors["Status"]);
        Assert.Equal([CityStatus.Accepted, CityStatus.InProgress, CityStatus.Implemented], (await answers.TimelineAsync(idea)).Select(a => a.Status));
        Assert.Equal(CityStatus.Implemented, await WithDbAsync(db => db.Ideas.Where(i => i.Id == idea).Select(i => i.CityStatus).SingleAsync()));
    }
}
