using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Tests.Domain;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Web;

public sealed class PublicPageCacheTests(PublicPageCacheTests.Fixture fixture) : IClassFixture<PublicPageCacheTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    private async Task<Idea> PublishQuietlyAsync(string title)
    {
        var author = await fixture.CreateUserAsync($"cache-{Guid.NewGuid():N}@example.kz", "Cache-Pass-2026", "Кэш Автор");
        var idea = Idea.StartDraft(Guid.NewGuid(), author.Id, DateTimeOffset.UtcNow);
        idea.Edit(author.Id, SubmissionBuilder.ValidIdea with { Title = title }, DateTimeOffset.UtcNow);
        idea.Submit(author.Id, DateTimeOffset.UtcNow);
        idea.Approve("moderator", DateTimeOffset.UtcNow);
        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        db.Ideas.Add(idea);
        await db.SaveChangesAsync();
        return idea;
    }

    private static async Task<string> IdeasPageAsync(HttpClient client) => (await HtmlPage.GetAsync(client, "/ideas")).Text;

    [Fact]
    public async Task AnonymousListIsCached_UntilSomethingIsPublishedOrHidden()
    {
        using var client = fixture.CreatePortalClient();
        await IdeasPageAsync(client);

        // Written straight to the database, without the event a real approval publishes.
        var idea = await PublishQuietlyAsync("Тихо опубликованная идея");
        Assert.DoesNotContain("Тихо опубликованная идея", await IdeasPageAsync(client), StringComparison.Ordinal);

        var feed = fixture.Services.GetRequiredService<PortalEventFeed>();
        feed.Publish(new SubmissionChanged(idea.Id, SubmissionKind.Idea, SubmissionStatus.Published, idea.AuthorId));
        await WaitUntilAsync(async () => (await IdeasPageAsync(client)).Contains("Тихо опубликованная идея", StringComparison.Ordinal));

        await using (var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            var stored = await db.Ideas.SingleAsync(i => i.Id == idea.Id);
            stored.Hide("moderator", DateTimeOffset.UtcNow, [ModerationClauses.Misleading], null);
            await db.SaveChangesAsync();
        }

        feed.Publish(new SubmissionChanged(idea.Id, SubmissionKind.Idea, SubmissionStatus.Hidden, idea.AuthorId));
        await WaitUntilAsync(async () => !(await IdeasPageAsync(client)).Contains("Тихо опубликованная идея", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EachLanguage_HasItsOwnCachedCopy()
    {
        using var client = fixture.CreatePortalClient();
        var russian = await HtmlPage.GetAsync(client, "/events?culture=ru-RU");
        var kazakh = await HtmlPage.GetAsync(client, "/events?culture=kk-KZ");
        var kazakhAgain = await HtmlPage.GetAsync(client, "/events");

        Assert.Equal("События", russian.Document.QuerySelector("h1")!.TextContent);
        Assert.Equal("Іс-шаралар", kazakh.Document.QuerySelector("h1")!.TextContent);
        Assert.Equal("Іс-шаралар", kazakhAgain.Document.QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData("/ideas")]
    [InlineData("/events")]
    [InlineData("/")]
    public async Task AnonymousPublicPage_IsPlainStaticHtml_WithoutStateOrTokens(string path)
    {
        using var client = fixture.CreatePortalClient();
        using var response = await client.GetAsync(path + "?fresh=" + Guid.NewGuid().ToString("N"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Blazor-Server-Component-State", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<!--Blazor:", html, StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out _), "an anonymous public page sets no cookie");

        // Nothing that only a circuit needs: no import map, no blazor.web.js, no reconnect dialog.
        Assert.DoesNotContain("importmap", html, StringComparison.Ordinal);
        Assert.DoesNotContain("_framework/blazor.web", html, StringComparison.Ordinal);
        Assert.DoesNotContain("blazor-error-ui", html, StringComparison.Ordinal);
        Assert.Contains("</footer>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Head_OnAPublicPage_AnswersLikeGet_WithoutSpoilingTheCachedPage()
    {
        using var client = fixture.CreatePortalClient();
        var path = "/ideas?head=" + Guid.NewGuid().ToString("N");
        using (var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path)))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, head.StatusCode);
            Assert.StartsWith("text/html", head.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        }

        // The same address by GET right after the HEAD: a full page, not an empty cached answer.
        var page = await HtmlPage.GetAsync(client, path);
        Assert.Equal("Идеи", page.Document.QuerySelector("h1")!.TextContent);

        using var unknown = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/no-such-page-" + Guid.NewGuid().ToString("N")));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task SignedInModerator_OnAPublicPage_StillGetsTheLiveBadge()
    {
        var (_, email) = await fixture.NewUserAsync("Модератор Бейдж", DigitalAlmaty.Domain.Accounts.PortalRoles.Moderator);
        using var client = await fixture.SignedInClientAsync(email);
        var html = await (await client.GetAsync("/ideas")).Content.ReadAsStringAsync();

        // The header's badge is an interactive island: its marker and the state it carries over are in the page.
        Assert.Contains("data-testid=\"moderation-badge\"", html, StringComparison.Ordinal);
        Assert.Contains("<!--Blazor:", html, StringComparison.Ordinal);
        Assert.Contains("Blazor-Server-Component-State", html, StringComparison.Ordinal);
        Assert.Contains("_framework/blazor.web", html, StringComparison.Ordinal);
        Assert.Contains("importmap", html, StringComparison.Ordinal);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 50; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The cached page was not refreshed within 5 seconds.");
    }
}
