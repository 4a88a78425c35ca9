using System.Net;
using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Domain.Time;
using DigitalAlmaty.Tests.Components;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Features.Agreement;
using Microsoft.Extensions.DependencyInjection;
using static DigitalAlmaty.Tests.Support.SubmissionSeed;
using static DigitalAlmaty.Tests.Web.ModerationServiceTests;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// Issue #15, item 6, through the portal: the 2020 agreement published as plain text keeps its
/// clauses and sections on /agreement/versions/{n}, and a decision cites clauses by links into the
/// version that was in force when it was made.
/// </summary>
public sealed class AgreementClauseTests(AgreementClauseTests.Fixture fixture) : IClassFixture<AgreementClauseTests.Fixture>
{
    public sealed class Fixture : PortalFactory
    {
        public SubmissionSeed Seed => new(this);
    }

    private static DateOnly Today => AlmatyTime.Today(DateTimeOffset.UtcNow);

    private async Task<int> PublishAsync(string text, DateOnly effectiveFrom)
    {
        var (adminId, _) = await fixture.NewUserAsync("Администратор соглашения", PortalRoles.Admin);
        using var scope = fixture.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<AgreementService>()
            .PublishAsync(Principal(adminId, PortalRoles.Admin), new AgreementDraft(text, effectiveFrom, "Редакция для ссылок на пункты.", IsNotable: false));
        Assert.True(result.Succeeded, result.ErrorCode);
        return result.Number;
    }

