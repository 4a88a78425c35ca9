using System.Net;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// The shipped portal holds no bench code (issue #14): the bench endpoints, their timings and the
/// bench ideas live in bench/DigitalAlmaty.Bench.Host, which runs the portal with them added. The
/// portal answers 404 on /bench/* in every environment, even with the settings that once switched
/// the bench on (Production: ProductionStartTests).
/// </summary>
public sealed class BenchOutOfTheProductTests
{
    private static readonly string[] BenchPaths =
        ["/bench/timings", "/bench/static/ideas", "/bench/baseline/ideas", "/bench/baseline/ideas-bare", "/bench/moderation/first-page", "/bench/gc-stats", "/bench/load/tally"];

    [Fact]
    public void ThePortalsAssembly_HasNoBenchNamespace()
    {
        var portal = typeof(DigitalAlmaty.Web.PortalApplication).Assembly.GetTypes();
        var host = typeof(DigitalAlmaty.Bench.Host.BenchProgram).Assembly.GetTypes();
        Assert.Contains(portal, t => t.Namespace == "DigitalAlmaty.Web.Features.Catalog");
        Assert.Contains(host, t => IsBench(t.Namespace));

        Assert.Empty(portal.Where(t => IsBench(t.Namespace)).Select(t => t.FullName));
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Testing")]
    public async Task ThePortal_AnswersNotFoundOnBenchPaths_WithTheOldBenchSettings(string environment)
    {
        await using var portal = new OldBenchSettings(environment);
        using var client = portal.CreatePortalClient();

        Assert.Equal(environment, portal.Services.GetRequiredService<IWebHostEnvironment>().EnvironmentName);
        foreach (var path in BenchPaths)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
        }

        // No session for anyone who asks, and no bench account or bench ideas behind the scenes.
        using var setup = await client.PostAsync("/bench/moderation/setup?waiting=5", null);
        Assert.False(setup.IsSuccessStatusCode);
        Assert.DoesNotContain(setup.Headers.Where(h => h.Key == "Set-Cookie").SelectMany(h => h.Value), c => c.StartsWith("da.auth", StringComparison.Ordinal));
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.Submissions.CountAsync());
        Assert.False(await db.Users.AnyAsync(u => u.Email!.Contains("bench")));
    }

    private static bool IsBench(string? ns) => ns?.Contains("Bench", StringComparison.Ordinal) == true;

    /// <summary>The portal in <paramref name="environment"/> with the settings that switched the bench on before it moved out.</summary>
    private sealed class OldBenchSettings(string environment) : PortalFactory(new Dictionary<string, string?>
    {
        ["Bench:Enabled"] = "true",
        ["Demo:BenchIdeas"] = "30",
    })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
        }
    }
}
