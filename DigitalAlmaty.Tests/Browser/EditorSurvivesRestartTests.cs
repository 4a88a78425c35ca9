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

    [Fact]
    public async Task ServerKilled_MidTyping_RestartedOnTheSameData_EveryWordIsBack()
    {
        var port = FreePort();
        var root = Directory.CreateTempSubdirectory("da-kill-").FullName;
        var settings = new Dictionary<string, string>
        {
            ["Bootstrap__AdminEmail"] = PortalFactory.AdminEmail,
            ["Bootstrap__AdminPassword"] = PortalFactory.AdminPassword,
            ["SignUp__MinimumSeconds"] = "0",
            ["Demo__Seed"] = "false",
        };
        // Development: the only environment in which a build that is not published serves its static web
        // assets (blazor.web.js) from the build's manifest; the fault is the same in any environment.
        var urls = $"http://127.0.0.1:{port}";
        try
        {
            var first = PortalProcess.Start("Development", root, urls, settings);
            var address = await first.ListeningAsync(TimeSpan.FromSeconds(90));
            await using var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address.ToString(), Locale = "ru-RU" });
            var page = await context.NewPageAsync();
            await new LoginPage(page).SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
            var editor = new IdeaEditorPage(page);
            await editor.OpenNewAsync();
            await editor.Title.FillAsync("Ночные автобусы");
            await editor.Goal.FillAsync("Довезти людей домой после полуночи.");
            await editor.WaitUntilSavedAsync();

            // SIGKILL while a sentence is being typed: no graceful stop, nothing flushed.
            var typing = editor.Goal.PressSequentiallyAsync(" Маршруты по главным улицам.", new() { Delay = 20 });
            await first.KillAsync();
            await typing;
            await editor.Tasks.FillAsync("Четыре маршрута, интервал 30 минут.");
            await first.DisposeAsync();

            await using var second = PortalProcess.Start("Development", root, urls, settings);
            await second.ListeningAsync(TimeSpan.FromSeconds(90));
            await page.ReloadAsync();

            await Assertions.Expect(editor.Title).ToHaveValueAsync("Ночные автобусы");
            await Assertions.Expect(editor.Goal).ToHaveValueAsync("Довезти людей домой после полуночи. Маршруты по главным улицам.");
            await Assertions.Expect(editor.Tasks).ToHaveValueAsync("Четыре маршрута, интервал 30 минут.");
            // The words typed around the kill reach the restarted server by themselves.
            await editor.WaitUntilSavedAsync();
            await page.ReloadAsync();
            await Assertions.Expect(editor.SubmitButton).ToBeEnabledAsync();
            await Assertions.Expect(editor.Tasks).ToHaveValueAsync("Четыре маршрута, интервал 30 минут.");
            await Assertions.Expect(editor.Goal).ToHaveValueAsync("Довезти людей домой после полуночи. Маршруты по главным улицам.");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
