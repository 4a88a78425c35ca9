using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace DigitalAlmaty.Web;

/// <summary>
/// Serves the repository's <c>wwwroot-assets/</c> (copied next to the app at build) under
/// <c>/brand</c>. Links carry a content hash, so browsers and proxies may keep them for a year.
/// </summary>
public static class BrandAssets
{
    public const string RequestPath = "/brand";

    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "brand-assets");
    private static readonly ConcurrentDictionary<string, string> Versioned = new();

    /// <summary>A relative URL (the pages use &lt;base href="/"&gt;) with a content-hash query.</summary>
    public static string Url(string file) => Versioned.GetOrAdd(file, static f =>
    {
        var path = Path.Combine(Root, f);
        if (!File.Exists(path))
        {
            return $"brand/{f}";
        }

        using var stream = File.OpenRead(path);
        var hash = Convert.ToHexStringLower(SHA256.HashData(stream))[..12];
        return $"brand/{f}?v={hash}";
    });

    public static IApplicationBuilder UseBrandAssets(this IApplicationBuilder app) =>
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Root),
            RequestPath = RequestPath,
            OnPrepareResponse = context =>
            {
                var versioned = context.Context.Request.Query.ContainsKey("v");
                context.Context.Response.Headers[HeaderNames.CacheControl] = versioned
                    ? "public, max-age=31536000, immutable"
                    : "public, max-age=3600";
            },
        });
}
