using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Domain.Participation;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Bench.Host;

/// <summary>
/// Tops the database up to <c>Bench:Ideas</c> published ideas, in batches, for bench/public-pages.sh.
/// They repeat the demo ideas with a number in the title, so each demo idea's words occur in one idea
/// in six and a number finds one idea (the search figures in the README depend on that).
/// </summary>
public sealed class BenchIdeas(
    IDbContextFactory<PortalDbContext> databases,
    UserManager<PortalUser> users,
    TimeProvider clock,
    ILogger<BenchIdeas> logger)
{
    private const string Moderator = "bench-moderator";

    public async Task SeedAsync(int count)
    {
        if (count <= 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var author = await BenchUsers.GetOrCreateAsync(users, "bench@demo.digital-almaty.local", "Bench Author", clock);
        int existing;
        await using (var db = await databases.CreateDbContextAsync())
        {
            existing = await db.Ideas.CountAsync();
        }

        for (var start = existing; start < count; start += 1000)
        {
            await using var db = await databases.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(count, start + 1000); i++)
            {
                var at = now.AddMinutes(-i);
                var content = DemoContent.Ideas[i % DemoContent.Ideas.Count];
                var idea = Idea.StartDraft(Guid.NewGuid(), author.Id, at);
                idea.Edit(author.Id, content with { Title = $"{content.Title} №{i + 1}" }, at);
                idea.Submit(author.Id, at);
                idea.Approve(Moderator, at);
                db.Ideas.Add(idea);
                // Supports and the city's answers as a living portal has them: counts spread out, one idea in five answered.
                db.Entry(idea).Property(x => x.SupportCount).CurrentValue = (i * 37) % 500;
                db.Entry(idea).Property(x => x.CityStatus).CurrentValue = i % 5 == 0 ? (CityStatus)(i / 5 % 5) : null;
            }

            await db.SaveChangesAsync();
        }

        await SeedCommentsAsync(author.Id, now);
        logger.LogInformation("Bench ideas ready: {Count}.", count);
    }

    /// <summary>The newest idea gets <see cref="CommentsOnNewest"/> comments (the idea page's worst case); the second newest none.</summary>
    public const int CommentsOnNewest = 200;

    private async Task SeedCommentsAsync(string authorId, DateTimeOffset now)
    {
        await using var db = await databases.CreateDbContextAsync();
        var newest = await db.Ideas.Where(i => i.Status == Domain.Submissions.SubmissionStatus.Published)
            .OrderByDescending(i => i.PublishedAt).ThenByDescending(i => i.Id).Select(i => i.Id).FirstOrDefaultAsync();
        if (newest == Guid.Empty || await db.Comments.AnyAsync(c => c.SubmissionId == newest))
        {
            return;
        }

        Guid? parent = null;
        for (var i = 0; i < CommentsOnNewest; i++)
        {
            var id = Guid.NewGuid();
            db.Comments.Add(new Comment
            {
                Id = id,
                SubmissionId = newest,
                ParentId = i % 4 == 0 ? null : parent,
                AuthorId = authorId,
                Text = $"Комментарий №{i + 1}: **поддерживаю**, но прошу учесть остановки у [Абая](https://example.kz/abaya) и сроки.",
                CreatedAt = now.AddMinutes(-CommentsOnNewest + i),
                State = CommentState.Visible,
            });
            parent = i % 4 == 0 ? id : parent;
        }

        await db.SaveChangesAsync();
    }
}
