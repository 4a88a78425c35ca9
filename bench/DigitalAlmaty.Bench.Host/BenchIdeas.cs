using DigitalAlmaty.Domain.Ideas;
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
            }

            await db.SaveChangesAsync();
        }

        logger.LogInformation("Bench ideas ready: {Count}.", count);
    }
}
