using System.Net;
using DigitalAlmaty.Domain.Events;
using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Tests.Domain;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Catalog;
using DigitalAlmaty.Web.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Web;

/// <summary>The index follows the items: hidden ones leave, edited ones are found by their new words, many matches are counted and paged.</summary>
public abstract partial class SearchTests
{
    [Fact]
    public async Task AHiddenIdea_NoLongerAppears()
    {
        Assert.Equal([fixture.ToBeHidden], await SearchAsync("фонтаны"));
        Assert.Equal([fixture.ToBeHidden], ResultIds(await SearchPageAsync("фонтаны")));

        await using (var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            var stored = await db.Ideas.SingleAsync(i => i.Id == fixture.ToBeHidden);
            stored.Hide("moderator", DateTimeOffset.UtcNow, [ModerationClauses.Misleading], null);
            await db.SaveChangesAsync();
        }

        Assert.Empty(await SearchAsync("фонтаны"));
        // The page cache is emptied by the event a real moderation decision publishes.
        fixture.Services.GetRequiredService<PortalEventFeed>()
            .Publish(new SubmissionChanged(fixture.ToBeHidden, SubmissionKind.Idea, SubmissionStatus.Hidden, fixture.AuthorId));
        for (var i = 0; i < 50 && ResultIds(await SearchPageAsync("фонтаны")).Count > 0; i++)
        {
            await Task.Delay(100);
        }

        Assert.Empty(ResultIds(await SearchPageAsync("фонтаны")));
    }

    [Fact]
    public async Task EditingAPublishedIdea_ReindexesIt()
    {
        await using (var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlAsync($"UPDATE \"Submissions\" SET \"Organiser\" = NULL, \"Tasks\" = {"Добавить велодорожки вдоль проспектов."} WHERE \"Id\" = {fixture.English}");
        }

        Assert.Equal([fixture.English], await SearchAsync("велодорожки"));
    }

    [Fact]
    public async Task ManyMatches_AreAllCounted_PagedToTheEnd_TitleMatchesFirst()
    {
        // 45 items share a word no other test uses; three carry it in the title, the rest in the goal.
        var inTitle = new List<Guid>();
        await using (var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            var at = DateTimeOffset.UtcNow.AddDays(-2);
            for (var i = 0; i < 45; i++)
            {
                var titled = i % 15 == 7;
                var idea = Idea.StartDraft(Guid.NewGuid(), fixture.AuthorId, at);
                idea.Edit(fixture.AuthorId, SubmissionBuilder.ValidIdea with
                {
                    Title = titled ? $"Гелиостаты для школ №{i}" : $"Солнечная крыша №{i}",
                    Goal = "Поставить гелиостаты на крышах и снизить счета за свет.",
                }, at.AddMinutes(i));
                idea.Submit(fixture.AuthorId, at.AddMinutes(i));
                idea.Approve("moderator", at.AddMinutes(i + 1));
                db.Ideas.Add(idea);
                if (titled)
                {
                    inTitle.Add(idea.Id);
                }
            }

            await db.SaveChangesAsync();
        }

        using var scope = fixture.Services.CreateScope();
        var search = scope.ServiceProvider.GetRequiredService<PortalSearch>();
        var first = await search.SearchAsync("гелиостаты");
        Assert.Equal(45, first.Total);
        Assert.Equal(PortalSearch.PageSize, first.Hits.Count);
        Assert.True(first.HasNext);
        Assert.Equal(inTitle.Order(), first.Hits.Take(3).Select(h => h.Id).Order());

        var third = await search.SearchAsync("гелиостаты", page: 3);
        Assert.Equal(45, third.Total);
        Assert.Equal(5, third.Hits.Count);
        Assert.False(third.HasNext);
        var all = first.Hits.Concat((await search.SearchAsync("гелиостаты", page: 2)).Hits).Concat(third.Hits).Select(h => h.Id).ToList();
        Assert.Equal(45, all.Distinct().Count());

        // Past the last page: nothing to show, and still the count of everything found.
        var beyond = await search.SearchAsync("гелиостаты", page: 4);
        Assert.Empty(beyond.Hits);
        Assert.Equal(45, beyond.Total);
    }

    private async Task<int> CountPublishedAsync()
    {
        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Submissions.CountAsync(s => s.Status == SubmissionStatus.Published);
    }
}
