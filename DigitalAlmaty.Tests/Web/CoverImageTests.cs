using System.Net;
using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Tests.Domain;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Web;

public sealed class CoverImageTests(CoverImageTests.Fixture fixture) : IClassFixture<CoverImageTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    /// <summary>The smallest valid PNG: a 1×1 transparent pixel.</summary>
    public static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    public static readonly byte[] PdfBytes = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n"u8.ToArray();

    private FileStore Store => fixture.Services.GetRequiredService<FileStore>();

    [Theory]
    [InlineData("image/png")]
    [InlineData("image/jpeg")]
    [InlineData("image/webp")]
    public async Task Images_AreRecognisedByTheirContent(string expected)
    {
        byte[] head = expected switch
        {
            "image/png" => TinyPng,
            "image/jpeg" => [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F'],
            _ => [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WEBPVP8 "u8],
        };

        var result = await Store.SaveImageAsync("owner", new MemoryStream(head), "photo.bin", perUserQuota: true);

        Assert.Equal(UploadProblem.None, result.Problem);
        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.Equal(expected, (await db.StoredFiles.SingleAsync(f => f.Id == result.FileId)).ContentType);
        Assert.True(File.Exists(Store.PathOf(result.FileId!.Value)));
        Assert.DoesNotContain("wwwroot", Store.Root, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APdfRenamedPng_IsRefused()
    {
        var result = await Store.SaveImageAsync("owner", new MemoryStream(PdfBytes), "cover.png", perUserQuota: true);
        Assert.Equal(new UploadResult(null, UploadProblem.NotAnImage), result);
    }

    [Fact]
    public async Task MoreThanFiveMegabytes_IsRefused_WithoutReadingItAll()
    {
        var big = new byte[(5 * 1024 * 1024) + 1];
        TinyPng.CopyTo(big, 0);
        var result = await Store.SaveImageAsync("owner", new MemoryStream(big), "big.png", perUserQuota: true);
        Assert.Equal(UploadProblem.TooLarge, result.Problem);
    }

    [Fact]
    public async Task ACoverIsPrivate_UntilItsIdeaIsPublished()
    {
        var email = $"cover-{Guid.NewGuid():N}@example.kz";
        var author = await fixture.CreateUserAsync(email, "Cover-Pass-2026", "Автор обложки");
        var upload = await Store.SaveImageAsync(author.Id, new MemoryStream(TinyPng), "cover.png", perUserQuota: true);
        var idea = Idea.StartDraft(Guid.NewGuid(), author.Id, DateTimeOffset.UtcNow);
        idea.Edit(author.Id, SubmissionBuilder.ValidIdea with { CoverImageId = upload.FileId }, DateTimeOffset.UtcNow);
        idea.Submit(author.Id, DateTimeOffset.UtcNow);
        var databases = fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using (var db = await databases.CreateDbContextAsync())
        {
            db.Ideas.Add(idea);
            await db.SaveChangesAsync();
        }

        using var anonymous = fixture.CreatePortalClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/files/{upload.FileId}")).StatusCode);

        using var owner = fixture.CreatePortalClient();
        await (await HtmlPage.GetAsync(owner, "/Identity/Account/Login"))
            .SubmitAsync(owner, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "Cover-Pass-2026" });
        var own = await owner.GetAsync($"/files/{upload.FileId}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("image/png", own.Content.Headers.ContentType!.MediaType);
        Assert.Equal(TinyPng, await own.Content.ReadAsByteArrayAsync());

        await using (var db = await databases.CreateDbContextAsync())
        {
            var stored = await db.Ideas.SingleAsync(i => i.Id == idea.Id);
            stored.Approve("moderator", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var published = await anonymous.GetAsync($"/files/{upload.FileId}");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("nosniff", published.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
