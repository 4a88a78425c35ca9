using System.Net;
using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Tests.Domain;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// A SQLite portal and a PostgreSQL portal in one process (as in a full test run) both list their
/// ideas. EF Core binds a compiled query to the model it first ran with and refuses any other, so a
/// compiled query kept in a static field worked for whichever provider came first and failed the
/// other's /ideas page.
/// </summary>
public sealed class ProvidersInOneProcessTests
{
    [Fact]
    public async Task IdeasList_Works_OnSqliteAndOnPostgres_InOneProcess()
    {
        var postgres = new PostgresDatabase();
        await postgres.InitializeAsync();
        try
        {
            await using var sqlitePortal = new PortalFactory();
            await using (var postgresPortal = new PortalFactory(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:Portal"] = postgres.ConnectionString,
            }))
            {
                // SQLite first, then PostgreSQL, then SQLite again: each after the other has run the list.
                await AssertListsOwnIdeaAsync(sqlitePortal, "Идея из SQLite");
                await AssertListsOwnIdeaAsync(postgresPortal, "Идея из PostgreSQL");
                await AssertListsOwnIdeaAsync(sqlitePortal, "Вторая идея из SQLite");
            }
        }
        finally
        {
            await postgres.DisposeAsync();
        }
    }

    private static async Task AssertListsOwnIdeaAsync(PortalFactory portal, string title)
    {
        var author = await portal.CreateUserAsync($"providers-{Guid.NewGuid():N}@example.kz", "Providers-Pass-2026", "Автор Провайдеров");
        await using (var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            var at = DateTimeOffset.UtcNow;
            var idea = Idea.StartDraft(Guid.NewGuid(), author.Id, at);
            idea.Edit(author.Id, SubmissionBuilder.ValidIdea with { Title = title }, at);
            idea.Submit(author.Id, at);
            idea.Approve("moderator", at.AddSeconds(1));
            db.Ideas.Add(idea);
            await db.SaveChangesAsync();
        }

        using var reader = portal.CreatePortalClient();
        // Uncached, as the output cache may hold an earlier copy of the list.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ideas");
        request.Headers.Add("Authorization", "none");
        using var response = await reader.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(title, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
