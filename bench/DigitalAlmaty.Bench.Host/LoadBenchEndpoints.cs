using System.Diagnostics;
using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Agreement;
using DigitalAlmaty.Web.Features.Moderation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Bench.Host;

/// <summary>
/// Helpers for bench/load.sh: numbered authors and moderators who
/// sign in like anyone else, a moderator's decision through the real <see cref="ModerationService"/>
/// with that moderator's own principal, and the tally of everything the run's authors wrote.
/// </summary>
public static class LoadBenchEndpoints
{
    /// <summary>Every title written by the load bench starts with this, so the tally finds them.</summary>
    public const string TitlePrefix = "Нагрузка ";

    private static string AuthorEmail(int n) => $"load-author-{n}@bench.digital-almaty.local";

    private static string ModeratorEmail(int n) => $"load-moderator-{n}@bench.digital-almaty.local";

    public static IEndpointRouteBuilder MapLoadBench(this IEndpointRouteBuilder endpoints)
    {
        var bench = endpoints.MapGroup("/bench/load").DisableAntiforgery();

        bench.MapPost("/setup", async (int authors, int moderators, UserManager<PortalUser> users, AgreementService agreement, TimeProvider clock) =>
        {
            for (var n = 1; n <= authors; n++)
            {
                var author = await BenchUsers.GetOrCreateAsync(users, AuthorEmail(n), $"Автор нагрузки {n}", clock);
                await agreement.AcceptCurrentAsync(author.Id);
            }

            for (var n = 1; n <= moderators; n++)
            {
                var moderator = await BenchUsers.GetOrCreateAsync(users, ModeratorEmail(n), $"Модератор нагрузки {n}", clock);
                await agreement.AcceptCurrentAsync(moderator.Id);
                if (!await users.IsInRoleAsync(moderator, PortalRoles.Moderator))
                {
                    await users.AddToRoleAsync(moderator, PortalRoles.Moderator);
                }
            }

            return Results.Ok(new { authors, moderators });
        });

        // Signs in author or moderator n: the response carries the authentication cookie.
        bench.MapPost("/signin/{kind}/{n:int}", async (string kind, int n, UserManager<PortalUser> users, SignInManager<PortalUser> signIn) =>
        {
            var email = kind == "moderator" ? ModeratorEmail(n) : AuthorEmail(n);
            if (await users.FindByEmailAsync(email) is not { } user)
            {
                return Results.NotFound();
            }

            await signIn.SignInAsync(user, isPersistent: false);
            return Results.Ok();
        });

        // Moderator n decides one of the oldest waiting load items (a random one of the first few, so
        // that twenty moderators rarely reach for the same item): mostly approve, sometimes reject.
        bench.MapPost("/decide/{n:int}", async (int n, IDbContextFactory<PortalDbContext> databases, UserManager<PortalUser> users,
            SignInManager<PortalUser> signIn, ModerationService moderation) =>
        {
            if (await users.FindByEmailAsync(ModeratorEmail(n)) is not { } user)
            {
                return Results.NotFound();
            }

            List<(Guid Id, int Revision)> oldest;
            await using (var db = await databases.CreateDbContextAsync())
            {
                oldest = (await db.Submissions.AsNoTracking()
                    .Where(s => s.Status == SubmissionStatus.Submitted && s.Title.StartsWith(TitlePrefix))
                    .OrderBy(s => s.SubmittedAt).Take(8)
                    .Select(s => new { s.Id, s.Revision })
                    .ToListAsync()).Select(s => (s.Id, s.Revision)).ToList();
            }

            if (oldest.Count == 0)
            {
                return Results.Ok(new { decided = false, serverMs = 0.0 });
            }

            var (id, revision) = oldest[Random.Shared.Next(oldest.Count)];
            var decision = Random.Shared.Next(10) == 0
                ? ModerationDecision.Reject([ModerationClauses.RightsOfOthers], "Нагрузочная проверка: отклонено.")
                : ModerationDecision.Approve("Нагрузочная проверка: опубликовано.");
            var principal = await signIn.CreateUserPrincipalAsync(user);
            var started = Stopwatch.GetTimestamp();
            var result = await moderation.DecideAsync(principal, id, revision, decision);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return Results.Ok(new { decided = result.Succeeded, error = result.ErrorCode, serverMs = ms });
        });

        // Where everything the load authors wrote ended up, by status.
        bench.MapGet("/tally", async (IDbContextFactory<PortalDbContext> databases) =>
        {
            await using var db = await databases.CreateDbContextAsync();
            var byStatus = await db.Submissions.AsNoTracking()
                .Where(s => s.Title.StartsWith(TitlePrefix))
                .GroupBy(s => s.Status)
                .Select(g => new { Status = g.Key, Count = g.Count() })
                .ToListAsync();
            return Results.Ok(byStatus.ToDictionary(s => s.Status.ToString(), s => s.Count));
        });

        return endpoints;
    }
}