    [Fact]
    public async Task The2020Agreement_PublishedAsPlainText_HasItsClausesAndSections()
    {
        var number = await PublishAsync(NumberedClausesTests.Agreement2020(), Today);
        using var client = fixture.CreatePortalClient();

        var page = await HtmlPage.GetAsync(client, $"/agreement/versions/{number}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var text = page.Document.QuerySelector(".agreement-page .markdown")!;
        foreach (var clause in new[] { "1.2", "1.3", "1.4", "1.5", "1.6" })
        {
            var paragraph = text.QuerySelector($"p[id='{clause}']");
            Assert.NotNull(paragraph);
            Assert.StartsWith(clause + ".", paragraph.TextContent.Trim(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("1.3.", text.QuerySelector("p[id='1.2']")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(text.QuerySelector("p[id='4.1.4']"));
        Assert.Equal("1. ОБЩИЕ ПОЛОЖЕНИЯ", text.QuerySelector("h2[id='1']")!.TextContent.Trim());
        Assert.Equal(8, text.QuerySelectorAll("h2").Length);
        Assert.Empty(text.QuerySelectorAll("li"));
        Assert.All(text.QuerySelectorAll("[id]"), e => Assert.Matches(@"\A[0-9]+(\.[0-9]+)*\z", e.Id!));
    }

    [Fact]
    public async Task ADecisionsClauses_LinkToTheVersionInForce_WhenTheDecisionWasMade()
    {
        var now = DateTimeOffset.UtcNow;
        var inForce = await PublishAsync("## 4. Права и обязанности\n4.3.9. Действующий пункт.", Today);
        var later = await PublishAsync("## 4. Права и обязанности\n4.3.9. Будущий пункт.", Today.AddDays(10));
        var (me, email) = await fixture.NewUserAsync("Автор отклонённых идей");
        var today = await fixture.Seed.IdeaAsync(me, "Отклонена сегодня", Submit(me),
            (s, at) => s.Reject(ModeratorId, at, [ModerationClauses.PersonalData, ModerationClauses.Impersonation], "Уберите телефон."));
        var future = await fixture.Seed.IdeaAsync(me, "Отклонена через одиннадцать дней", Submit(me),
            (s, _) => s.Reject(ModeratorId, now.AddDays(11), [ModerationClauses.PersonalData], null));
        using var client = await fixture.SignedInClientAsync(email);

        var first = await HtmlPage.GetAsync(client, $"/my/{today.Id}");
        var links = first.Document.QuerySelectorAll(".timeline__clauses a[data-testid=clause-link]");
        Assert.Equal([$"agreement/versions/{inForce}#4.3.9", $"agreement/versions/{inForce}#4.3.11"], links.Select(a => a.GetAttribute("href")));
        Assert.Equal("4.3.9 — содержит персональные данные", links[0].TextContent.Trim());

        var second = await HtmlPage.GetAsync(client, $"/my/{future.Id}");
        Assert.Equal($"agreement/versions/{later}#4.3.9", second.Document.QuerySelector(".timeline__clauses a")!.GetAttribute("href"));

        // The link's target is there: the clause's paragraph in that version.
        var version = await HtmlPage.GetAsync(client, $"/agreement/versions/{inForce}");
        Assert.Contains("Действующий пункт.", version.Document.QuerySelector("p[id='4.3.9']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDecisionLetter_LinksTheCitedClauses_InTheAuthorsLanguage()
    {
        var number = await PublishAsync("## 4. Права и обязанности\n4.3.9. Пункт для письма.", Today);
        var (authorId, authorEmail) = await fixture.NewUserAsync("Автор письма");
        using (var scope = fixture.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<DigitalAlmaty.Web.Data.PortalUser>>();
            var author = await users.FindByIdAsync(authorId);
            author!.PreferredCulture = "kk-KZ";
            await users.UpdateAsync(author);
        }

        var (moderatorId, _) = await fixture.NewUserAsync("Модератор письма", PortalRoles.Moderator);
        var idea = await fixture.Seed.IdeaAsync(authorId, "Идея с телефоном", Submit(authorId));
        using (var scope = fixture.Services.CreateScope())
        {
            var decided = await scope.ServiceProvider.GetRequiredService<DigitalAlmaty.Web.Features.Moderation.ModerationService>().DecideAsync(
                Principal(moderatorId, PortalRoles.Moderator), idea.Id, idea.Revision,
                DigitalAlmaty.Web.Features.Moderation.ModerationDecision.Reject([ModerationClauses.PersonalData], "Телефонды алып тастаңыз."));
            Assert.True(decided.Succeeded, decided.ErrorCode);
        }

        var letter = await fixture.Mailbox.WaitForAsync(authorEmail);
        var link = $"/agreement/versions/{number}?culture=kk-KZ#4.3.9";
        Assert.Contains("4.3.9 — дербес деректер бар: ", letter.TextBody, StringComparison.Ordinal);
        Assert.Contains(link + "\n", letter.TextBody, StringComparison.Ordinal);
        var anchor = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(letter.HtmlBody!).QuerySelector("li a")!;
        Assert.EndsWith(link, anchor.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal("4.3.9 — дербес деректер бар", anchor.TextContent);
    }

    [Fact]
    public async Task TheLinkBuilder_FindsTheVersionOfTheMoment_AndTakesOnlyDigitsAndDots()
    {
        using var scope = fixture.Services.CreateScope();
        var agreement = scope.ServiceProvider.GetRequiredService<AgreementService>();
        var first = await PublishAsync("4.3.9. Текст.", Today.AddDays(30));
        var second = await PublishAsync("4.3.9. Другой текст.", Today.AddDays(40));
        var noon = new DateTimeOffset(Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(5));

        Assert.Equal($"agreement/versions/{first}#4.3.9", await agreement.ClauseLinkAsync("4.3.9", noon.AddDays(35)));
        Assert.Equal($"agreement/versions/{second}#4.3.9", await agreement.ClauseLinkAsync("4.3.9", noon.AddDays(40)));
        Assert.Null(await agreement.ClauseLinkAsync("4.3.9\"><script>alert(1)</script>", noon.AddDays(40)));
        Assert.Null(await agreement.ClauseLinkAsync("javascript:alert(1)", noon.AddDays(40)));
        Assert.Equal($"agreement/versions/{second}#4.3.11", await agreement.ClauseLinkAsync(ModerationClauses.Impersonation, noon.AddDays(40)));
    }

    [Fact]
    public void BeforeAnyVersion_ThereIsNothingToLinkTo()
    {
        var versions = new AgreementInForce([(1, new DateOnly(2026, 12, 10)), (2, new DateOnly(2027, 1, 1))]);

        Assert.Null(versions.ClauseLink("4.3.9", new DateTimeOffset(2026, 12, 9, 12, 0, 0, TimeSpan.Zero)));
        // 10 December begins in Almaty (UTC+5) at 19:00 UTC on the 9th.
        Assert.Equal("agreement/versions/1#4.3.9", versions.ClauseLink("4.3.9", new DateTimeOffset(2026, 12, 9, 19, 30, 0, TimeSpan.Zero)));
        Assert.Equal("agreement/versions/2#4.3.9", versions.ClauseLink("4.3.9", new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Null(AgreementInForce.None.ClauseLink("4.3.9", DateTimeOffset.UtcNow));
        Assert.Equal("4.3.9", AgreementInForce.ClauseAnchor("4.3.9"));
        Assert.Equal("4.3.11", AgreementInForce.ClauseAnchor("4.3.11.impersonation"));
        Assert.All(["4.3.9#x", "4.3.9.x y", "4.3.9.Impersonation", "x.4.3", ".impersonation", "4.3.9\" onfocus=\"x", "", null],
            clause => Assert.Null(AgreementInForce.ClauseAnchor(clause)));
    }
}
