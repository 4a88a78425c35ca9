using DigitalAlmaty.Domain.Publications;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Publications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Web;

/// <summary>Publications, their texts and attachments on each provider, and the public queries translated by each.</summary>
public abstract class PublicationPersistenceTests : IAsyncLifetime
{
    private ServiceProvider? services;

    protected abstract IDictionary<string, string?> Settings();

    private IDbContextFactory<PortalDbContext> Factory => services!.GetRequiredService<IDbContextFactory<PortalDbContext>>();

    public async Task InitializeAsync()
    {
        services = TestDatabases.BuildServices(Settings());
        await using var db = await Factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (services is not null)
        {
            await services.DisposeAsync();
        }
    }

    [Fact]
    public async Task Publication_RoundTrips_IsEdited_AndIsFoundByThePublicQueries()
    {
        var now = new DateTimeOffset(2026, 6, 1, 4, 0, 0, TimeSpan.Zero);
        var files = new[] { Guid.NewGuid(), Guid.NewGuid() };
        await using (var db = await Factory.CreateDbContextAsync())
        {
            foreach (var file in files)
            {
                db.StoredFiles.Add(new StoredFile { Id = file, OwnerId = "editor", ContentType = "application/pdf", Length = 10, OriginalName = "a.pdf", CreatedAt = now });
            }

            var publication = new Publication(Guid.Parse("00000000-0000-0000-0000-000000000001"), PublicationKind.Report, "editor", now,
                [new("ru", "Отчёт", "Кратко", "Текст"), new("kk", "Есеп", "", "Мәтін")], null, files);
            publication.Schedule("editor", now.AddHours(1), now);
            db.Publications.Add(publication);
            await db.SaveChangesAsync();
        }

        await using (var db = await Factory.CreateDbContextAsync())
        {
            var stored = await db.Publications.SingleAsync();
            stored.Edit("editor-2", now.AddMinutes(1), [new("ru", "Отчёт 2", "", "Текст 2"), new("en", "Report", "", "Text")], null, [files[1], files[0]]);
            await db.SaveChangesAsync();
        }

        await using (var db = await Factory.CreateDbContextAsync())
        {
            var stored = await db.Publications.AsNoTracking().SingleAsync();
            Assert.Equal(PublicationStatus.Scheduled, stored.Status);
            Assert.Equal(now.AddHours(1), stored.PublishAt);
            Assert.Equal(["ru", "en"], stored.Texts.OrderBy(t => t.Language == "en").Select(t => t.Language));
            Assert.Equal("Отчёт 2", stored.TextIn("ru")!.Title);
            Assert.Equal([files[1], files[0]], stored.AttachmentIds);
            Assert.Equal(2, stored.Revision);

            Assert.False(await PublicationCatalog.Visible(db.Publications, now).AnyAsync());
            Assert.True(await PublicationCatalog.Visible(db.Publications, now.AddHours(1)).AnyAsync());
            Assert.False(await PublicationCatalog.IsPublicFileAsync(db, files[0], now));
            Assert.True(await PublicationCatalog.IsPublicFileAsync(db, files[0], now.AddHours(2)));
            Assert.False(await PublicationCatalog.IsPublicFileAsync(db, Guid.NewGuid(), now.AddHours(2)));
        }
    }
}

public sealed class SqlitePublicationPersistenceTests : PublicationPersistenceTests
{
    private readonly string directory = TestDatabases.NewTempDirectory();

    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Sqlite",
        ["ConnectionStrings:Portal"] = $"Data Source={Path.Combine(directory, "portal.db")}",
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        TestDatabases.DeleteSqliteDirectory(directory);
    }
}

public sealed class PostgresPublicationPersistenceTests(PostgresDatabase database)
    : PublicationPersistenceTests, IClassFixture<PostgresDatabase>
{
    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:Portal"] = database.ConnectionString,
    };
}
