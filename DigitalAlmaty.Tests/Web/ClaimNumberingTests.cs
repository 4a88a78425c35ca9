using System.Security.Claims;
using DigitalAlmaty.Domain.Claims;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Web;

/// <summary>Claims filed at the same moment never share a number, on either database.</summary>
public abstract class ClaimNumberingTests
{
    protected abstract IDictionary<string, string?> Settings();

    [Fact]
    public async Task ConcurrentFilings_GetDistinctConsecutiveNumbers()
    {
        const int count = 24;
        var form = new ClaimForm("Одновременно", "same-time@example.kz", ClaimTopic.Other, "Одновременно", "Текст.", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3));
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());
        await using var portal = new PortalFactory(Settings());
        _ = portal.Services; // start the host (migrations) before the race

        var results = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => Task.Run(async () =>
        {
            using var scope = portal.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<ClaimService>().FileAsync(anonymous, form, null, "ru-RU");
        })));

        Assert.All(results, r => Assert.True(r.Succeeded, r.ErrorCode));
        var numbers = results.Select(r => r.Claim!.Number).ToList();
        var year = numbers[0][..4];
        Assert.Equal(Enumerable.Range(1, count).Select(i => ClaimDeadlines.Number(int.Parse(year, System.Globalization.CultureInfo.InvariantCulture), i)), numbers.Order());
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.Equal(count, await db.Claims.CountAsync());
        Assert.Equal(count, (await db.ClaimCounters.SingleAsync()).Last);
    }
}

public sealed class SqliteClaimNumberingTests : ClaimNumberingTests
{
    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>();
}

public sealed class PostgresClaimNumberingTests(PostgresDatabase database) : ClaimNumberingTests, IClassFixture<PostgresDatabase>
{
    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:Portal"] = database.ConnectionString,
    };
}
