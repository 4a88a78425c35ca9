using System.Net;
using System.Security.Claims;
using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Domain.Time;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Inactivity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DigitalAlmaty.Tests.Web.ModerationServiceTests;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// Clause 4.1.4 on a clock the tests move: last activity, warnings 30 and 7 days ahead sent once,
/// annulment that erases the person and keeps their published ideas under a neutral name.
/// Every test moves the clock forward only, from the next 31 August after where it stands.
/// </summary>
public abstract partial class InactiveAccountTests(InactiveAccountTests.Fixture fixture)
{
    public sealed class TestClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public DateTimeOffset Now
        {
            get => _now;
            set => _now = value >= _now ? value : throw new InvalidOperationException("This clock only moves forward.");
        }

        public override DateTimeOffset GetUtcNow() => _now;
    }

    public class Fixture(IDictionary<string, string?>? settings = null) : PortalFactory(settings)
    {
        public TestClock Clock { get; } = new(DateTimeOffset.UtcNow);

        public SubmissionSeed Seed => new(this);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
            });
        }
    }

    /// <summary>The background job itself, on the real clock: it runs shortly after start and then every interval.</summary>
    public sealed class WatcherFixture() : PortalFactory(new Dictionary<string, string?> { ["Accounts:AnnulmentCheckHours"] = "0.0003" });

    private static DateTimeOffset Almaty(DateOnly day, int hour = 12) => AlmatyTime.FromLocal(day.ToDateTime(new TimeOnly(hour, 0)));

    /// <summary>31 August of a year after the clock's, where the next February has <paramref name="leap"/> 29 days.</summary>
    private DateOnly NextAugust31(bool leap)
    {
        var year = AlmatyTime.Today(fixture.Clock.Now).Year + 1;
        while (DateTime.IsLeapYear(year + 1) != leap)
        {
            year++;
        }

        return new DateOnly(year, 8, 31);
    }

    private void SetToday(DateOnly day, int hour = 9) => fixture.Clock.Now = Almaty(day, hour);

    private async Task<PortalUser> UserAsync(string name, DateTimeOffset lastActivity, params string[] roles)
    {
        var user = await fixture.NewUserAsync(name, roles);
        await WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastActivityAt, lastActivity)));
        return await WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
    }

    private async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> use)
    {
        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await use(db);
    }

    private async Task<AnnulmentRun> RunScheduledAsync()
    {
        using var scope = fixture.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AccountAnnulment>().RunScheduledAsync();
    }

    private async Task<AnnulmentRun?> RunAsync(ClaimsPrincipal who, bool preview)
    {
        using var scope = fixture.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AccountAnnulment>().RunAsync(who, preview);
    }

    private async Task<IReadOnlyList<InactiveAccount>> UpcomingAsync(ClaimsPrincipal who)
    {
        using var scope = fixture.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AccountAnnulment>().UpcomingAsync(who);
    }

    private int MailsTo(string? email) => email is null ? 0 : fixture.Mailbox.To(email).Count;

    [Fact]
    public async Task WarningsAreSentOnceEach_ThenTheAccountIsAnnulled_OnTheDayAfterSixMonths()
    {
        var lastDay = NextAugust31(leap: false); // six months end on 28 February; annulled from 1 March
        SetToday(lastDay, 20);
        var user = await UserAsync("Алия Неактивная", Almaty(lastDay, 19));
        var email = user.Email!;
        var idea = await fixture.Seed.IdeaAsync(user.Id, "Идея ушедшего участника", SubmissionSeed.Submit(user.Id), SubmissionSeed.Approve());
        using (await fixture.SignedInClientAsync(email))
        {
        }

        await WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastActivityAt, Almaty(lastDay, 19))));
        Assert.True(await WithDbAsync(db => db.SignIns.AnyAsync(x => x.UserId == user.Id)));
        var (other, comment) = await TakePartAsync(user.Id);
        var march1 = new DateOnly(lastDay.Year + 1, 3, 1);

        SetToday(march1.AddDays(-31));
        await RunScheduledAsync();
        Assert.Equal(0, MailsTo(email));

        SetToday(march1.AddDays(-30));
        var first = await RunScheduledAsync();
        Assert.Contains(first.FirstWarnings, a => a.UserId == user.Id);
        var warning = await fixture.Mailbox.WaitForAsync(email);
        Assert.Contains("1 марта", warning.Subject, StringComparison.Ordinal);
        Assert.Contains("бывший участник", warning.TextBody, StringComparison.Ordinal);
        await RunScheduledAsync();
        SetToday(march1.AddDays(-20));
        await RunScheduledAsync();
        Assert.Equal(1, MailsTo(email));

        SetToday(march1.AddDays(-7));
        await RunScheduledAsync();
        await RunScheduledAsync();
        Assert.Equal(2, MailsTo(email));

        SetToday(march1.AddDays(-1), 23);
        var lastDayOfFebruary = await RunScheduledAsync();
        Assert.DoesNotContain(lastDayOfFebruary.Annulled, a => a.UserId == user.Id);
        Assert.Null((await WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id))).AnnulledAt);

        SetToday(march1, 0);
        var annulment = await RunScheduledAsync();
        Assert.Contains(annulment.Annulled, a => a.UserId == user.Id);
        Assert.Equal(2, MailsTo(email));

        // The row keeps nothing that names or reaches the person, nor a way to sign in.
        var row = await WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        Assert.NotNull(row.AnnulledAt);
        Assert.Null(row.PasswordHash);
        Assert.Equal(string.Empty, row.DisplayName);
        Assert.False(row.TwoFactorEnabled);
        foreach (var property in typeof(PortalUser).GetProperties())
        {
            var value = property.GetValue(row)?.ToString() ?? string.Empty;
            Assert.DoesNotContain(email, value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Алия", value, StringComparison.Ordinal);
        }

        Assert.True(await WithDbAsync(db => db.AuditLog.AnyAsync(a => a.Action == "User.Annul" && a.SubjectId == user.Id && a.ActorId == AccountAnnulment.SystemActor)));
        Assert.False(await WithDbAsync(db => db.SignIns.AnyAsync(x => x.UserId == user.Id)));
        await AssertPartingKeepsCommentsAndCountsAsync(user.Id, other, comment);

        // The old address and password no longer sign in.
        using var client = fixture.CreatePortalClient();
        var login = await HtmlPage.GetAsync(client, "/Identity/Account/Login");
        var answer = await login.SubmitAsync(client, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = PortalFactory.UserPassword });
        Assert.Equal("/Identity/Account/Login", answer.Response.RequestMessage!.RequestUri!.AbsolutePath);

        // The published idea stays, under the neutral name, for anonymous readers too (the cache was emptied).
        using var reader = fixture.CreatePortalClient();
        // The clock was moved, so on a database shared with other tests the idea may sit a few pages
        // down; and the cache is emptied by an event delivered in the background, so allow it a moment.
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/ideas/{idea.Id}")).StatusCode);
        Assert.Equal(SubmissionStatus.Published, await WithDbAsync(db => db.Submissions.Where(s => s.Id == idea.Id).Select(s => s.Status).SingleAsync()));
        var ideas = await FindOnIdeasListAsync(reader, "Идея ушедшего участника");
        Assert.Contains("Идея ушедшего участника", ideas.Text, StringComparison.Ordinal);
        Assert.Contains("бывший участник", ideas.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Алия Неактивная", ideas.Text, StringComparison.Ordinal);
    }

    private static async Task<HtmlPage> FindOnIdeasListAsync(HttpClient reader, string title)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var page = await HtmlPage.GetAsync(reader, "/ideas");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            for (var pages = 1; pages < 200; pages++)
            {
                if (page.Text.Contains(title, StringComparison.Ordinal))
                {
                    return page;
                }

                var next = page.Document.QuerySelector("a[rel=next]")?.GetAttribute("href");
                if (next is null)
                {
                    break;
                }

                page = await HtmlPage.GetAsync(reader, next.StartsWith('/') ? next : "/" + next);
            }

            if (DateTime.UtcNow > deadline)
            {
                return page;
            }

            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task LeapYear_LastUsedOn31August_IsAnnulledOn1March_NotOn29February()
    {
        var lastDay = NextAugust31(leap: true);
        SetToday(lastDay, 20);
        var user = await UserAsync("Високосный Пользователь", Almaty(lastDay, 10));
        var march1 = new DateOnly(lastDay.Year + 1, 3, 1);

        SetToday(march1.AddDays(-30)); // 31 January
        Assert.Contains((await RunScheduledAsync()).FirstWarnings, a => a.UserId == user.Id);
        SetToday(march1.AddDays(-7)); // 23 February
        Assert.Contains((await RunScheduledAsync()).FinalWarnings, a => a.UserId == user.Id);
        SetToday(new DateOnly(march1.Year, 2, 29), 23);
        Assert.DoesNotContain((await RunScheduledAsync()).Annulled, a => a.UserId == user.Id);
        SetToday(march1, 0);
        Assert.Contains((await RunScheduledAsync()).Annulled, a => a.UserId == user.Id);
        Assert.Equal(2, MailsTo(user.Email));
    }

    [Fact]
    public async Task Administrators_AreNeverAnnulled_AndComingBackStartsTheCountAgain()
    {
        var lastDay = NextAugust31(leap: false);
        SetToday(lastDay, 20);
        var admin = await UserAsync("Давний Администратор", Almaty(lastDay, 10), PortalRoles.Admin);
        var user = await UserAsync("Вернувшийся Пользователь", Almaty(lastDay, 10));
        var march1 = new DateOnly(lastDay.Year + 1, 3, 1);

        SetToday(march1.AddDays(-30));
        var first = await RunScheduledAsync();
        Assert.Contains(first.FirstWarnings, a => a.UserId == user.Id);
        Assert.DoesNotContain(first.FirstWarnings, a => a.UserId == admin.Id);

        // The user signs in: activity is recorded and the warning no longer counts.
        SetToday(march1.AddDays(-25));
        using (await fixture.SignedInClientAsync(user.Email!))
        {
        }

        var afterSignIn = await WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        Assert.Equal(fixture.Clock.Now, afterSignIn.LastActivityAt);
        Assert.Null(afterSignIn.InactivityFirstWarnedAt);

        SetToday(march1.AddDays(40));
        var later = await RunScheduledAsync();
        Assert.DoesNotContain(later.Annulled.Concat(later.FinalWarnings).Concat(later.FirstWarnings), a => a.UserId == user.Id || a.UserId == admin.Id);
        Assert.Equal(1, MailsTo(user.Email));
        Assert.Equal(0, MailsTo(admin.Email));
        Assert.Null((await WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == admin.Id))).AnnulledAt);
    }

    [Fact]
    public async Task SignedInRequests_RecordActivity_AtMostEveryFewMinutes()
    {
        var lastDay = NextAugust31(leap: false);
        SetToday(lastDay, 10);
        var user = await fixture.NewUserAsync("Активный Читатель");
        using var client = await fixture.SignedInClientAsync(user.Email);
        var signedInAt = fixture.Clock.Now;

        fixture.Clock.Now = signedInAt.AddMinutes(2);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/my")).StatusCode);
        Assert.Equal(signedInAt, await WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LastActivityAt).SingleAsync()));

        fixture.Clock.Now = signedInAt.AddMinutes(6);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/my")).StatusCode);
        Assert.Equal(signedInAt.AddMinutes(6), await WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LastActivityAt).SingleAsync()));
    }

    [Fact]
    public async Task Preview_ChangesNothing_RunNowIsForAdministrators_AndIsAudited()
    {
        var lastDay = NextAugust31(leap: false);
        SetToday(lastDay, 20);
        var adminUser = await fixture.NewUserAsync("Администратор Проверки", PortalRoles.Admin);
        var admin = Principal(adminUser.Id, PortalRoles.Admin);
        var moderatorUser = await fixture.NewUserAsync("Модератор Проверки", PortalRoles.Moderator);
        var user = await UserAsync("Забытый Аккаунт", Almaty(lastDay.AddMonths(-12), 10));

        SetToday(lastDay.AddDays(1));
        Assert.Null(await RunAsync(Principal(moderatorUser.Id, PortalRoles.Moderator), preview: false));
        Assert.Empty(await UpcomingAsync(Principal(moderatorUser.Id, PortalRoles.Moderator)));

        // Long past due but never warned: the final warning comes first, annulment 7 days later.
        var upcoming = Assert.Single(await UpcomingAsync(admin), a => a.UserId == user.Id);
        Assert.Equal(InactivityStep.FinalWarning, upcoming.NextStep);
        Assert.Equal(lastDay.AddDays(8), upcoming.AnnulOn);

        var preview = await RunAsync(admin, preview: true);
        Assert.NotNull(preview);
        Assert.True(preview.Preview);
        Assert.Contains(preview.FinalWarnings, a => a.UserId == user.Id);
        Assert.Equal(0, MailsTo(user.Email));
        Assert.Null((await WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id))).InactivityFinalWarnedAt);

        var run = await RunAsync(admin, preview: false);
        Assert.Contains(run!.FinalWarnings, a => a.UserId == user.Id);
        await fixture.Mailbox.WaitForAsync(user.Email!);
        Assert.True(await WithDbAsync(db => db.AuditLog.AnyAsync(a => a.Action == "Accounts.AnnulmentRun" && a.ActorId == adminUser.Id)));

        SetToday(lastDay.AddDays(8));
        var annulPreview = await RunAsync(admin, preview: true);
        Assert.Contains(annulPreview!.Annulled, a => a.UserId == user.Id);
        Assert.Null((await WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id))).AnnulledAt);

        // The page lists it for an administrator.
        using var client = await fixture.SignedInClientAsync(adminUser.Email);
        var page = await HtmlPage.GetAsync(client, "/admin/inactive");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Забытый Аккаунт", page.Text, StringComparison.Ordinal);
        using var moderatorClient = await fixture.SignedInClientAsync(moderatorUser.Email);
        Assert.NotEqual(HttpStatusCode.OK, (await moderatorClient.GetAsync("/admin/inactive")).StatusCode);

        Assert.Contains((await RunAsync(admin, preview: false))!.Annulled, a => a.UserId == user.Id);
        Assert.True(await WithDbAsync(db => db.AuditLog.AnyAsync(a => a.Action == "User.Annul" && a.SubjectId == user.Id && a.ActorId == adminUser.Id)));
    }
}

