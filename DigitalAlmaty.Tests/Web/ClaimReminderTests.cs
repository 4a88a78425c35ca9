using System.Security.Claims;
using DigitalAlmaty.Domain.Claims;
using DigitalAlmaty.Domain.Time;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Claims;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Web;

/// <summary>Reminders to administrators 5 days and 1 day before a claim's due date, each once, on a clock the test moves.</summary>
public sealed class ClaimReminderTests(ClaimReminderTests.Fixture fixture) : IClassFixture<ClaimReminderTests.Fixture>
{
    public sealed class Fixture : PortalFactory
    {
        /// <summary>Filing at 23:30 on 19 December 2026 in Almaty: the due date is 3 January 2027.</summary>
        public PublicationTests.TestClock Clock { get; } = new(AlmatyTime.FromLocal(new DateTime(2026, 12, 19, 23, 30, 0)));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    private async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> use)
        where TService : notnull
    {
        using var scope = fixture.Services.CreateScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private void At(int year, int month, int day, int hour) => fixture.Clock.Now = AlmatyTime.FromLocal(new DateTime(year, month, day, hour, 0, 0));

    private int RemindersAbout(string number) =>
        fixture.Mailbox.To(PortalFactory.AdminEmail).Count(m => (m.Subject ?? string.Empty).Contains(number, StringComparison.Ordinal));

    [Fact]
    public async Task EachReminder_IsSentOnce_FiveDaysAndOneDayBeforeTheDueDate_AndNotForAnsweredClaims()
    {
        fixture.Clock.Now = AlmatyTime.FromLocal(new DateTime(2026, 12, 19, 23, 30, 0));
        var form = new ClaimForm("Данияр", "daniyar@example.kz", ClaimTopic.Content, "Материал", "Прошу убрать материал.", new DateOnly(2026, 12, 18));
        var filed = await WithAsync<ClaimService, ClaimResult>(s => s.FileAsync(Anonymous, form, null, "ru-RU"));
        var answeredLater = await WithAsync<ClaimService, ClaimResult>(s => s.FileAsync(Anonymous, form with { Subject = "Другой" }, null, "ru-RU"));
        var claim = filed.Claim!;
        Assert.Equal(new DateOnly(2027, 1, 3), claim.DueOn);
        Assert.Equal("2026", claim.Number[..4]);

        // 28 December: six days left, nothing yet.
        At(2026, 12, 28, 12);
        Assert.Equal(0, await WithAsync<ClaimReminderService, int>(s => s.RunOnceAsync()));

        // 29 December: five days left; the reminder goes to the administrator once, however often the check runs.
        At(2026, 12, 29, 0);
        Assert.Equal(2, await WithAsync<ClaimReminderService, int>(s => s.RunOnceAsync()));
        At(2026, 12, 29, 18);
        Assert.Equal(0, await WithAsync<ClaimReminderService, int>(s => s.RunOnceAsync()));
        Assert.Equal(1, RemindersAbout(claim.Number));
        var five = fixture.Mailbox.To(PortalFactory.AdminEmail).Single(m => (m.Subject ?? string.Empty).Contains(claim.Number, StringComparison.Ordinal));
        Assert.Contains("5 дней", five.Subject, StringComparison.Ordinal);
        Assert.Contains("3 января 2027", five.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/admin/claims/{claim.Id}", five.TextBody, StringComparison.Ordinal);

        // The second claim is answered before its last day: no one-day reminder for it.
        var adminId = await WithAsync<IDbContextFactory<PortalDbContext>, string>(async f =>
        {
            await using var db = await f.CreateDbContextAsync();
            return await db.Users.Where(u => u.Email == PortalFactory.AdminEmail).Select(u => u.Id).SingleAsync();
        });
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, adminId), new Claim(ClaimTypes.Role, "Admin")], "Test"));
        var revision = await WithAsync<ClaimService, int>(async s => (await s.GetAsync(admin, answeredLater.Claim!.Id))!.Claim.Revision);
        Assert.True((await WithAsync<ClaimService, ClaimResult>(s => s.AnswerAsync(admin, answeredLater.Claim!.Id, revision, "Материал убран."))).Succeeded);

        // 2 January, one day left: the last reminder, once.
        At(2027, 1, 2, 9);
        Assert.Equal(1, await WithAsync<ClaimReminderService, int>(s => s.RunOnceAsync()));
        At(2027, 1, 3, 9);
        Assert.Equal(0, await WithAsync<ClaimReminderService, int>(s => s.RunOnceAsync()));
        Assert.Equal(2, RemindersAbout(claim.Number));
        Assert.Equal(1, RemindersAbout(answeredLater.Claim!.Number));

        var stored = await WithAsync<IDbContextFactory<PortalDbContext>, WrittenClaim>(async f =>
        {
            await using var db = await f.CreateDbContextAsync();
            return await db.Claims.AsNoTracking().SingleAsync(c => c.Id == claim.Id);
        });
        Assert.Equal(AlmatyTime.FromLocal(new DateTime(2026, 12, 29, 0, 0, 0)), stored.FiveDayReminderSentAt);
        Assert.Equal(AlmatyTime.FromLocal(new DateTime(2027, 1, 2, 9, 0, 0)), stored.OneDayReminderSentAt);

        // 4 January: overdue, and it says so in the register.
        At(2027, 1, 4, 9);
        var row = Assert.Single(await WithAsync<ClaimService, IReadOnlyList<ClaimRow>>(s => s.ListAsync(admin, ClaimStatus.New)), r => r.Id == claim.Id);
        Assert.True(row.IsOverdue);
        Assert.Equal(-1, row.DaysLeft);
    }

    [Fact]
    public async Task Numbers_RunOnInTheYear_AndStartAgainInTheNext_InAlmatyTime()
    {
        var form = new ClaimForm("Сауле", "saule@example.kz", ClaimTopic.Other, "Вопрос", "Текст обращения.", new DateOnly(2026, 12, 1));
        At(2026, 12, 31, 23);
        var december = await WithAsync<ClaimService, ClaimResult>(s => s.FileAsync(Anonymous, form, null, "ru-RU"));
        // 19:30 UTC on 31 December is already 2027 in Almaty.
        fixture.Clock.Now = new DateTimeOffset(2026, 12, 31, 19, 30, 0, TimeSpan.Zero);
        var first = await WithAsync<ClaimService, ClaimResult>(s => s.FileAsync(Anonymous, form, null, "ru-RU"));
        var second = await WithAsync<ClaimService, ClaimResult>(s => s.FileAsync(Anonymous, form, null, "ru-RU"));

        Assert.StartsWith("2026-", december.Claim!.Number, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2027, 1, 15), december.Claim.DueOn);
        Assert.Equal("2027-000001", first.Claim!.Number);
        Assert.Equal("2027-000002", second.Claim!.Number);
        Assert.Equal(new DateOnly(2027, 1, 16), first.Claim.DueOn);
    }
}
