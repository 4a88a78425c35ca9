using System.Globalization;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Realtime;
using Microsoft.AspNetCore.OutputCaching;

namespace DigitalAlmaty.Web.Features.Catalog;

/// <summary>
/// Anonymous readers get public pages and feeds from an output cache (per language and query).
/// Signed-in users are never served from it. When an item is published, hidden or restored, the
/// cache is emptied at once on every node (the event feed reaches them all).
/// </summary>
public static class PublicPageCache
{
    public const string Policy = "public-pages";
    public const string Tag = "catalog";

    public static IServiceCollection AddPublicPageCache(this IServiceCollection services)
    {
        services.AddOutputCache(options => options.AddPolicy(Policy, new AnonymousPublicPolicy()));
        services.AddHostedService<Invalidation>();
        return services;
    }

    /// <summary>
    /// Like the default policy (anonymous GET/HEAD, 200 only), varying by query and language, with
    /// one difference: once interactive render modes are configured, Blazor adds an antiforgery
    /// cookie (and no-store) to every page. Public pages carry no forms, so for anonymous readers that
    /// cookie is dropped and the page becomes cacheable. Any other cookie still prevents caching.
    /// </summary>
    private sealed class AnonymousPublicPolicy : IOutputCachePolicy
    {
        private const string AntiforgeryCookie = ".AspNetCore.Antiforgery.";

        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var cacheable = (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
                && http.User.Identity?.IsAuthenticated != true
                && http.Request.Headers.Authorization.Count == 0;
            context.EnableOutputCaching = true;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(10);
            context.CacheVaryByRules.QueryKeys = "*";
            context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
            context.Tags.Add(Tag);
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            if (!context.AllowCacheStorage)
            {
                return ValueTask.CompletedTask;
            }

            if (response.StatusCode != StatusCodes.Status200OK)
            {
                context.AllowCacheStorage = false;
                return ValueTask.CompletedTask;
            }

            var cookies = response.Headers.SetCookie;
            var kept = cookies.Where(c => c is not null && !c.StartsWith(AntiforgeryCookie, StringComparison.Ordinal)).ToArray();
            if (kept.Length > 0)
            {
                context.AllowCacheStorage = false;
                return ValueTask.CompletedTask;
            }

            if (cookies.Count > 0)
            {
                response.Headers.Remove(Microsoft.Net.Http.Headers.HeaderNames.SetCookie);
                response.Headers.CacheControl = "no-cache";
                response.Headers.Remove(Microsoft.Net.Http.Headers.HeaderNames.Pragma);
            }

            return ValueTask.CompletedTask;
        }
    }

    private sealed class Invalidation(PortalEventFeed feed, IOutputCacheStore store, ILogger<Invalidation> logger) : IHostedService
    {
        private IDisposable? _changes;
        private IDisposable? _resyncs;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            _changes = feed.Subscribe<SubmissionChanged>(change =>
                change.Status is SubmissionStatus.Published or SubmissionStatus.Hidden ? EvictAsync() : Task.CompletedTask);
            // After a relay outage this node may have missed publications: start afresh.
            _resyncs = feed.Subscribe<FeedResynchronized>(_ => EvictAsync());
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            _changes?.Dispose();
            _resyncs?.Dispose();
            return Task.CompletedTask;
        }

        private async Task EvictAsync()
        {
            await store.EvictByTagAsync(Tag, CancellationToken.None);
            logger.LogDebug("Public page cache emptied.");
        }
    }
}
