using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Mail;
using DigitalAlmaty.Web.Features.Moderation;
using DigitalAlmaty.Web.Features.Submissions;
using DigitalAlmaty.Web.Realtime;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// The portal's own series on <c>/metrics</c>, scraped over real HTTP from this machine after real
/// actions: a submit through <see cref="SubmissionService"/>, a moderator's decision, a letter, a
/// refused request, a Redis outage. (Circuits by page kind: <c>CircuitMetricsInBrowserTests</c>.)
/// </summary>
public sealed class MetricsTests(MetricsTests.Fixture fixture) : IClassFixture<MetricsTests.Fixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public sealed class Fixture() : PortalFactory(new Dictionary<string, string?>
    {
        ["Realtime:Redis"] = TestServers.Redis,
        ["Realtime:RedisChannel"] = "da-test-metrics-" + Guid.NewGuid().ToString("N"),
        ["RateLimits:AccountPostsPerMinute"] = "1",
    }), IAsyncLifetime
    {
        public Uri Address { get; private set; } = default!;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, PeerAddressFilter>());
        }

        public async Task InitializeAsync()
        {
            Address = StartKestrel();
            await Services.GetRequiredService<RedisEventRelay>().Subscribed.WaitAsync(Patience);
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    private static ClaimsPrincipal Principal(string userId) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "Test"));

    [Fact]
    public async Task AfterASubmitAndADecision_TheScrapeHasEachOfThePortalsSeries()
    {
        using var scraper = new HttpClient { BaseAddress = fixture.Address };
        var (authorId, _) = await fixture.NewUserAsync("Автор метрик");
        var moderator = await fixture.StaffPrincipalAsync(PortalRoles.Moderator);
        var idea = await new SubmissionSeed(fixture).IdeaAsync(authorId, "Идея для метрик");

        using (var scope = fixture.Services.CreateScope())
        {
            var submitted = await scope.ServiceProvider.GetRequiredService<SubmissionService>().SubmitAsync(Principal(authorId), idea.Id);
            Assert.True(submitted.Succeeded, submitted.ErrorCode);
        }

        var afterSubmit = await PrometheusText.ScrapeUntilAsync(scraper, s =>
                s.Value("digitalalmaty_moderation_queue_arrival_seconds_count") == 1
                && s.Value("digitalalmaty_moderation_waiting") == 1
                && s.Value("digitalalmaty_realtime_relay_lag_seconds_count") >= 1,
            Patience, "the submit's arrival in the queue, one waiting item and the relay's echo");
        // Measured from the submit's own time: well under the test's patience, and never negative.
        var arrival = afterSubmit.Value("digitalalmaty_moderation_queue_arrival_seconds_sum")!.Value;
        Assert.InRange(arrival, 0, Patience.TotalSeconds);
        Assert.Equal(1, afterSubmit.Value("digitalalmaty_moderation_queue_arrival_seconds_bucket", ("le", "+Inf")));
        Assert.InRange(afterSubmit.Value("digitalalmaty_moderation_oldest_wait_seconds")!.Value, 0, 3600);
        Assert.Equal(1, afterSubmit.Value("digitalalmaty_realtime_relay_connected"));
        Assert.Equal(0, afterSubmit.Value("digitalalmaty_realtime_relay_outages_total"));

        int revision;
        await using (var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            revision = (await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == idea.Id)).Revision;
        }

        using (var scope = fixture.Services.CreateScope())
        {
            var decided = await scope.ServiceProvider.GetRequiredService<ModerationService>().DecideAsync(moderator, idea.Id, revision, ModerationDecision.Approve());
            Assert.True(decided.Succeeded, decided.ErrorCode);
        }

        var scrape = await PrometheusText.ScrapeUntilAsync(scraper, s =>
                s.Value("digitalalmaty_moderation_decisions_total", ("decision", "approve")) == 1
                && s.Value("digitalalmaty_mail_letters_total", ("outcome", "sent")) == 1
                && s.Value("digitalalmaty_moderation_waiting") == 0,
            Patience, "one approval, the author's letter and an empty queue");

        Assert.Equal(0, scrape.Value("digitalalmaty_moderation_decisions_total", ("decision", "reject")));
        Assert.Equal(0, scrape.Value("digitalalmaty_mail_letters_total", ("outcome", "failed")));
        Assert.Equal(0, scrape.Value("digitalalmaty_moderation_oldest_wait_seconds"));
        Assert.Equal(0, scrape.Value("digitalalmaty_circuits_open", ("page_kind", "moderation")));
        // Refusals are counted in ARefusedSignInPost_IsCounted_UnderItsPolicy (same portal, any order).
        Assert.NotNull(scrape.Value("digitalalmaty_ratelimit_refusals_total", ("policy", "claim-posts")));
        // .NET's own meters are exported beside the portal's.
        foreach (var series in new[] { "http_server_request_duration_seconds_count", "kestrel_active_connections", "dotnet_gc_collections_total" })
        {
            Assert.True(scrape.Has(series), $"{series} is missing from /metrics.");
        }
    }

    [Fact]
    public async Task ARefusedSignInPost_IsCounted_UnderItsPolicy()
    {
        using var scraper = new HttpClient { BaseAddress = fixture.Address };
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = fixture.Address };
        client.DefaultRequestHeaders.Add(PeerAddressFilter.Header, "203.0.113.50");
        var form = await HtmlPage.GetAsync(client, "/Identity/Account/Login");
        var fields = new Dictionary<string, string> { ["Input.Email"] = "guess@example.kz", ["Input.Password"] = "Guess-Pass-123" };

        Assert.Equal(HttpStatusCode.OK, (await form.SubmitAsync(client, fields)).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await form.SubmitAsync(client, fields)).Status);

        var scrape = await PrometheusText.ScrapeAsync(scraper);
        Assert.Equal(1, scrape.Value("digitalalmaty_ratelimit_refusals_total", ("policy", "account-posts")));
        Assert.Equal(0, scrape.Value("digitalalmaty_ratelimit_refusals_total", ("policy", "global")));
    }

    [Fact]
    public async Task ALetterTheMailServerRefuses_IsCountedAsFailed()
    {
        await using var portal = new PortalFactory(new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
        });
        using var scraper = new HttpClient { BaseAddress = portal.StartKestrel() };
        var letter = new MimeMessage { Subject = "Проверка" };
        letter.From.Add(MailboxAddress.Parse("no-reply@digital-almaty.kz"));
        letter.To.Add(MailboxAddress.Parse("reader@example.kz"));
        letter.Body = new TextPart("plain") { Text = "Текст" };

        var transport = portal.Services.GetRequiredService<IMailTransport>();
        await Assert.ThrowsAnyAsync<Exception>(() => transport.SendAsync(letter));

        var scrape = await PrometheusText.ScrapeAsync(scraper);
        Assert.Equal(1, scrape.Value("digitalalmaty_mail_letters_total", ("outcome", "failed")));
        Assert.Equal(0, scrape.Value("digitalalmaty_mail_letters_total", ("outcome", "sent")));
    }

    [Fact]
    public async Task ARedisOutage_IsCountedOnce_AndTheNodeShowsItselfCutOff_UntilRedisReturns()
    {
        var port = FreePort();
        var redis = await PrivateRedis.StartAsync(port);
        try
        {
            await using var portal = new PortalFactory(new Dictionary<string, string?>
            {
                ["Realtime:Redis"] = $"127.0.0.1:{port}",
                ["Realtime:RedisChannel"] = "da-test-outage-" + Guid.NewGuid().ToString("N"),
            });
            using var scraper = new HttpClient { BaseAddress = portal.StartKestrel() };
            await portal.Services.GetRequiredService<RedisEventRelay>().Subscribed.WaitAsync(Patience);
            var before = await PrometheusText.ScrapeAsync(scraper);
            Assert.Equal(1, before.Value("digitalalmaty_realtime_relay_connected"));
            Assert.Equal(0, before.Value("digitalalmaty_realtime_relay_outages_total"));

            await redis.DisposeAsync();
            await PrometheusText.ScrapeUntilAsync(scraper, s =>
                    s.Value("digitalalmaty_realtime_relay_connected") == 0 && s.Value("digitalalmaty_realtime_relay_outages_total") == 1,
                Patience, "the node cut off from Redis and one outage");

            redis = await PrivateRedis.StartAsync(port);
            var after = await PrometheusText.ScrapeUntilAsync(scraper, s => s.Value("digitalalmaty_realtime_relay_connected") == 1,
                TimeSpan.FromSeconds(60), "the node connected again");
            Assert.Equal(1, after.Value("digitalalmaty_realtime_relay_outages_total"));
        }
        finally
        {
            await redis.DisposeAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
