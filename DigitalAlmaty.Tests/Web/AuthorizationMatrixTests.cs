using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// Every route of the portal × every kind of visitor, over HTTP with real accounts signed in through
/// the sign-in page; and a guard that no mapped route is missing from the table.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixFixture fixture) : IClassFixture<AuthorizationMatrixFixture>
{
    public static IReadOnlyList<AuthorizationMatrixRow> AllRows { get; } =
        [.. AuthorizationMatrixTable.Rows, .. AuthorizationMatrixIdentityTable.Rows];

    public static TheoryData<int, string> Rows()
    {
        var data = new TheoryData<int, string>();
        for (var i = 0; i < AllRows.Count; i++)
        {
            data.Add(i, AllRows[i].Url);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Route_AnswersEachKindOfVisitor_AsTheTableSays(int index, string url)
    {
        var row = AllRows[index];
        Assert.Equal(url, row.Url);
        Assert.Equal(AuthorizationMatrixFixture.Kinds.Count, row.Expected.Length);

        var wrong = new List<string>();
        foreach (var kind in AuthorizationMatrixFixture.Kinds)
        {
            var concrete = await fixture.ResolveAsync(row.Url);
            using var response = await fixture.Client(kind).GetAsync(concrete);
            var actual = Classify(response);
            if (actual != row.ExpectedFor(kind))
            {
                wrong.Add($"{kind}: expected {row.ExpectedFor(kind)}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
            }
        }

        Assert.True(wrong.Count == 0, $"{row.Url}:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void EveryMappedRoute_HasARow()
    {
        var covered = AllRows.Where(r => r.Mapped).Select(r => r.Route).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = MappedRoutes().Where(route => !covered.Contains(route)).ToList();

        Assert.True(missing.Count == 0, "Routes without a row in the authorization matrix:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void EveryRowOfAMappedRoute_NamesARouteThatExists_AndUnmappedOnesDoNot()
    {
        var mapped = MappedRoutes().ToHashSet(StringComparer.OrdinalIgnoreCase);

        var stale = AllRows.Where(r => r.Mapped && !mapped.Contains(r.Route)).Select(r => r.Route).Distinct().ToList();
        var present = AllRows.Where(r => !r.Mapped && mapped.Any(m => m.StartsWith(r.Route.Split('{')[0], StringComparison.OrdinalIgnoreCase))).ToList();

        Assert.True(stale.Count == 0, "Rows for routes the application does not map:\n" + string.Join("\n", stale));
        Assert.True(present.Count == 0, "Routes that must not be mapped are:\n" + string.Join("\n", present));
        Assert.Contains("/admin/users/export/{token}", mapped);
        Assert.Contains("/Identity/Account/Login", mapped);
    }

    /// <summary>
    /// The templates of every route endpoint (Razor components, Razor Pages, minimal APIs), without the
    /// framework's own (/_blazor, /_framework, static assets).
    /// </summary>
    private IEnumerable<string> MappedRoutes() =>
        fixture.Services.GetServices<EndpointDataSource>()
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => !e.Metadata.Any(m => m.GetType().Name.Contains("StaticAsset", StringComparison.Ordinal)))
            .Select(e => "/" + (e.RoutePattern.RawText ?? string.Empty).TrimStart('/'))
            .Where(route => !route.StartsWith("/_", StringComparison.Ordinal))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal);

    private static char Classify(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        return status switch
        {
            200 => 'A',
            403 => 'F',
            404 => 'N',
            >= 300 and < 400 when location.Contains("/Identity/Account/Login", StringComparison.OrdinalIgnoreCase) => 'S',
            >= 300 and < 400 when location.Contains("/Identity/Account/AccessDenied", StringComparison.OrdinalIgnoreCase) => 'F',
            >= 300 and < 400 when IsLocal(location) => 'R',
            _ => '?',
        };
    }

    private static bool IsLocal(string location) =>
        location.StartsWith('/') && !location.StartsWith("//", StringComparison.Ordinal) && !location.StartsWith("/\\", StringComparison.Ordinal)
        || location.StartsWith("http://localhost/", StringComparison.Ordinal);
}
