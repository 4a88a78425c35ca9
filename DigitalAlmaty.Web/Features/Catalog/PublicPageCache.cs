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

    /// <summary>Call after the pages are registered: it wraps the antiforgery service they added.</summary>
    public static IServiceCollection AddPublicPageCache(this IServiceCollection services)
    {
        services.AddOutputCache(options => options.AddPolicy(Policy, new AnonymousPublicPolicy()));
        var antiforgery = services.Last(d => d.ServiceType == typeof(Microsoft.AspNetCore.Antiforgery.IAntiforgery));
        services.Remove(antiforgery);
        services.AddSingleton<Microsoft.AspNetCore.Antiforgery.IAntiforgery>(sp => new PublicPageAntiforgery(
            (Microsoft.AspNetCore.Antiforgery.IAntiforgery)ActivatorUtilities.CreateInstance(sp, antiforgery.ImplementationType!),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>>()));
        services.AddHostedService<Invalidation>();
        services.AddSingleton<StaticPageTwins>();
        return services;
    }

    /// <summary>
    /// Anonymous GET/HEAD of endpoints marked <see cref="PublicPageAttribute"/>, 200 responses
    /// without cookies only, varying by query and language.
    /// </summary>
    private sealed class AnonymousPublicPolicy : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var cacheable = PublicPageAntiforgery.IsAnonymousPublicRead(http) && http.Request.Headers.Authorization.Count == 0;
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
            if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
            {
                context.AllowCacheStorage = false;
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>How long support counts and comments on cached pages may lag: a burst of them empties the cache once.</summary>
    internal static readonly TimeSpan SupportCountLag = TimeSpan.FromSeconds(5);

    private sealed class Invalidation(PortalEventFeed feed, IOutputCacheStore store, ILogger<Invalidation> logger) : IHostedService
    {
        private IDisposable? _changes;
        private IDisposable? _answers;
        private IDisposable? _supports;
        private IDisposable? _comments;
        private int _supportEvictionPending;
        private IDisposable? _resyncs;
        private IDisposable? _agreements;
        private IDisposable? _annulments;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            _changes = feed.Subscribe<SubmissionChanged>(change =>
                change.Status is SubmissionStatus.Published or SubmissionStatus.Hidden ? EvictAsync() : Task.CompletedTask);
            // /agreement and its versions are cached pages too, on every node.
            _agreements = feed.Subscribe<AgreementPublished>(_ => EvictAsync());
            // After a relay outage this node may have missed publications: start afresh.
            _resyncs = feed.Subscribe<FeedResynchronized>(_ => EvictAsync());
            // An annulled author's name disappears from the cards of their published items.
            _annulments = feed.Subscribe<AccountAnnulled>(_ => EvictAsync());
            // The city's answer shows at once; support counts may lag a few seconds (the supporter sees theirs, uncached).
            _answers = feed.Subscribe<Participation.CityAnswerChanged>(_ => EvictAsync());
            _supports = feed.Subscribe<Participation.SupportsChanged>(_ => EvictSoonAsync());
            _comments = feed.Subscribe<Participation.CommentsChanged>(_ => EvictSoonAsync());
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            _changes?.Dispose();
            _resyncs?.Dispose();
            _agreements?.Dispose();
            _annulments?.Dispose();
            _answers?.Dispose();
            _supports?.Dispose();
            _comments?.Dispose();
            return Task.CompletedTask;
        }

        private Task EvictSoonAsync()
        {
            if (Interlocked.Exchange(ref _supportEvictionPending, 1) == 0)
            {
                _ = Task.Run(async () =>
                {
                    await Task.Delay(SupportCountLag);
                    Volatile.Write(ref _supportEvictionPending, 0);
                    await EvictAsync();
                });
            }

            return Task.CompletedTask;
        }

        private async Task EvictAsync()
        {
            await store.EvictByTagAsync(Tag, CancellationToken.None);
            logger.LogDebug("Public page cache emptied.");
        }
    }
}
