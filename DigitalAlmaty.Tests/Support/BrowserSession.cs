using Microsoft.Playwright;

namespace DigitalAlmaty.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright (no browser download). The portal runs on a loopback
/// port in its own <see cref="PortalFactory"/>; each test opens its own context.
/// </summary>
public sealed class BrowserSession : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public PortalFactory Portal { get; } = new();

    public IBrowser Browser { get; private set; } = default!;

    public Uri BaseAddress { get; private set; } = default!;

    public static string ScreenshotDirectory
    {
        get
        {
            var directory = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(directory);
            return directory;
        }
    }

    public async Task InitializeAsync()
    {
        // Two cores run the server, the tests and Chromium at once; give the UI time to answer.
        Assertions.SetDefaultExpectTimeout(15_000);
        BaseAddress = Portal.StartKestrel();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(LaunchOptions());
    }

    /// <summary>Debian's Chromium, headless, kept off the closed network.</summary>
    public static BrowserTypeLaunchOptions LaunchOptions() => new()
    {
        ExecutablePath = Environment.GetEnvironmentVariable("DA_TEST_CHROMIUM") ?? "/usr/bin/chromium",
        Headless = true,
        Args =
        [
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run",
        ],
    };

    public Task<IBrowserContext> NewContextAsync(ViewportSize? viewport = null, string timezone = "Asia/Almaty") =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
            TimezoneId = timezone,
            Locale = "en-US",
        });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Portal.DisposeAsync();
    }
}
