using System.Globalization;
using System.Security.Claims;
using Bunit;
using DigitalAlmaty.Tests.Web;
using DigitalAlmaty.Web.Components.Shared;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Files;
using DigitalAlmaty.Web.Features.Submissions;
using DigitalAlmaty.Web.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace DigitalAlmaty.Tests.Support;

/// <summary>
/// bUnit with what the editors need: MudBlazor, localization in Russian, a signed-in author, and the
/// real SubmissionService and FileStore on a migrated SQLite file in a temporary folder.
/// </summary>
public abstract class EditorTestContext : BunitContext, IAsyncLifetime
{
    private readonly string _directory = TestDatabases.NewTempDirectory();
    private readonly ServiceProvider _database;
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    /// <param name="uploads">Upload limits for the editor's FileStore; its directory is the test's own.</param>
    protected EditorTestContext(FileStoreOptions? uploads = null)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("ru-RU");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru-RU");
        _database = TestDatabases.BuildServices(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Portal"] = $"Data Source={Path.Combine(_directory, "portal.db")}",
        });

        JSInterop.Mode = JSRuntimeMode.Loose;
        // The browser copy has nothing to restore.
        JSInterop.SetupModule("./Components/Shared/DraftKeeper.razor.js").Setup<string[]>("attach", _ => true).SetResult([]);
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddLogging();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<MarkdownRenderer>();
        Services.AddSingleton<PortalEventFeed>();
        Services.AddSingleton(DatabaseFactory);
        Services.AddScoped<DigitalAlmaty.Web.Features.Blocking.WriteGate>();
        Services.AddScoped<SubmissionService>();
        Services.AddScoped<DigitalAlmaty.Web.Features.Catalog.SimilarIdeas>();
        Services.AddScoped<SubmissionMessages>();
        Services.AddScoped<DigitalAlmaty.Web.Features.Blocking.GovernanceMessages>();
        Services.AddSingleton(new FileStore(
            DatabaseFactory,
            Options.Create(WithDirectory(uploads ?? new FileStoreOptions(), Path.Combine(_directory, "uploads"))),
            _database.GetRequiredService<IHostEnvironment>(),
            TimeProvider.System));
        AddAuthorization()
            .SetAuthorized("Айгүл Автор")
            .SetClaims(new Claim(ClaimTypes.NameIdentifier, UserId));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    protected string UserId { get; } = Guid.NewGuid().ToString();

    private static FileStoreOptions WithDirectory(FileStoreOptions options, string directory)
    {
        options.Directory = directory;
        return options;
    }

    protected IDbContextFactory<PortalDbContext> DatabaseFactory => _database.GetRequiredService<IDbContextFactory<PortalDbContext>>();

    public async Task InitializeAsync()
    {
        await using var db = await DatabaseFactory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        db.Users.Add(new PortalUser
        {
            Id = UserId,
            UserName = $"author-{UserId}@example.kz",
            NormalizedUserName = $"AUTHOR-{UserId}@EXAMPLE.KZ".ToUpperInvariant(),
            Email = $"author-{UserId}@example.kz",
            DisplayName = "Айгүл Автор",
            CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
        TestDatabases.DeleteSqliteDirectory(_directory);
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
