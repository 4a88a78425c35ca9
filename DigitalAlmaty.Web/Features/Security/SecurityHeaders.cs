using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using NetEscapades.AspNetCore.SecurityHeaders.Headers;
using NetEscapades.AspNetCore.SecurityHeaders.Infrastructure;

namespace DigitalAlmaty.Web.Features.Security;

/// <summary>
/// The security headers of every response (pages, account pages, endpoints, files, errors, cached
/// pages), set by NetEscapades.AspNetCore.SecurityHeaders when the response starts, so a page served
/// from the output cache gets them too. The policy holds no per-response value (no nonce): the only
/// inline script, Blazor's import map, is allowed by its hash, which is fixed for a build.
/// </summary>
public static class SecurityHeaders
{
    private const int OneYearInSeconds = 60 * 60 * 24 * 365;

    private static readonly ConditionalWeakTable<ImportMapDefinition, string> ImportMapHashes = new();

    public static IServiceCollection AddPortalSecurityHeaders(this IServiceCollection services)
    {
        // Kestrel names itself in a Server header after the middleware has run; tell it not to.
        services.Configure<KestrelServerOptions>(options => options.AddServerHeader = false);
        services.AddSecurityHeaderPolicies((builder, provider) =>
        {
            var hsts = !provider.GetRequiredService<IHostEnvironment>().IsDevelopment();
            var policies = new ConcurrentDictionary<(bool NoReferrer, string? ImportMapHash, bool InlineStyles), IReadOnlyHeaderPolicyCollection>();
            builder.SetDefaultPolicy(Build(hsts, noReferrer: false, importMapHash: null, inlineStyles: false));
            builder.SetPolicySelector(context =>
            {
                var endpoint = context.HttpContext.GetEndpoint();
                var key = (
                    CarriesToken(context.HttpContext),
                    endpoint?.Metadata.GetMetadata<ImportMapDefinition>() is { } map ? HashOf(map) : null,
                    endpoint?.Metadata.GetMetadata<InlineStylesAttribute>() is not null);
                return policies.GetOrAdd(key, static (k, hsts) => Build(hsts, k.NoReferrer, k.ImportMapHash, k.InlineStyles), hsts);
            });
        });
        return services;
    }

    /// <summary>Goes first in the pipeline, so every later middleware's response (errors, 429, cache hits) carries the headers.</summary>
    public static IApplicationBuilder UsePortalSecurityHeaders(this IApplicationBuilder app) => app.UseSecurityHeaders();

    /// <summary>The CSP source for the import map Blazor writes inline: the SHA-256 of exactly what <see cref="ImportMap"/> renders (its ToString is the JSON it writes).</summary>
    public static string HashOf(ImportMapDefinition map) =>
        ImportMapHashes.GetValue(map, static m => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.ToString()))));

    /// <summary>
    /// The page asked for carries a secret in its address, even when an error or status page answers
    /// in its place (the address bar still shows the secret).
    /// </summary>
    private static bool CarriesToken(HttpContext context) =>
        Marked(context.GetEndpoint())
        || Marked(context.Features.Get<IStatusCodeReExecuteFeature>()?.Endpoint)
        || Marked(context.Features.Get<IExceptionHandlerFeature>()?.Endpoint);

    private static bool Marked(Endpoint? endpoint) => endpoint?.Metadata.GetMetadata<TokenInAddressAttribute>() is not null;

    private static HeaderPolicyCollection Build(bool hsts, bool noReferrer, string? importMapHash, bool inlineStyles)
    {
        var policies = new HeaderPolicyCollection()
            .AddFrameOptionsDeny()
            .AddContentTypeOptionsNoSniff()
            .AddCrossOriginOpenerPolicy(coop => coop.SameOrigin())
            .AddPermissionsPolicyWithDefaultSecureDirectives()
            .RemoveServerHeader()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                var scripts = csp.AddScriptSrc().Self();
                if (importMapHash is not null)
                {
                    scripts.WithHash256(importMapHash);
                }

                // The circuit's WebSocket is same-origin; 'self' covers ws:/wss: of this host (CSP3).
                csp.AddConnectSrc().Self();

                // MudBlazor writes style attributes (positions, sizes, colours), in the prerendered
                // markup and from the circuit, so inline style *attributes* must be allowed. Style
                // *elements* stay limited to our own stylesheets where the browser knows
                // style-src-elem; older browsers fall back to style-src and need 'unsafe-inline' there.
                csp.AddStyleSrc().Self().UnsafeInline();
                // The API reference's script (Scalar, served from /api/reference) writes its styles as elements.
                var styleElements = csp.AddStyleSrcElem().Self();
                if (inlineStyles)
                {
                    styleElements.UnsafeInline();
                }

                csp.AddStyleSrcAttr().UnsafeInline();

                // Covers and attachments come from /files on this origin; data: is for small
                // images written into stylesheets (MudBlazor's icons).
                csp.AddImgSrc().Self().Data();
                csp.AddFontSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFormAction().Self();
                csp.AddFrameAncestors().None();
            });

        // Reset, confirmation and export links carry a secret in their address: send it nowhere.
        _ = noReferrer ? policies.AddReferrerPolicyNoReferrer() : policies.AddReferrerPolicyStrictOriginWhenCrossOrigin();

        if (hsts)
        {
            // Only over HTTPS (the library adds nothing to plain HTTP answers); not for a local run.
            policies.AddStrictTransportSecurity(OneYearInSeconds, includeSubdomains: false, preload: false, excludedHosts: ["localhost", "127.0.0.1", "[::1]"]);
        }

        return policies;
    }
}