public sealed class SqliteInactiveAccountTests(SqliteInactiveAccountTests.SqliteFixture fixture)
    : InactiveAccountTests(fixture), IClassFixture<SqliteInactiveAccountTests.SqliteFixture>
{
    public sealed class SqliteFixture : Fixture;
}

/// <summary>The same on PostgreSQL: the candidate query, the claimed warnings and the erasure as that provider translates them.</summary>
public sealed class PostgresInactiveAccountTests(PostgresInactiveAccountTests.PostgresFixture fixture)
    : InactiveAccountTests(fixture), IClassFixture<PostgresInactiveAccountTests.PostgresFixture>
{
    public sealed class PostgresFixture : Fixture, IAsyncLifetime
    {
        private readonly PostgresDatabase _database;

        public PostgresFixture()
            : this(new PostgresDatabase())
        {
        }

        private PostgresFixture(PostgresDatabase database)
            : base(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:Portal"] = database.ConnectionString,
            }) => _database = database;

        Task IAsyncLifetime.InitializeAsync() => _database.InitializeAsync();

        async Task IAsyncLifetime.DisposeAsync()
        {
            // Stop the portal (and its connections) before the database is dropped.
            await DisposeAsync();
            await _database.DisposeAsync();
        }
    }
}

/// <summary>The scheduled run (<c>Accounts:AnnulmentCheckHours</c>) warns without anyone pressing a button.</summary>
public sealed class AnnulmentWatcherTests(InactiveAccountTests.WatcherFixture fixture) : IClassFixture<InactiveAccountTests.WatcherFixture>
{
    [Fact]
    public async Task ScheduledRun_SendsTheWarningByItself()
    {
        var user = await fixture.NewUserAsync("Давно Не Заходивший");
        await using (var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastActivityAt, DateTimeOffset.UtcNow.AddYears(-1)));
        }

        var warning = await fixture.Mailbox.WaitForAsync(user.Email, timeout: TimeSpan.FromSeconds(20));
        Assert.Contains("бывший участник", warning.TextBody, StringComparison.Ordinal);
        await using var check = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.NotNull(await check.Users.Where(u => u.Id == user.Id).Select(u => u.InactivityFinalWarnedAt).SingleAsync());
    }
}
