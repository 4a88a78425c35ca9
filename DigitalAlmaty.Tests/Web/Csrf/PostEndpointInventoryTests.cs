using System.Net;
using System.Reflection;
using DigitalAlmaty.Tests.Support;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Razor.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Web.Csrf;

/// <summary>
/// Keeps <see cref="PortalPostTargets"/> complete: any endpoint of the running portal that accepts a
/// POST is a form under test in <see cref="AntiforgeryTests"/>, a Blazor page whose posts require a
/// token, a built-in Identity page that answers 404, or documented in
/// <see cref="PortalPostTargets.WithoutAntiforgery"/> with the reason it needs no token.
/// </summary>
public sealed class PostEndpointInventoryTests(PostEndpointInventoryTests.Fixture fixture) : IClassFixture<PostEndpointInventoryTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    private static string Normalize(string? pattern) => "/" + (pattern ?? string.Empty).Trim('/');

    private List<RouteEndpoint> PostEndpoints()
    {
        using var _ = fixture.CreateClient();
        return fixture.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is not { } methods || methods.Contains(HttpMethods.Post))
            .ToList();
    }

    /// <summary>Our own page's model, or null for a page that Identity UI ships.</summary>
    private static Type? PageModelOf(PageActionDescriptor page) =>
        typeof(Program).Assembly.GetCustomAttributes<RazorCompiledItemAttribute>()
            .FirstOrDefault(i => string.Equals(i.Identifier, page.RelativePath, StringComparison.OrdinalIgnoreCase))?
            .Type.GetProperty("Model")?.PropertyType;

    private static bool HasPostHandler(Type model) =>
        model.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly).Any(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal));

    private static bool TakesForms(Type component) =>
        component.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Any(p => p.GetCustomAttribute<SupplyParameterFromFormAttribute>() is not null);

    [Fact]
    public void EveryPostEndpoint_IsAFormUnderTest_OrDocumented()
    {
        var forms = PortalPostTargets.Forms.Select(f => Normalize(f.Pattern)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        foreach (var endpoint in PostEndpoints())
        {
            var pattern = Normalize(endpoint.RoutePattern.RawText);
            if (endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is { } component)
            {
                if (endpoint.Metadata.GetMetadata<IAntiforgeryMetadata>() is not { RequiresValidation: true })
                {
                    problems.Add($"{pattern}: a Blazor page that takes posts without an antiforgery token");
                }

                if (TakesForms(component.Type) && !forms.Contains(pattern))
                {
                    problems.Add($"{pattern}: a Blazor form missing from PortalPostTargets.Forms");
                }
            }
            else if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                if (PageModelOf(page) is { } model && HasPostHandler(model) && !forms.Contains(pattern))
                {
                    problems.Add($"{pattern}: a Razor page with a post handler missing from PortalPostTargets.Forms");
                }
            }
            else if (!PortalPostTargets.WithoutAntiforgery.ContainsKey(pattern))
            {
                problems.Add($"{pattern} ({endpoint.DisplayName}): a POST endpoint in neither PortalPostTargets list");
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void EveryListedForm_StillExists()
    {
        var patterns = PostEndpoints().Select(e => Normalize(e.RoutePattern.RawText)).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var stale = PortalPostTargets.Forms.Select(f => Normalize(f.Pattern)).Concat(PortalPostTargets.WithoutAntiforgery.Keys)
            .Where(p => !patterns.Contains(p)).ToList();

        Assert.Empty(stale);
    }

    [Fact]
    public async Task IdentityUIsOwnPages_RefuseATokenlessPost()
    {
        var builtIn = PostEndpoints()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is { } page && PageModelOf(page) is null)
            .Select(e => Normalize(e.RoutePattern.RawText))
            .ToList();
        // Signed in, so that the answer is the page's own and not the sign-in redirect of the Manage pages.
        using var client = await fixture.SignedInClientAsync((await fixture.NewUserAsync("Проверяющий")).Email);

        Assert.NotEmpty(builtIn);
        foreach (var pattern in builtIn)
        {
            var response = await client.PostAsync(pattern, new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "x@example.kz" }));
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{pattern}: {response.StatusCode}");
        }
    }
}
