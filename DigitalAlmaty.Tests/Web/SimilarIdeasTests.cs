using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DigitalAlmaty.Tests.Support.SubmissionSeed;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// Similar published ideas for a title and summary being written, through the full-text search of
/// each database (<see cref="SqliteSimilarIdeasTests"/>, <see cref="PostgresSimilarIdeasTests"/>).
/// </summary>
public abstract class SimilarIdeasTests(PortalFactory fixture)
{
    private async Task<Guid> IdeaAsync(string title, string summary, bool published = true)
    {
        var (author, _) = await fixture.NewUserAsync("Автор");
        var content = SubmissionSeed.IdeaContent(title) with { Summary = summary };
        var idea = Idea.StartDraft(Guid.NewGuid(), author, DateTimeOffset.UtcNow);
        idea.Edit(author, content, DateTimeOffset.UtcNow);
        if (published)
        {
            idea.Submit(author, DateTimeOffset.UtcNow);
            idea.Approve(ModeratorId, DateTimeOffset.UtcNow);
        }

        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        db.Ideas.Add(idea);
        await db.SaveChangesAsync();
        return idea.Id;
    }

    private async Task<IReadOnlyList<SimilarIdea>> FindAsync(string title, string summary, Guid? except = null)
    {
        using var scope = fixture.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SimilarIdeas>().FindAsync(title, summary, except);
    }

    [Fact]
    public async Task AnIdeaWithTheSameWords_IsFound_ButNotItself_NorAnUnpublishedOne()
    {
        var match = await IdeaAsync("Фонтанчики питьевой воды в скверах", "Бесплатные фонтанчики питьевой воды у детских площадок.");
        var draft = await IdeaAsync("Фонтанчики питьевой воды у школ", "Черновик про фонтанчики.", published: false);
        await IdeaAsync("Шумозащитные экраны на Аль-Фараби", "Экраны вдоль проспекта снижают шум во дворах.");

        var found = await FindAsync("Питьевые фонтанчики", "Поставить фонтанчики питьевой воды в парках");

        Assert.Equal(match, found[0].Id);
        Assert.DoesNotContain(found, f => f.Id == draft);
        Assert.DoesNotContain(found, f => f.Title.Contains("Шумозащитные", StringComparison.Ordinal));
        Assert.DoesNotContain(await FindAsync("Фонтанчики питьевой воды в скверах", "фонтанчики", match), f => f.Id == match);
        Assert.True(found.Count <= SimilarIdeas.Limit);
    }

    [Fact]
    public async Task ShortWordsAndSymbols_FindNothing_AndBreakNothing() =>
        Assert.Empty(await FindAsync("и в на", "\" OR 1=1 -- ' & | ! :*"));
}
