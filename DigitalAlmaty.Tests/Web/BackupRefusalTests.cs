using System.Security.Claims;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Backup;
using DigitalAlmaty.Web.Features.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// A restore checks everything before it writes anything: a missing, unreadable or foreign manifest,
/// a damaged file and a backup from a newer schema are refused and the target stays empty; a
/// portal's own data is not replaced without --force, and not even with it while the portal runs.
/// </summary>
public sealed class BackupRefusalTests(BackupRefusalTests.Fixture fixture) : IClassFixture<BackupRefusalTests.Fixture>, IDisposable
{
    /// <summary>A portal with an idea and its cover, and a backup of it taken by the command.</summary>
    public sealed class Fixture : PortalFactory, IAsyncLifetime
    {
        public string Backup { get; } = Path.Combine(Path.GetTempPath(), $"da-backup-{Guid.NewGuid():N}");

        public string BackupOutput { get; private set; } = string.Empty;

        public IReadOnlyList<string> Migrations { get; private set; } = [];

        public async Task InitializeAsync()
        {
            var (authorId, _) = await NewUserAsync("Автор копии");
            using var scope = Services.CreateScope();
            var submissions = scope.ServiceProvider.GetRequiredService<SubmissionService>();
            var author = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, authorId)], "test"));
            var cover = await submissions.UploadCoverAsync(author, new MemoryStream([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]), "cover.png");
            await submissions.SaveIdeaAsync(author, Guid.NewGuid(), SubmissionSeed.IdeaContent("Идея в копии") with { CoverImageId = cover.FileId }, null);
            var output = new StringWriter();
            if (await BackupCommand.RunAsync(Services, ["backup", Backup], output) != 0)
            {
                throw new InvalidOperationException(output.ToString());
            }

            BackupOutput = output.ToString();
            await using var db = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            Migrations = db.Database.GetMigrations().ToList();
        }

        Task IAsyncLifetime.DisposeAsync()
        {
            Directory.Delete(Backup, recursive: true);
            return Task.CompletedTask;
        }
    }

    private readonly string _scratch = Directory.CreateTempSubdirectory("da-restore-").FullName;

    private string TargetDatabase => Path.Combine(_scratch, "target", "portal.db");

    private string TargetUploads => Path.Combine(_scratch, "target", "uploads");

    [Fact]
    public async Task Backup_HasAManifest_WithTheSchema_AndEveryUpload()
    {
        var manifest = await BackupManifest.ReadAsync(fixture.Backup);

        Assert.Equal(fixture.Migrations[^1], manifest.Migration);
        Assert.Equal(1, manifest.FileCount);
        Assert.Equal(2, manifest.Accounts);
        Assert.Equal(1, manifest.Submissions);
        Assert.True(File.Exists(Path.Combine(fixture.Backup, manifest.Files[0].Name)));
        Assert.Contains("1 uploads", fixture.BackupOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("intact", null)]
    [InlineData("no manifest", "is not a finished backup")]
    [InlineData("unreadable manifest", "cannot be read")]
    [InlineData("other format", "not a manifest this portal understands")]
    [InlineData("newer schema", "is unknown to this portal")]
    [InlineData("damaged upload", "the backup is damaged")]
    [InlineData("truncated database", "the backup is damaged")]
    [InlineData("missing upload", "missing from the backup")]
    public async Task Restore_IntoAFreshFolder_RefusesADamagedBackup_BeforeWritingAnything(string damage, string? refusal)
    {
        var copy = CopyBackup();
        var manifestPath = Path.Combine(copy, BackupManifest.FileName);
        var manifestText = await File.ReadAllTextAsync(manifestPath);
        var upload = Directory.EnumerateFiles(Path.Combine(copy, BackupManifest.UploadsFolder)).Single();
        switch (damage)
        {
            case "no manifest":
                File.Delete(manifestPath);
                break;
            case "unreadable manifest":
                await File.WriteAllTextAsync(manifestPath, manifestText[..(manifestText.Length / 2)]);
                break;
            case "other format":
                await File.WriteAllTextAsync(manifestPath, manifestText.Replace("\"format\": 1", "\"format\": 7", StringComparison.Ordinal));
                break;
            case "newer schema":
                await File.WriteAllTextAsync(manifestPath, manifestText.Replace(fixture.Migrations[^1], "29991231000000_FromTheFuture", StringComparison.Ordinal));
                break;
            case "damaged upload":
                var bytes = await File.ReadAllBytesAsync(upload);
                bytes[^1] ^= 0xFF;
                await File.WriteAllBytesAsync(upload, bytes);
                break;
            case "truncated database":
                await using (var database = new FileStream(Path.Combine(copy, BackupManifest.DatabaseName), FileMode.Open))
                {
                    database.SetLength(database.Length - 4096);
                }

                break;
            case "missing upload":
                File.Delete(upload);
                break;
        }

        var restore = SqliteRestore.RunAsync(copy, TargetDatabase, TargetUploads, force: false, fixture.Migrations, TextWriter.Null);

        if (refusal is null)
        {
            var manifest = await restore;
            Assert.Equal(manifest.FileCount, Directory.EnumerateFiles(TargetUploads).Count());
            Assert.True(File.Exists(TargetDatabase));
            return;
        }

        var refused = await Assert.ThrowsAsync<BackupRefusedException>(() => restore);
        Assert.Contains(refusal, refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(TargetDatabase));
        Assert.False(Directory.Exists(TargetUploads) && Directory.EnumerateFiles(TargetUploads).Any());
    }

    [Fact]
    public async Task Restore_OverARunningPortal_IsRefused_WithoutForce_AndEvenWithIt()
    {
        var output = new StringWriter();

        Assert.Equal(1, await BackupCommand.RunAsync(fixture.Services, ["restore", fixture.Backup], output));
        Assert.Contains("not empty", output.ToString(), StringComparison.Ordinal);
        // A running portal holds its database open even at a moment when its pool has no connection
        // (other code in the process may clear every pool, as the full test run does).
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.Equal(1, await BackupCommand.RunAsync(fixture.Services, ["restore", fixture.Backup, "--force"], output));
        Assert.Contains("in use", output.ToString(), StringComparison.Ordinal);
        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.True(await db.Ideas.AnyAsync(i => i.Title == "Идея в копии"));
    }

    [Fact]
    public async Task Restore_OverAStoppedPortal_NeedsForce_ThenReplacesItsDatabase()
    {
        var first = await SqliteRestore.RunAsync(CopyBackup(), TargetDatabase, TargetUploads, force: false, fixture.Migrations, TextWriter.Null);
        var again = () => SqliteRestore.RunAsync(fixture.Backup, TargetDatabase, TargetUploads, force: false, fixture.Migrations, TextWriter.Null);

        Assert.Contains("not empty", (await Assert.ThrowsAsync<BackupRefusedException>(again)).Message, StringComparison.Ordinal);
        File.WriteAllBytes(TargetDatabase + "-wal", [1, 2, 3]);
        var forced = await SqliteRestore.RunAsync(fixture.Backup, TargetDatabase, TargetUploads, force: true, fixture.Migrations, TextWriter.Null);
        Assert.Equal(first.Database.Sha256, forced.Database.Sha256);
        Assert.False(File.Exists(TargetDatabase + "-wal"));
    }

    [Fact]
    public async Task Backup_IntoAFolderThatIsNotEmpty_IsRefused()
    {
        var output = new StringWriter();

        Assert.Equal(1, await BackupCommand.RunAsync(fixture.Services, ["backup", fixture.Backup], output));
        Assert.Contains("is not empty", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, await BackupCommand.RunAsync(fixture.Services, ["restore"], output));
    }

    private string CopyBackup()
    {
        var copy = Path.Combine(_scratch, "backup");
        Directory.CreateDirectory(Path.Combine(copy, BackupManifest.UploadsFolder));
        foreach (var file in Directory.EnumerateFiles(fixture.Backup, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(copy, Path.GetRelativePath(fixture.Backup, file)));
        }

        return copy;
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);
}
