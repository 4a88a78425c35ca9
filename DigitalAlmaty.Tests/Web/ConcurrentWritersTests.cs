using System.Security.Claims;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// Fifty authors write at the same moment to one SQLite file (each: create a draft, edit it, submit
/// it). SQLite has one writer at a time; the portal's connections wait for it (busy timeout) instead
/// of failing, so no "database is locked" reaches anyone and every write lands.
/// </summary>
public sealed class ConcurrentWritersTests(ConcurrentWritersTests.Fixture fixture) : IClassFixture<ConcurrentWritersTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    [Fact]
    public async Task FiftyAuthors_WritingAtOnce_OnSqlite_AllLand_WithoutALockError()
    {
        var authors = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            authors.Add((await fixture.NewUserAsync($"Автор {i}")).Id);
        }

        using var start = new ManualResetEventSlim(false);
        var errors = new System.Collections.Concurrent.ConcurrentBag<string>();
        var writers = authors.Select((authorId, i) => Task.Run(async () =>
        {
            start.Wait();
            try
            {
                using var scope = fixture.Services.CreateScope();
                var service = scope.ServiceProvider.GetRequiredService<SubmissionService>();
                var author = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, authorId)], "test"));
                var id = Guid.NewGuid();
                var created = await service.SaveIdeaAsync(author, id, SubmissionSeed.IdeaContent($"Одновременная идея {i}"), null);
                var edited = await service.SaveIdeaAsync(author, id, SubmissionSeed.IdeaContent($"Одновременная идея {i}, правка"), created.Revision);
                var submitted = await service.SubmitAsync(author, id);
                foreach (var result in new[] { created, edited, submitted }.Where(r => !r.Succeeded))
                {
                    errors.Add($"{i}: {result.ErrorCode}");
                }
            }
            catch (Exception ex)
            {
                errors.Add($"{i}: {ex.GetType().Name}: {ex.Message}");
            }
        })).ToList();

        start.Set();
        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Empty(errors);
        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var stored = await db.Ideas.AsNoTracking().Where(i => authors.Contains(i.AuthorId)).ToListAsync();
        Assert.Equal(50, stored.Count);
        Assert.All(stored, idea =>
        {
            Assert.Equal(SubmissionStatus.Submitted, idea.Status);
            Assert.EndsWith(", правка", idea.Title, StringComparison.Ordinal);
        });
    }
}
