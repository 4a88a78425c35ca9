using System.Net;
using System.Net.Sockets;
using DigitalAlmaty.Tests.Support;
using Microsoft.Playwright;

namespace DigitalAlmaty.Tests.Browser;

/// <summary>The server goes away while someone is typing; nothing they typed is lost.</summary>
public sealed class EditorSurvivesRestartTests : IAsyncLifetime
{
    private const string Password = "Alatau-Peak-2026";
    private IPlaywright _playwright = default!;
    private IBrowser _browser = default!;

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(BrowserSession.LaunchOptions());
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task ServerRestart_MidTyping_TextComesBack_AndTheUserIsTold()
    {
        var port = FreePort();
        var first = new PortalFactory { KeepRoot = true };
        var root = first.Root;
        var email = $"restart-{Guid.NewGuid():N}@example.kz";
        var address = first.StartKestrel(port);
        await first.CreateUserAsync(email, Password, "Ерлан Тұрсынов");

        await using var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address.ToString(), Locale = "ru-RU" });
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAsync(email, Password);
        var editor = new IdeaEditorPage(page);
        await editor.OpenNewAsync();
        await editor.Title.FillAsync("Умные светофоры");
        await editor.Goal.FillAsync("Сократить пробки на Аль-Фараби.");
        await editor.WaitUntilSavedAsync();

        // The server stops; the person keeps typing into the page that is still open.
        await first.DisposeAsync();
        await editor.Goal.PressSequentiallyAsync(" Ещё: приоритет автобусам.");
        await editor.Tasks.FillAsync("Датчики на 40 перекрёстках.");

        await using var second = new PortalFactory(root: root);
        second.StartKestrel(port);
        await page.ReloadAsync();

        await Assertions.Expect(page.Locator("[data-testid=restored]")).ToContainTextAsync("Цель");
        await Assertions.Expect(page.Locator("[data-testid=restored]")).ToContainTextAsync("Задачи");
        await Assertions.Expect(editor.Goal).ToHaveValueAsync("Сократить пробки на Аль-Фараби. Ещё: приоритет автобусам.");
        await Assertions.Expect(editor.Tasks).ToHaveValueAsync("Датчики на 40 перекрёстках.");
        await Assertions.Expect(editor.Title).ToHaveValueAsync("Умные светофоры");

        // The restored text reaches the new server by itself.
        await editor.WaitUntilSavedAsync();
        await page.ReloadAsync();
        await Assertions.Expect(editor.SubmitButton).ToBeEnabledAsync();
        await Assertions.Expect(page.Locator("[data-testid=restored]")).ToHaveCountAsync(0);
        await Assertions.Expect(editor.Tasks).ToHaveValueAsync("Датчики на 40 перекрёстках.");
        second.KeepRoot = false;
    }
}
