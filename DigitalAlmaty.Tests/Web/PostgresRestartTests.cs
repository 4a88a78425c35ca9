using System.Diagnostics;
using System.Net;
using System.Security.Claims;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Features.Submissions;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// PostgreSQL is restarted while readers keep asking: during the outage every request gets a quick,
/// clean error (the portal's error page, no internals; health says unhealthy), and once the database
/// is back the same portal process serves and writes again without being restarted.
/// </summary>
public sealed class PostgresRestartTests
{
    [Fact]
    public async Task DatabaseRestartedUnderLoad_CleanErrorsDuringTheOutage_RecoveryWithoutRestartingThePortal()
    {
        await using var database = await PrivatePostgres.StartNewAsync();
        using var portal = new PortalFactory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Portal"] = database.ConnectionString,
        });
        using var client = portal.CreatePortalClient();
        var (authorId, _) = await portal.NewUserAsync("Автор во время сбоя");
        var author = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, authorId)], "test"));
        var request = 0;
        // A query the output cache has not kept, so every request reads the database.
        string Uncached() => $"/ideas?tag=restart-{Interlocked.Increment(ref request)}";

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Uncached())).StatusCode);
        Assert.True((await SaveAsync(portal, author, "До перезапуска")).Succeeded);

        // Readers keep coming while the database goes away and comes back.
        using var stop = new CancellationTokenSource();
        var answers = new System.Collections.Concurrent.ConcurrentQueue<(HttpStatusCode Status, TimeSpan Took, string Phase)>();
        var phase = "before";
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            using var reader = portal.CreatePortalClient();
            while (!stop.IsCancellationRequested)
            {
                var watch = Stopwatch.StartNew();
                var current = Volatile.Read(ref phase);
                using var response = await reader.GetAsync(Uncached());
                answers.Enqueue((response.StatusCode, watch.Elapsed, current));
                await Task.Delay(50);
            }
        })).ToList();
        await Task.Delay(1000);

        // Requests in flight while the server shuts down may end either way.
        Volatile.Write(ref phase, "stopping");
        await database.StopAsync();
        Volatile.Write(ref phase, "outage");
        await Task.Delay(3000);
        using (var down = await client.GetAsync(Uncached()))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, down.StatusCode);
            var body = await down.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Npgsql", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
            Assert.Contains("<html", body, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);

        await database.StartAsync();
        Volatile.Write(ref phase, "restarted");
        var recovered = Stopwatch.StartNew();
        while ((await client.GetAsync(Uncached())).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(recovered.Elapsed < TimeSpan.FromSeconds(30), "The portal did not recover within 30 s of the database's return.");
            await Task.Delay(200);
        }

        Volatile.Write(ref phase, "after");
        await Task.Delay(1500);
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        // Once back, it stays back: every request answers, and writes land.
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Uncached())).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.True((await SaveAsync(portal, author, "После перезапуска")).Succeeded);

        var all = answers.ToList();
        Assert.All(all.Where(a => a.Phase is "before" or "after"), a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Contains(all, a => a.Phase == "outage" && a.Status == HttpStatusCode.InternalServerError);
        // Errors during the outage are quick: a refused connection, not a hanging request.
        Assert.All(all.Where(a => a.Phase == "outage"), a => Assert.True(a.Took < TimeSpan.FromSeconds(10), $"A request took {a.Took} during the outage."));
    }

    private static async Task<SubmissionResult> SaveAsync(PortalFactory portal, ClaimsPrincipal author, string title)
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SubmissionService>()
            .SaveIdeaAsync(author, Guid.NewGuid(), SubmissionSeed.IdeaContent(title), null);
    }
}
