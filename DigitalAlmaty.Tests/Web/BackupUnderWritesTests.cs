using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// The operator's backup of a running SQLite portal (<c>dotnet DigitalAlmaty.Web.dll backup</c>)
/// taken while authors write, restored (<c>restore</c>) into a fresh folder and served by a fresh
/// portal: everything committed before the backup began is there, every file row has its file,
/// and a sign-in cookie from the first portal still works (the data-protection keys came along).
/// </summary>
public sealed class BackupUnderWritesTests(Xunit.Abstractions.ITestOutputHelper log) : IAsyncLifetime
{
    private readonly string _live = Directory.CreateTempSubdirectory("da-backup-live-").FullName;
    private readonly string _restored = Directory.CreateTempSubdirectory("da-backup-restored-").FullName;
    private readonly string _backup = Path.Combine(Path.GetTempPath(), $"da-backup-{Guid.NewGuid():N}");

    private static Dictionary<string, string> Settings() => new()
    {
        ["Bootstrap__AdminEmail"] = PortalFactory.AdminEmail,
        ["Bootstrap__AdminPassword"] = PortalFactory.AdminPassword,
        ["Demo__Seed"] = "false",
        ["RateLimits__RequestsPerMinute"] = "100000",
        ["Claims__ReminderCheckMinutes"] = "0",
        ["Accounts__AnnulmentCheckHours"] = "0",
    };

    [Fact]
    public async Task Backup_WhileAuthorsWrite_RestoresEveryCommittedItemFileAndAccount_IntoAFreshPortal()
    {
        // The bench host: the portal plus the bench author's endpoints the writers use.
        await using var live = PortalProcess.StartBenchHost("Testing", _live, "http://127.0.0.1:0", Settings());
        var testBegan = Stopwatch.GetTimestamp();
        var liveAddress = await live.ListeningAsync(TimeSpan.FromSeconds(90));
        log.WriteLine($"live portal listening: {Stopwatch.GetElapsedTime(testBegan)}");
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = liveAddress };
        (await client.PostAsync("/bench/moderation/setup?waiting=0", null)).EnsureSuccessStatusCode();
        // A moderator's session on the live portal; its cookie is sealed with the data-protection keys in the database.
        (await client.PostAsync("/bench/moderation/signin", null)).EnsureSuccessStatusCode();

