using System.Security.Claims;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Participation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DigitalAlmaty.Tests.Support.SubmissionSeed;

namespace DigitalAlmaty.Tests.Web;

/// <summary><see cref="SupportTests"/> on the embedded SQLite database.</summary>
public sealed class SqliteSupportTests(SqliteSupportTests.Fixture fixture) : SupportTests(fixture), IClassFixture<SqliteSupportTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    /// <summary>
    /// A support changes the idea's row but not its text: the full-text index keeps its entry (rewriting
    /// it finds the old one by a scan of the whole index, and moves the idea among "recently indexed").
    /// </summary>
    [Fact]
    public async Task ASupport_LeavesTheSearchIndexAlone()
    {
        var (author, _) = await fixture.NewUserAsync("Автор");
        var idea = (await new SubmissionSeed(fixture).IdeaAsync(author, "Идея с индексом", Submit(author), Approve())).Id;
        var (reader, _) = await fixture.NewUserAsync("Житель");
        var databases = fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        async Task<long> RowAsync()
        {
            await using var db = await databases.CreateDbContextAsync();
            return await db.Database.SqlQuery<long>($"""SELECT rowid AS "Value" FROM "SubmissionSearch" WHERE "Id" = {idea.ToString().ToUpperInvariant()} OR "Id" = {idea.ToString()}""").SingleAsync();
        }

        var before = await RowAsync();
        using (var scope = fixture.Services.CreateScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<SupportService>()
                .SupportAsync(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, reader)], "test")), idea)).Succeeded);
        }

        Assert.Equal(before, await RowAsync());
    }
}
