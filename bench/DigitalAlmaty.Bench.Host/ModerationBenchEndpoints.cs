using System.Diagnostics;
using System.Security.Claims;
using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Moderation;
using DigitalAlmaty.Web.Features.Submissions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Bench.Host;

/// <summary>
/// Helpers for bench/moderation-queue.sh: a signed-in bench moderator, waiting items in bulk, an
/// author who submits and withdraws through the real <see cref="SubmissionService"/>, and the server
/// time of the queue's first page.
/// </summary>
public static class ModerationBenchEndpoints
{
    public const string ModeratorEmail = "bench-moderator@bench.digital-almaty.local";
    public const string AuthorEmail = "bench-author@bench.digital-almaty.local";

    public static IEndpointRouteBuilder MapModerationBench(this IEndpointRouteBuilder endpoints)
    {
        var bench = endpoints.MapGroup("/bench/moderation").DisableAntiforgery();

        // Tops the queue up to ?waiting= items (oldest first, so later submits land at the end).
        bench.MapPost("/setup", async (int waiting, IDbContextFactory<PortalDbContext> databases, UserManager<PortalUser> users, TimeProvider clock) =>
        {
            var moderator = await BenchUsers.GetOrCreateAsync(users, ModeratorEmail, "Bench Moderator", clock);
            if (!await users.IsInRoleAsync(moderator, PortalRoles.Moderator))
            {
                await users.AddToRoleAsync(moderator, PortalRoles.Moderator);
            }

            var author = await BenchUsers.GetOrCreateAsync(users, AuthorEmail, "Bench Author", clock);
            var started = Stopwatch.GetTimestamp();
            var total = await SeedWaitingAsync(databases, author.Id, waiting, clock.GetUtcNow());
            return Results.Ok(new { waiting = total, seedSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds });
        });

        // Signs the bench moderator in: the response carries the authentication cookie.
        bench.MapPost("/signin", async (UserManager<PortalUser> users, SignInManager<PortalUser> signIn) =>
        {
            var moderator = await users.FindByEmailAsync(ModeratorEmail);
            if (moderator is null)
            {
                return Results.NotFound();
            }

            await signIn.SignInAsync(moderator, isPersistent: false);
            return Results.Ok();
        });

        // A draft by the bench author, ready to submit; its title carries the caller's tag.
        bench.MapPost("/draft", async (string tag, UserManager<PortalUser> users, SubmissionService submissions) =>
        {
            var author = await users.FindByEmailAsync(AuthorEmail);
            if (author is null)
            {
                return Results.NotFound();
            }

            var id = Guid.NewGuid();
            var title = "Bench " + tag;
            var result = await submissions.SaveIdeaAsync(Author(author.Id), id, Content(title), null);
            return result.Succeeded ? Results.Ok(new { id, title }) : Results.Problem(result.ErrorCode);
        });

        // The author's submit, exactly as the editor does it; the response time is what the author waits.
        bench.MapPost("/submit/{id:guid}", async (Guid id, UserManager<PortalUser> users, SubmissionService submissions) =>
        {
            var author = await users.FindByEmailAsync(AuthorEmail);
            var started = Stopwatch.GetTimestamp();
            var result = await submissions.SubmitAsync(Author(author!.Id), id);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return result.Succeeded ? Results.Ok(new { serverMs = ms }) : Results.Problem(result.ErrorCode);
        });

        bench.MapPost("/withdraw/{id:guid}", async (Guid id, UserManager<PortalUser> users, SubmissionService submissions) =>
        {
            var author = await users.FindByEmailAsync(AuthorEmail);
            var result = await submissions.WithdrawAsync(Author(author!.Id), id);
            return result.Succeeded ? Results.Ok() : Results.Problem(result.ErrorCode);
        });

        // The queue's first page as a moderator's screen reads it (rows + count), timed ?reps= times.
        bench.MapGet("/first-page", async (int? reps, ModerationQueue queue) =>
        {
            var total = new List<double>();
            var rows = new List<double>();
            var counts = new List<double>();
            var shown = 0;
            for (var i = 0; i < Math.Clamp(reps ?? 50, 1, 10_000); i++)
            {
                var started = Stopwatch.GetTimestamp();
                var page = await queue.PageAsync(QueueFilter.None);
                var paged = Stopwatch.GetTimestamp();
                await queue.CountAsync();
                rows.Add(Stopwatch.GetElapsedTime(started, paged).TotalMilliseconds);
                counts.Add(Stopwatch.GetElapsedTime(paged).TotalMilliseconds);
                total.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                shown = page.Rows.Count;
            }

            total.Sort();
            rows.Sort();
            counts.Sort();
            return Results.Ok(new
            {
                rows = shown,
                waiting = await queue.CountAsync(),
                p50 = Percentile(total, 0.50),
                p95 = Percentile(total, 0.95),
                max = total[^1],
                rowsP50 = Percentile(rows, 0.50),
                countP50 = Percentile(counts, 0.50),
            });
        });

        return endpoints;
    }

    private static ClaimsPrincipal Author(string id) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id)], "bench"));

    private static IdeaContent Content(string title) => new(
        title,
        "Единая карта свободных парковок в центре Алматы.",
        "transport",
        "Сократить время поиска парковки в центре города.",
        "Собрать данные датчиков и показать их на открытой карте.",
        "Меньше пробок и выхлопов на центральных улицах.",
        "Похожие сервисы работают в Таллине и Сеуле.",
        ["парковки"]);

    private static async Task<int> SeedWaitingAsync(IDbContextFactory<PortalDbContext> databases, string authorId, int target, DateTimeOffset now)
    {
        int existing;
        await using (var db = await databases.CreateDbContextAsync())
        {
            existing = await db.Submissions.CountAsync(s => s.Status == SubmissionStatus.Submitted);
        }

        const int Batch = 2000;
        for (var start = existing; start < target; start += Batch)
        {
            await using var db = await databases.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(target, start + Batch); i++)
            {
                // Older than anything submitted during the run, and each a little older than the one before.
                var at = now.AddDays(-1).AddSeconds(-(target - i));
                var idea = Idea.StartDraft(Guid.NewGuid(), authorId, at);
                idea.Edit(authorId, Content($"Waiting item {i + 1}"), at);
                idea.Submit(authorId, at);
                db.Ideas.Add(idea);
            }

            await db.SaveChangesAsync();
        }

        return Math.Max(existing, target);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
