using DigitalAlmaty.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Support;

/// <summary>
/// The real portal on a real SQLite file in its own temporary folder, with mail written to a
/// pickup folder the test can read. <see cref="StartKestrel"/> serves it on a loopback port for a browser.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.digital-almaty.local";
    public const string AdminPassword = "Admin-Pass-2026";

    private readonly Dictionary<string, string?> _settings;

    /// <param name="settings">Configuration overrides.</param>
    /// <param name="root">An existing folder to reuse (its database, mail and uploads): a restarted server.</param>
    public PortalFactory(IDictionary<string, string?>? settings = null, string? root = null)
    {
        Root = root ?? Directory.CreateTempSubdirectory("da-test-").FullName;
        KeepRoot = root is not null;
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Portal"] = $"Data Source={Path.Combine(Root, "portal.db")}",
            ["Email:PickupDirectory"] = MailDirectory,
            ["Uploads:Directory"] = Path.Combine(Root, "uploads"),
            ["Email:Smtp:Host"] = string.Empty,
            ["Bootstrap:AdminEmail"] = AdminEmail,
            ["Bootstrap:AdminPassword"] = AdminPassword,
            ["Demo:Seed"] = "false",
            ["DetailedErrors"] = "true",
            // Test clients share one address; RateLimitTests sets real limits.
            ["RateLimits:RequestsPerMinute"] = "100000",
            ["RateLimits:AccountPostsPerMinute"] = "100000",
            ["RateLimits:ClaimPostsPerMinute"] = "100000",
            // Claim reminders run when a test asks (ClaimReminderTests); no timer in the background.
            ["Claims:ReminderCheckMinutes"] = "0",
            ["RateLimits:ReportPostsPerMinute"] = "100000",
            ["RateLimits:ParticipationPostsPerMinute"] = "100000",
            // Digests are sent when a test asks (DigestTests); no timer in the background.
            ["Digests:CheckMinutes"] = "0",
            ["RateLimits:ApiRequestsPerMinute"] = "100000",
            // Tests fill forms faster than people; SignUpGuardTests sets a real minimum.
            ["SignUp:MinimumSeconds"] = "0",
            // The daily inactivity check is run by hand in tests; AnnulmentWatcherTests turns it on.
            ["Accounts:AnnulmentCheckHours"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string Root { get; }

    /// <summary>When set, disposing leaves the folder for the next server (see the constructor).</summary>
    public bool KeepRoot { get; set; }

    public string MailDirectory => Path.Combine(Root, "mail");

    public Mailbox Mailbox => new(MailDirectory);

    /// <summary>Set once <see cref="StartKestrel"/> has run.</summary>
    public Uri? ServerAddress { get; private set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Open circuits (browser tests) would otherwise hold a stopping server for 30 seconds.
        builder.UseShutdownTimeout(TimeSpan.FromSeconds(1));
        // Package assets (MudBlazor's stylesheet) are served from the build manifest, as after publish.
        builder.UseStaticWebAssets();
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Serves the portal over real HTTP on 127.0.0.1 so that Chromium can reach it.</summary>
    public Uri StartKestrel(int port = 0)
    {
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, port));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        ServerAddress = new Uri(addresses.Addresses.First());
        return ServerAddress;
    }

    public HttpClient CreatePortalClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>The password of accounts made by <see cref="NewUserAsync"/>.</summary>
    public const string UserPassword = "Portal-Test-Pass-2026";

    /// <summary>A confirmed account with a unique address and <see cref="UserPassword"/>.</summary>
    public async Task<(string Id, string Email)> NewUserAsync(string displayName, params string[] roles)
    {
        var email = $"user-{Guid.NewGuid():N}@example.kz";
        var user = await CreateUserAsync(email, UserPassword, displayName, roles);
        return (user.Id, email);
    }

    /// <summary>A client signed in through the real sign-in page.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email, string password = UserPassword)
    {
        var client = CreatePortalClient();
        var login = await HtmlPage.GetAsync(client, "/Identity/Account/Login");
        var landed = await login.SubmitAsync(client, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        if (landed.Response.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/Identity/Account/Login", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Sign-in of {email} failed.");
        }

        return client;
    }

    /// <summary>Creates a confirmed account directly, for tests that are not about registration.</summary>
    /// <summary>
    /// A principal for calling services directly, backed by a real account holding <paramref name="roles"/>
    /// (the services re-read the acting user's roles from the database).
    /// </summary>
    public async Task<System.Security.Claims.ClaimsPrincipal> StaffPrincipalAsync(params string[] roles)
    {
        var user = await CreateUserAsync($"staff-{Guid.NewGuid():N}@example.kz", UserPassword, "Сотрудник", roles);
        return new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.NameIdentifier, user.Id), .. roles.Select(r => new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, r))],
            "Test"));
    }

    public async Task<PortalUser> CreateUserAsync(string email, string password, string displayName, params string[] roles)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        if (roles.Length > 0)
        {
            await users.AddToRolesAsync(user, roles);
        }

        return user;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (KeepRoot)
        {
            return;
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the OS's temp cleanup.
        }
    }
}
