using System.Globalization;
using DigitalAlmaty.Domain.Events;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Domain.Time;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DigitalAlmaty.Tests.Browser;

public sealed class EventEditorInBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Password = "Alatau-Peak-2026";

    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private async Task<(IBrowserContext Context, IPage Page, string Email)> SignedInAsync(ViewportSize? viewport = null, string timezone = "Asia/Almaty")
    {
        var email = $"organiser-{Guid.NewGuid():N}@example.kz";
        await session.Portal.CreateUserAsync(email, Password, "Ерлан Ұйымдастырушы");
        var context = await session.NewContextAsync(viewport, timezone);
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAsync(email, Password);
        await Assertions.Expect(new SiteHeader(page).DisplayName).ToHaveTextAsync("Ерлан Ұйымдастырушы");
        return (context, page, email);
    }

    private async Task<CityEvent> StoredEventAsync(string email, string title)
    {
        using var scope = session.Portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var authorId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await db.Events.AsNoTracking().SingleAsync(e => e.AuthorId == authorId && e.Title == title);
    }

    private static string WallClock(DateOnly day, int hour) =>
        day.ToDateTime(new TimeOnly(hour, 0)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new()
        {
            Path = Path.Combine(BrowserSession.ScreenshotDirectory, name + ".png"),
            FullPage = true,
            // In a full-page picture the sticky action bar would cover whatever is at the window's bottom edge.
            Style = ".editor-actions { position: static; }",
        });

    [Fact]
    public async Task InNewYork_TenOClockIsAlmatyTime_Stored_Reopened_AndPublished()
    {
        var (context, page, email) = await SignedInAsync(timezone: "America/New_York");
        await using var _ = context;
        var editor = new EventEditorPage(page);
        // Ten days ahead as Almaty counts days, not as the test machine or the browser does.
        var day = AlmatyTime.Today(DateTimeOffset.UtcNow).AddDays(10);
        const string title = "Almaty .NET Meetup";

        await editor.OpenNewAsync();
        await editor.Title.FillAsync(title);
        await editor.Description.FillAsync("Доклады о **Blazor** и открытых данных города.");
        await editor.Starts.FillAsync(WallClock(day, 10));
        await editor.Ends.FillAsync(WallClock(day, 12));
        await editor.Online.CheckAsync();
        await editor.OnlineLink.FillAsync("https://meet.example.kz/dotnet");
        await editor.Organiser.FillAsync("Almaty .NET Community");
        await editor.Russian.CheckAsync();
        await Assertions.Expect(page.Locator("#event-venue")).ToHaveCountAsync(0);
        await editor.WaitUntilSavedAsync();
        await editor.SubmitButton.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=submitted]")).ToContainTextAsync("Отправлено на модерацию");

        var stored = await StoredEventAsync(email, title);
        Assert.Equal(SubmissionStatus.Submitted, stored.Status);
        Assert.Equal(new DateTimeOffset(day.ToDateTime(new TimeOnly(5, 0)), TimeSpan.Zero), stored.StartsAt);
        Assert.Equal(new DateTimeOffset(day.ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero), stored.EndsAt);
        Assert.Equal(EventFormat.Online, stored.Format);
        Assert.Equal(EventLanguages.Russian, stored.Languages);

        // The author sees the unpublished event's page, in Almaty time.
        await page.GotoAsync($"/events/{stored.Id}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(title);
        var when = page.Locator("dd", new() { Has = page.Locator("time") }).First;
        await Assertions.Expect(when).ToContainTextAsync("10:00");
        await Assertions.Expect(when).ToContainTextAsync("12:00");

        // A second draft, saved and reopened from the server alone (the browser copy is dropped).
        const string second = "Kazakh NLP evening";
        await editor.OpenNewAsync();
        await editor.Title.FillAsync(second);
        await editor.Starts.FillAsync(WallClock(day, 10));
        await editor.Ends.FillAsync(WallClock(day, 12));
        await editor.Ends.PressAsync("Tab");
        await editor.WaitUntilSavedAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/events/[0-9a-f-]{36}/edit$"));
        // Only drop the browser copy once the server really holds both times.
        for (var i = 0; i < 50 && (await StoredEventAsync(email, second)).EndsAt is null; i++)
        {
            await Task.Delay(200);
        }

        await page.EvaluateAsync("() => localStorage.clear()");
        await page.ReloadAsync();
        await Assertions.Expect(editor.SubmitButton).ToBeEnabledAsync();
        await Assertions.Expect(editor.Title).ToHaveValueAsync(second);
        await Assertions.Expect(editor.Starts).ToHaveValueAsync(WallClock(day, 10));
        await Assertions.Expect(editor.Ends).ToHaveValueAsync(WallClock(day, 12));
        await Assertions.Expect(page.Locator("[data-testid=restored]")).ToHaveCountAsync(0);
        Assert.Equal(new DateTimeOffset(day.ToDateTime(new TimeOnly(5, 0)), TimeSpan.Zero), (await StoredEventAsync(email, second)).StartsAt);
    }

    [Fact]
    public async Task APastStart_IsExplained_AndTheTypedValuesStay()
    {
        var (context, page, _) = await SignedInAsync(Phone, "America/New_York");
        await using var _ = context;
        var editor = new EventEditorPage(page);
        var yesterday = AlmatyTime.Today(DateTimeOffset.UtcNow).AddDays(-1);

        await editor.OpenNewAsync();
        await editor.Title.FillAsync("Прошедший хакатон");
        await editor.Description.FillAsync("Хакатон по открытым данным Алматы.");
        await editor.Starts.FillAsync(WallClock(yesterday, 10));
        await editor.Ends.FillAsync(WallClock(yesterday, 12));
        await editor.SubmitButton.ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=submit-errors]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#event-starts-error")).ToHaveTextAsync("Событие должно начинаться в будущем.");
        await Assertions.Expect(editor.Starts).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(editor.Starts).ToBeFocusedAsync();
        await Assertions.Expect(editor.Starts).ToHaveValueAsync(WallClock(yesterday, 10));
        await Assertions.Expect(editor.Ends).ToHaveValueAsync(WallClock(yesterday, 12));
        await Assertions.Expect(editor.Title).ToHaveValueAsync("Прошедший хакатон");
        await ShotAsync(page, "event-past-start-ru-phone");
    }

    [Fact]
    public async Task EmptySubmit_FocusesTheTitle_AndLooksRight_OnPhoneAndDesktop_InRussianAndKazakh()
    {
        foreach (var (device, viewport) in new[] { ("phone", Phone), ("desktop", new ViewportSize { Width = 1280, Height = 900 }) })
        {
            var (context, page, _) = await SignedInAsync(viewport);
            await using var _ = context;
            var editor = new EventEditorPage(page);
            foreach (var culture in new[] { "ru-RU", "kk-KZ" })
            {
                await editor.OpenNewAsync(culture);
                await ShotAsync(page, $"event-editor-{culture[..2]}-{device}");
                await page.Locator("#event-format-hybrid").CheckAsync();
                await editor.SubmitButton.ClickAsync();
                await Assertions.Expect(page.Locator("[data-testid=submit-errors]")).ToBeVisibleAsync();
                await Assertions.Expect(page.Locator("#event-title")).ToBeFocusedAsync();
                await Assertions.Expect(page.Locator("#event-starts-error")).ToBeVisibleAsync();
                await Assertions.Expect(page.Locator("#event-venue")).ToBeVisibleAsync();
                await Assertions.Expect(page.Locator("#event-online-link")).ToBeVisibleAsync();
                await ShotAsync(page, $"event-editor-errors-{culture[..2]}-{device}");
            }
        }
    }
}
