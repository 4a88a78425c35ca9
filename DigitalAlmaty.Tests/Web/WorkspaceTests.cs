using System.Net;
using DigitalAlmaty.Tests.Support;
using static DigitalAlmaty.Tests.Support.SubmissionSeed;

namespace DigitalAlmaty.Tests.Web;

/// <summary>The author's workspace (/my, /my/{id}) and who may open the public idea and event pages.</summary>
public sealed class WorkspaceTests(WorkspaceTests.Fixture fixture) : IClassFixture<WorkspaceTests.Fixture>
{
    public sealed class Fixture : PortalFactory
    {
        public SubmissionSeed Seed => new(this);
    }


    private Task<(string Id, string Email)> UserAsync(string name) =>
        fixture.NewUserAsync(name);

    private Task<HttpClient> SignedInAsync(string email) => fixture.SignedInClientAsync(email);

    [Fact]
    public async Task Workspace_RequiresSignIn()
    {
        using var client = fixture.CreatePortalClient();
        var response = await client.GetAsync("/my");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Identity/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workspace_ListsOnlyOwnItems_WithStatusAndModeratorMessage()
    {
        var (me, email) = await UserAsync("author");
        var (other, _) = await UserAsync("other");
        var submitted = await fixture.Seed.IdeaAsync(me, "Парковки онлайн", Submit(me));
        var asked = await fixture.Seed.EventAsync(me, "Встреча разработчиков", Submit(me), AskForMore("Укажите, пожалуйста, площадку."));
        var draft = await fixture.Seed.IdeaAsync(me, "  ");
        await fixture.Seed.IdeaAsync(other, "Чужая идея");
        using var client = await SignedInAsync(email);

        var page = await HtmlPage.GetAsync(client, "/my");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var rows = page.Document.QuerySelectorAll(".my-item");
        Assert.Equal(3, rows.Length);
        // Newest change first; each row opens the item in the workspace.
        Assert.Equal([asked.Id, submitted.Id, draft.Id], rows.Select(r => Guid.Parse(r.QuerySelector("a.my-item__title")!.GetAttribute("href")!["my/".Length..])).ToArray());
        Assert.Contains("Нужны уточнения", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Укажите, пожалуйста, площадку.", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Событие", rows[0].TextContent, StringComparison.Ordinal);
        var submittedRow = rows.Single(r => r.TextContent.Contains("Парковки онлайн", StringComparison.Ordinal));
        Assert.Contains("На модерации", submittedRow.TextContent, StringComparison.Ordinal);
        var draftRow = rows.Single(r => r.GetAttribute("data-status") == "Draft");
        Assert.Contains("Без названия", draftRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("Черновик", draftRow.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Чужая идея", page.Text, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("a[href='ideas/new']"));
        Assert.NotNull(page.Document.QuerySelector("a[href='events/new']"));
        Assert.NotNull(page.Document.QuerySelector(".account-menu__panel a[href='my']"));
    }

    [Fact]
    public async Task Workspace_StatusQuery_Filters()
    {
        var (me, email) = await UserAsync("filter");
        await fixture.Seed.IdeaAsync(me, "Отправленная идея", Submit(me));
        await fixture.Seed.IdeaAsync(me, "Черновая идея");
        using var client = await SignedInAsync(email);

        var page = await HtmlPage.GetAsync(client, "/my?status=Submitted");

        var rows = page.Document.QuerySelectorAll(".my-item");
        Assert.Single(rows);
        Assert.Contains("Отправленная идея", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.Document.QuerySelector(".status-filter a[href='my?status=Submitted']")!.GetAttribute("aria-current"));
        var empty = await HtmlPage.GetAsync(client, "/my?status=Published");
        Assert.Empty(empty.Document.QuerySelectorAll(".my-item"));
        Assert.Contains("Материалов с таким статусом нет.", empty.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workspace_WithNothingYet_SaysSoInKazakh()
    {
        var (_, email) = await UserAsync("empty");
        using var client = await SignedInAsync(email);

        var page = await HtmlPage.GetAsync(client, "/my?culture=kk-KZ");

        Assert.Equal("Менің материалдарым", page.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Сізде әзірге материалдар жоқ", page.Document.QuerySelector(".empty-state")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkspaceItem_OfAnotherUser_OrUnknown_Is404()
    {
        var (other, _) = await UserAsync("owner");
        var (_, email) = await UserAsync("intruder");
        var theirs = await fixture.Seed.IdeaAsync(other, "Не ваша идея", Submit(other));
        using var client = await SignedInAsync(email);

        var foreign = await HtmlPage.GetAsync(client, $"/my/{theirs.Id}");
        var unknown = await HtmlPage.GetAsync(client, $"/my/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, foreign.Status);
        Assert.DoesNotContain("Не ваша идея", foreign.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
    }

    [Fact]
    public async Task WorkspaceItem_ShowsQuestion_Timeline_AndAnswerForm_WithoutStaffNames()
    {
        var (me, email) = await UserAsync("asked");
        var idea = await fixture.Seed.IdeaAsync(me, "Умные остановки", Submit(me), AskForMore("Сколько остановок в пилоте?"));
        using var client = await SignedInAsync(email);

        var page = await HtmlPage.GetAsync(client, $"/my/{idea.Id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Нужны уточнения", page.Document.QuerySelector("[data-testid=item-status]")!.TextContent.Trim());
        Assert.Equal("Сколько остановок в пилоте?", page.Document.QuerySelector("[data-testid=moderator-question]")!.TextContent.Trim());
        var timeline = page.Document.QuerySelectorAll(".timeline__entry");
        Assert.Equal(3, timeline.Length);
        Assert.Contains("Запрошены уточнения", timeline[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Модератор", timeline[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Сколько остановок в пилоте?", timeline[0].QuerySelector(".timeline__message")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Вы", timeline[1].QuerySelector(".timeline__meta")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(ModeratorId, page.Html, StringComparison.Ordinal);
        Assert.Equal("Ваш ответ модератору", page.Document.QuerySelector("label[for=answer]")!.TextContent.Trim());
        Assert.NotNull(page.Document.QuerySelector($"a[href='ideas/{idea.Id}/edit']"));
        Assert.Contains("Транспорт", page.Text, StringComparison.Ordinal);
        Assert.Contains("Сократить время поиска парковки", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkspaceItem_Rejected_CitesTheClauses()
    {
        var (me, email) = await UserAsync("rejected");
        var idea = await fixture.Seed.IdeaAsync(me, "Отклонённая идея", Submit(me),
            (s, at) => s.Reject(ModeratorId, at, ["2.1.6", "4.3.9"], "Уберите телефон из описания."));
        using var client = await SignedInAsync(email);

        var page = await HtmlPage.GetAsync(client, $"/my/{idea.Id}");

        var latest = page.Document.QuerySelector(".timeline__entry")!;
        Assert.Contains("Отклонено", latest.TextContent, StringComparison.Ordinal);
        Assert.Contains("4.3.9 — содержит персональные данные", latest.TextContent, StringComparison.Ordinal);
        Assert.Contains("2.1.6 — идея описана не полностью", latest.TextContent, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("form.answer-form"));
        Assert.Null(page.Document.QuerySelector($"a[href='ideas/{idea.Id}/edit']"));
    }

    [Fact]
    public async Task Workspace_UnpublishedIdeaPage_Is404ForAnonymousAndOthers_ButOpensForItsAuthor()
    {
        var (me, email) = await UserAsync("unpublished");
        var (_, otherEmail) = await UserAsync("stranger");
        var idea = await fixture.Seed.IdeaAsync(me, "Неопубликованная идея", Submit(me));
        using var anonymous = fixture.CreatePortalClient();
        using var stranger = await SignedInAsync(otherEmail);
        using var author = await SignedInAsync(email);

        var forAnonymous = await HtmlPage.GetAsync(anonymous, $"/ideas/{idea.Id}");
        var forStranger = await HtmlPage.GetAsync(stranger, $"/ideas/{idea.Id}");
        var unknown = await HtmlPage.GetAsync(anonymous, $"/ideas/{Guid.NewGuid()}");
        var forAuthor = await HtmlPage.GetAsync(author, $"/ideas/{idea.Id}");

        Assert.Equal(HttpStatusCode.NotFound, forAnonymous.Status);
        Assert.Equal(HttpStatusCode.NotFound, forStranger.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.DoesNotContain("Неопубликованная идея", forAnonymous.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Неопубликованная идея", forStranger.Html, StringComparison.Ordinal);
        Assert.Equal(unknown.Document.QuerySelector("h1")!.TextContent, forAnonymous.Document.QuerySelector("h1")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, forAuthor.Status);
        Assert.Equal("Неопубликованная идея", forAuthor.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("«На модерации»", forAuthor.Document.QuerySelector(".public-item__notice")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(forAuthor.Document.QuerySelector($".public-item__notice a[href='my/{idea.Id}']"));
    }

    [Fact]
    public async Task Workspace_PublishedIdeaAndEvent_AreOpenToEveryone()
    {
        var (me, _) = await UserAsync("published");
        var idea = await fixture.Seed.IdeaAsync(me, "Открытая идея", Submit(me), Approve());
        var cityEvent = await fixture.Seed.EventAsync(me, "Открытое событие", Submit(me), Approve());
        using var anonymous = fixture.CreatePortalClient();

        var ideaPage = await HtmlPage.GetAsync(anonymous, $"/ideas/{idea.Id}");
        var eventPage = await HtmlPage.GetAsync(anonymous, $"/events/{cityEvent.Id}?culture=kk-KZ");

        Assert.Equal(HttpStatusCode.OK, ideaPage.Status);
        Assert.Equal("Открытая идея", ideaPage.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Похожие сервисы работают в Таллине и Сеуле.", ideaPage.Text, StringComparison.Ordinal);
        Assert.Contains("#парковки", ideaPage.Text, StringComparison.Ordinal);
        Assert.Null(ideaPage.Document.QuerySelector(".public-item__notice"));
        Assert.Null(ideaPage.Document.QuerySelector(".timeline"));
        Assert.DoesNotContain("\"type\":\"server\"", ideaPage.Html, StringComparison.Ordinal); // static: no circuit
        Assert.Equal(HttpStatusCode.OK, eventPage.Status);
        Assert.Contains("20 мамыр 2031, 14:00 – 16:00", eventPage.Text, StringComparison.Ordinal); // 09:00–11:00 UTC in Almaty (UTC+5)
        Assert.Contains("Онлайн", eventPage.Text, StringComparison.Ordinal);
        Assert.Contains("Орыс тілі, Қазақ тілі", eventPage.Text, StringComparison.Ordinal);
        Assert.Contains("Тегін", eventPage.Text, StringComparison.Ordinal);
        Assert.NotNull(eventPage.Document.QuerySelector("a[href='https://meet.example.kz/city-dev'][rel~=nofollow]"));
    }
}
