using System.Net;
using System.Security.Claims;
using DigitalAlmaty.Domain.Claims;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Claims;
using DigitalAlmaty.Web.Features.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// Hostile uploads (issue #13): claim attachments and cover images that are too large, lie about
/// their type, hide HTML behind a PNG header or carry a crafted name. Nothing is stored outside the
/// upload folder or under the given name, and nothing is ever served as a page.
/// </summary>
public sealed class UploadAbuseTests(UploadAbuseTests.Fixture fixture) : IClassFixture<UploadAbuseTests.Fixture>
{
    public sealed class Fixture() : PortalFactory(new Dictionary<string, string?> { ["Claims:MaxAttachmentBytes"] = "4096" });

    private static readonly byte[] PngHeader = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>A PNG signature followed by a page with a script: an image by its first bytes, HTML to a sniffing browser.</summary>
    private static readonly byte[] Polyglot = [.. PngHeader, .. "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"u8];

    public static TheoryData<string> HostileNames() => new()
    {
        "../../etc/passwd",
        "..\\..\\x.png",
        "/etc/cron.d/evil.png",
        "a\0b.png",
        "line\r\nX-Injected: yes.png",
        "photo\u202Egnp.exe",
        "\"quoted\"; filename=evil.html",
        new string('я', 400) + ".png",
        "..",
        " ",
    };

    private FileStore Store => fixture.Services.GetRequiredService<FileStore>();

    private string[] UploadedFiles() =>
        Directory.Exists(Store.Root) ? Directory.GetFiles(Store.Root, "*", SearchOption.AllDirectories) : [];

    private async Task<int> StoredFilesAsync()
    {
        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.StoredFiles.CountAsync();
    }

    private async Task<StoredFile> StoredFileAsync(Guid id)
    {
        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.StoredFiles.AsNoTracking().SingleAsync(f => f.Id == id);
    }

    /// <summary>Files a claim with an attachment through the claims service, as the form does, and returns the attachment's id.</summary>
    private async Task<Guid> AttachAsync(string fileName, byte[] bytes)
    {
        using var scope = fixture.Services.CreateScope();
        var form = new ClaimForm("Заявитель", $"upload-{Guid.NewGuid():N}@example.kz", ClaimTopic.Other, "Вложение", "Текст обращения.",
            DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2));
        var result = await scope.ServiceProvider.GetRequiredService<ClaimService>().FileAsync(
            new ClaimsPrincipal(new ClaimsIdentity()), form, new ClaimUpload(fileName, bytes.Length, () => new MemoryStream(bytes)), "ru-RU");
        Assert.True(result.Succeeded, string.Join(", ", result.FieldErrors.Select(e => e.Code)));
        return result.Claim!.AttachmentId!.Value;
    }

    private async Task<HttpClient> AdminAsync() => await fixture.SignedInClientAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

    private static void AssertNeverAPage(HttpResponseMessage download)
    {
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
    }

    [Theory]
    [InlineData("too-large.pdf", 5000, "%PDF-")]
    [InlineData("text.png", 0, "just text, declared as a PNG")]
    [InlineData("page.png", 0, "<html><script>alert(1)</script></html>")]
    public async Task ClaimForm_RefusesOversizedAndMistypedFiles_StoringNothing(string name, int size, string start)
    {
        using var client = fixture.CreatePortalClient();
        var bytes = new byte[Math.Max(size, System.Text.Encoding.UTF8.GetByteCount(start))];
        System.Text.Encoding.UTF8.GetBytes(start).CopyTo(bytes, 0);
        var filesBefore = UploadedFiles();
        var rowsBefore = await StoredFilesAsync();

        var refused = await ClaimTests.PostClaimAsync(client, await HtmlPage.GetAsync(client, "/claims/new"),
            ClaimTests.ValidFields($"mistyped-{Guid.NewGuid():N}@example.kz"), (name, bytes));

        Assert.Null(refused.Document.QuerySelector("[data-testid=claim-filed]"));
        Assert.False(string.IsNullOrWhiteSpace(refused.Document.QuerySelector("#claim-attachment-error")?.TextContent));
        Assert.Equal(filesBefore, UploadedFiles());
        Assert.Equal(rowsBefore, await StoredFilesAsync());
    }

    [Fact]
    public async Task APolyglotAttachment_IsServedAsAnImageDownload_NeverAsAPage()
    {
        var id = await AttachAsync("invoice.html", Polyglot);
        using var admin = await AdminAsync();

        var download = await admin.GetAsync($"/files/{id}");

        AssertNeverAPage(download);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(Polyglot, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task APolyglotCover_IsServedAsAnImage_NeverAsAPage()
    {
        var (ownerId, ownerEmail) = await fixture.NewUserAsync("Автор обложки");
        var saved = await Store.SaveImageAsync(ownerId, new MemoryStream(Polyglot), "cover.html", perUserQuota: false);
        Assert.Equal(UploadProblem.None, saved.Problem);
        using var owner = await fixture.SignedInClientAsync(ownerEmail);

        AssertNeverAPage(await owner.GetAsync($"/files/{saved.FileId}"));
    }

    [Fact]
    public async Task ACoverThatIsNotAnImage_OrTooLarge_IsRefused_StoringNothing()
    {
        var filesBefore = UploadedFiles();
        var rowsBefore = await StoredFilesAsync();
        var tooLarge = new byte[Store.MaxImageBytes + 1];
        PngHeader.CopyTo(tooLarge, 0);

        var text = await Store.SaveImageAsync("someone", new MemoryStream("plain text, declared image/png"u8.ToArray()), "cover.png", perUserQuota: false);
        var large = await Store.SaveImageAsync("someone", new MemoryStream(tooLarge), "cover.png", perUserQuota: false);
        var pdf = await Store.SaveImageAsync("someone", new MemoryStream("%PDF-1.7\n"u8.ToArray()), "cover.png", perUserQuota: false);

        Assert.Equal(UploadProblem.NotAnImage, text.Problem);
        Assert.Equal(UploadProblem.TooLarge, large.Problem);
        Assert.Equal(UploadProblem.NotAnImage, pdf.Problem);
        Assert.Equal(filesBefore, UploadedFiles());
        Assert.Equal(rowsBefore, await StoredFilesAsync());
    }

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task AHostileFileName_IsStoredUnderAGeneratedName_AndOfferedSanitized(string name)
    {
        var before = UploadedFiles();

        var id = await AttachAsync(name, [.. PngHeader, 1, 2, 3]);

        var added = Assert.Single(UploadedFiles().Except(before));
        Assert.Equal(Path.Combine(Store.Root, id.ToString("N")), added);
        var kept = (await StoredFileAsync(id)).OriginalName;
        Assert.InRange(kept.Length, 1, UploadFileName.MaxLength);
        Assert.DoesNotContain(kept, c => c is '/' or '\\' || char.IsControl(c) || c == '\u202E');
        Assert.NotEqual("..", kept);

        using var admin = await AdminAsync();
        var download = await admin.GetAsync($"/files/{id}");
        AssertNeverAPage(download);
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.DoesNotContain(download.Headers, h => h.Key.StartsWith("X-Injected", StringComparison.OrdinalIgnoreCase));
        foreach (var offered in new[] { disposition.FileName, disposition.FileNameStar }.OfType<string>())
        {
            Assert.DoesNotContain(offered, c => c is '/' or '\\' || char.IsControl(c) || c == '\u202E');
        }
    }
}