        // A second node on the same database and uploads folder, where most authors write.
        await using var node = new PortalFactory(root: _live);
        _ = node.Services;
        log.WriteLine($"second node up: {Stopwatch.GetElapsedTime(testBegan)}");
        var writers = new BackupWriters(node, client);
        using var stop = new CancellationTokenSource();
        var writing = writers.RunAsync(authors: 3, stop.Token);
        var warmUp = Stopwatch.StartNew();
        while (writers.Writes.Count(w => w.Kind == BackupWriters.Kind.Upload) < 8 && writers.Errors.Count == 0 && warmUp.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        log.WriteLine($"writers warmed up: {warmUp.Elapsed}");
        var backupBegan = Stopwatch.GetTimestamp();
        await using (var backup = PortalProcess.Start("Testing", _live, "http://127.0.0.1:0", Settings(), ["backup", _backup]))
        {
            await backup.WaitForExitAsync(TimeSpan.FromSeconds(60));
            Assert.True(backup.ExitCode == 0, backup.Output);
            log.WriteLine(backup.Output);
        }

        var backupEnded = Stopwatch.GetTimestamp();
        log.WriteLine($"backup: {Stopwatch.GetElapsedTime(backupBegan, backupEnded)}; writes {writers.Writes.Count}");
        await Task.Delay(TimeSpan.FromSeconds(1));
        await stop.CancelAsync();
        await writing;
        Assert.Empty(writers.Errors);

        await using (var restore = PortalProcess.Start("Testing", _restored, "http://127.0.0.1:0", Settings(), ["restore", _backup]))
        {
            await restore.WaitForExitAsync(TimeSpan.FromSeconds(60));
            Assert.True(restore.ExitCode == 0, restore.Output);
        }

        log.WriteLine($"restored: {Stopwatch.GetElapsedTime(backupEnded)}");
        var before = writers.Writes.Where(w => w.CommittedAt < backupBegan).ToList();
        var during = writers.Writes.Count(w => w.CommittedAt >= backupBegan && w.CommittedAt <= backupEnded);
        var after = writers.Writes.Where(w => w.CommittedAt > backupEnded).ToList();
        Assert.True(during > 0 && after.Count > 0, $"writes during the backup: {during}, after it: {after.Count}");
        Assert.Contains(before, w => w.Kind == BackupWriters.Kind.Upload);

        await using var fresh = PortalProcess.Start("Testing", _restored, "http://127.0.0.1:0", Settings());
        var freshAddress = await fresh.ListeningAsync(TimeSpan.FromSeconds(90));
        log.WriteLine($"fresh portal listening: {Stopwatch.GetElapsedTime(backupEnded)}");
        await using var db = Database(Path.Combine(_restored, "portal.db"));
        await db.Database.OpenConnectionAsync();
        await using (var check = db.Database.GetDbConnection().CreateCommand())
        {
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", await check.ExecuteScalarAsync());
        }

        var emails = (await db.Users.Select(u => u.Email!).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        var ideas = await db.Ideas.AsNoTracking().ToDictionaryAsync(i => i.Id.ToString(), i => i.Status);
        var files = await db.StoredFiles.AsNoTracking().ToDictionaryAsync(f => f.Id.ToString(), f => f.Length);
        foreach (var write in before)
        {
            switch (write.Kind)
            {
                case BackupWriters.Kind.Account:
                    Assert.Contains(write.Key, emails);
                    break;
                case BackupWriters.Kind.Draft:
                    Assert.True(ideas.ContainsKey(write.Key), $"draft {write.Key} is missing");
                    break;
                case BackupWriters.Kind.Submitted:
                    Assert.Equal(SubmissionStatus.Submitted, ideas[write.Key]);
                    break;
                case BackupWriters.Kind.Upload:
                    Assert.True(files.ContainsKey(write.Key), $"upload {write.Key} is missing");
                    Assert.Equal(write.Sha256, Sha256(UploadPath(Guid.Parse(write.Key))));
                    break;
            }
        }

        // Every file row has its bytes; nothing written after the backup ended is in it.
        Assert.All(files, file => Assert.Equal(file.Value, new FileInfo(UploadPath(Guid.Parse(file.Key))).Length));
        Assert.DoesNotContain(after, w => w.Kind == BackupWriters.Kind.Account ? emails.Contains(w.Key) : w.Kind == BackupWriters.Kind.Draft && ideas.ContainsKey(w.Key));

        // The moderator's cookie from the live portal opens a submitted idea's cover on the restored one.
        var submittedCover = await db.Ideas.AsNoTracking()
            .Where(i => i.Status == SubmissionStatus.Submitted && i.CoverImageId != null)
            .Select(i => i.CoverImageId!.Value).FirstAsync();
        using var restoredClient = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = freshAddress };
        using var cover = await restoredClient.GetAsync($"/files/{submittedCover}");
        Assert.Equal(HttpStatusCode.OK, cover.StatusCode);
        Assert.Equal(Sha256(UploadPath(submittedCover)), Convert.ToHexStringLower(SHA256.HashData(await cover.Content.ReadAsByteArrayAsync())));
        using var anonymous = new HttpClient { BaseAddress = freshAddress };
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/files/{submittedCover}")).StatusCode);
    }

    private string UploadPath(Guid id) => Path.Combine(_restored, "uploads", id.ToString("N"));

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    private static SqlitePortalDbContext Database(string path) => new(new DbContextOptionsBuilder<SqlitePortalDbContext>()
        .UseSqlite($"Data Source={path};Pooling=False").Options);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var folder in new[] { _live, _restored, _backup })
        {
            try
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (IOException)
            {
            }
        }

        return Task.CompletedTask;
    }
}
