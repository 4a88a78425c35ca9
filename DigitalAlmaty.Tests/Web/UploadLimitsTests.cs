using System.Security.Claims;
using DigitalAlmaty.Domain.Claims;
using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Domain.Publications;
using DigitalAlmaty.Tests.Domain;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Files;
using DigitalAlmaty.Web.Features.Submissions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Web;

/// <summary>A user's uploads stay within a quota, and uploads nothing refers to are removed after a while.</summary>
public sealed class UploadLimitsTests(UploadLimitsTests.Fixture fixture) : IClassFixture<UploadLimitsTests.Fixture>
{
    public sealed class Fixture() : PortalFactory(new Dictionary<string, string?>
    {
        // Three tiny covers fit, a fourth does not; three uploads an hour.
        ["Uploads:MaxBytesPerUser"] = ((CoverImageTests.TinyPng.Length * 3) + (CoverImageTests.TinyPng.Length / 2)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Uploads:MaxUploadsPerUserPerHour"] = "3",
        ["Uploads:OrphanHours"] = "24",
    })
    {
        public PublicationTests.TestClock Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    private static ClaimsPrincipal Principal(string userId) => new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "test"));

    private FileStore Store => fixture.Services.GetRequiredService<FileStore>();

    private async Task<CoverUpload> UploadCoverAsync(string userId)
    {
        using var scope = fixture.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SubmissionService>()
            .UploadCoverAsync(Principal(userId), new MemoryStream(CoverImageTests.TinyPng), "cover.png");
    }

    private async Task<int> RunCleanupAsync()
    {
        using var scope = fixture.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<OrphanUploadCleanup>().RunOnceAsync();
    }

    private async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> use)
    {
        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await use(db);
    }

    private Task<bool> RowExistsAsync(Guid id) => WithDbAsync(db => db.StoredFiles.AnyAsync(f => f.Id == id));

    [Fact]
    public async Task AUsersUploads_AreRefused_BeyondTheHourlyCount_AndBeyondTheirBytes_OthersUnaffected()
    {
        var start = DateTimeOffset.UtcNow;
        fixture.Clock.Now = start;
        var (author, _) = await fixture.NewUserAsync("Квота Автор");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(UploadProblem.None, (await UploadCoverAsync(author)).Problem);
        }

        var fourth = await UploadCoverAsync(author);
        Assert.Equal(UploadProblem.TooManyUploads, fourth.Problem);
        Assert.Null(fourth.FileId);

        // An hour later the count allows it, but the bytes do not.
        fixture.Clock.Now = start.AddMinutes(61);
        var later = await UploadCoverAsync(author);
        Assert.Equal(UploadProblem.QuotaExceeded, later.Problem);
        Assert.Null(later.FileId);
        Assert.Equal(3, await WithDbAsync(db => db.StoredFiles.CountAsync(f => f.OwnerId == author)));

        var (other, _) = await fixture.NewUserAsync("Другой Автор");
        Assert.Equal(UploadProblem.None, (await UploadCoverAsync(other)).Problem);

        // Staff uploads are not counted against anybody's quota.
        var staff = await Store.SaveImageAsync(author, new MemoryStream(CoverImageTests.TinyPng), "report.png", perUserQuota: false);
        Assert.Equal(UploadProblem.None, staff.Problem);
    }

    [Fact]
    public async Task Cleanup_RemovesOnlyOldUploadsThatNothingRefersTo_RowAndBytes()
    {
        var start = DateTimeOffset.UtcNow.AddDays(10);
        fixture.Clock.Now = start;
        var (author, _) = await fixture.NewUserAsync("Автор Уборки");
        var cover = (await Store.SaveImageAsync(author, new MemoryStream(CoverImageTests.TinyPng), "cover.png", perUserQuota: true)).FileId!.Value;
        var orphan = (await Store.SaveImageAsync(author, new MemoryStream(CoverImageTests.TinyPng), "dropped.png", perUserQuota: true)).FileId!.Value;
        var attachment = (await Store.SaveAttachmentAsync("editor", new MemoryStream(CoverImageTests.PdfBytes), "report.pdf", perUserQuota: false)).FileId!.Value;
        var claimFile = (await Store.SaveAttachmentAsync(DigitalAlmaty.Web.Features.Claims.ClaimService.AttachmentOwner, new MemoryStream(CoverImageTests.PdfBytes), "scan.pdf", perUserQuota: false)).FileId!.Value;
        var stray = Path.Combine(Store.Root, Guid.NewGuid().ToString("N"));
        await File.WriteAllBytesAsync(stray, CoverImageTests.TinyPng);
        File.SetLastWriteTimeUtc(stray, start.UtcDateTime);
        await WithDbAsync(async db =>
        {
            var idea = Idea.StartDraft(Guid.NewGuid(), author, start);
            idea.Edit(author, SubmissionBuilder.ValidIdea with { CoverImageId = cover }, start);
            db.Ideas.Add(idea);
            db.Publications.Add(new Publication(Guid.NewGuid(), PublicationKind.Report, "editor", start,
                [new PublicationContent("ru", "Отчёт", "Кратко", "Текст")], attachmentIds: [attachment]));
            var form = new ClaimForm("Данияр", "daniyar@example.kz", ClaimTopic.Content, "Материал", "Прошу убрать материал.", DateOnly.FromDateTime(start.UtcDateTime));
            db.Claims.Add(new WrittenClaim(Guid.NewGuid(), $"2099-{Random.Shared.Next(100000, 999999)}", form, start, "ru-RU", null, claimFile));
            return await db.SaveChangesAsync();
        });

        // A day is not over yet: everything stays.
        fixture.Clock.Now = start.AddHours(23);
        await RunCleanupAsync();
        Assert.True(await RowExistsAsync(orphan));
        Assert.True(File.Exists(Store.PathOf(orphan)));
        Assert.True(File.Exists(stray));

        fixture.Clock.Now = start.AddHours(25);
        Assert.True(await RunCleanupAsync() >= 2);

        Assert.False(await RowExistsAsync(orphan));
        Assert.False(File.Exists(Store.PathOf(orphan)));
        Assert.False(File.Exists(stray));
        foreach (var kept in new[] { cover, attachment, claimFile })
        {
            Assert.True(await RowExistsAsync(kept), $"{kept} was removed (cover {cover}, attachment {attachment}, claim {claimFile}).");
            Assert.True(File.Exists(Store.PathOf(kept)));
        }
    }
}
