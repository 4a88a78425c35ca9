using System.Net;
using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Domain.Claims;
using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Domain.Publications;
using DigitalAlmaty.Tests.Domain;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Claims;
using DigitalAlmaty.Web.Features.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Web;

/// <summary>Who may read which private file: every role against every kind of file.</summary>
public sealed class FileAccessTests(FileAccessTests.Fixture fixture) : IClassFixture<FileAccessTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    private FileStore Store => fixture.Services.GetRequiredService<FileStore>();

    private async Task<Guid> UploadAsync(string ownerId, byte[] content) =>
        (await Store.SaveAttachmentAsync(ownerId, new MemoryStream(content), "file.bin", perUserQuota: false)).FileId!.Value;

    private async Task<Guid> CoverOfIdeaAsync(string authorId, bool submitted)
    {
        var cover = await UploadAsync(authorId, CoverImageTests.TinyPng);
        var idea = Idea.StartDraft(Guid.NewGuid(), authorId, DateTimeOffset.UtcNow);
        idea.Edit(authorId, SubmissionBuilder.ValidIdea with { CoverImageId = cover }, DateTimeOffset.UtcNow);
        if (submitted)
        {
            idea.Submit(authorId, DateTimeOffset.UtcNow);
        }

        await SaveAsync(db => db.Ideas.Add(idea));
        return cover;
    }

    private async Task SaveAsync(Action<PortalDbContext> add)
    {
        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        add(db);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task PrivateFiles_AreReadOnlyByThoseWhoseWorkNeedsThem()
    {
        var (author, authorEmail) = await fixture.NewUserAsync("Автор Файлов");
        var (_, moderatorEmail) = await fixture.NewUserAsync("Модератор Файлов", PortalRoles.Moderator);
        var (_, editorEmail) = await fixture.NewUserAsync("Редактор Файлов", PortalRoles.Editor);
        var (otherEditor, _) = await fixture.NewUserAsync("Другой Редактор", PortalRoles.Editor);
        var (_, strangerEmail) = await fixture.NewUserAsync("Посторонний Читатель");

        var draftCover = await CoverOfIdeaAsync(author, submitted: false);
        var waitingCover = await CoverOfIdeaAsync(author, submitted: true);
        var orphan = await UploadAsync(author, CoverImageTests.TinyPng);
        var publicationFile = await UploadAsync(otherEditor, CoverImageTests.PdfBytes);
        await SaveAsync(db => db.Publications.Add(new Publication(Guid.NewGuid(), PublicationKind.Report, otherEditor, DateTimeOffset.UtcNow,
            [new PublicationContent("ru", "Черновик отчёта", "Кратко", "Текст")], attachmentIds: [publicationFile])));
        var claimFile = await UploadAsync(ClaimService.AttachmentOwner, CoverImageTests.PdfBytes);
        var form = new ClaimForm("Данияр", "daniyar@example.kz", ClaimTopic.Content, "Материал", "Прошу убрать материал.", DateOnly.FromDateTime(DateTime.UtcNow));
        await SaveAsync(db => db.Claims.Add(new WrittenClaim(Guid.NewGuid(), $"2098-{Random.Shared.Next(100000, 999999)}", form, DateTimeOffset.UtcNow, "ru-RU", null, claimFile)));

        var readers = new Dictionary<string, HttpClient>
        {
            ["anonymous"] = fixture.CreatePortalClient(),
            ["author"] = await fixture.SignedInClientAsync(authorEmail),
            ["moderator"] = await fixture.SignedInClientAsync(moderatorEmail),
            ["editor"] = await fixture.SignedInClientAsync(editorEmail),
            ["admin"] = await fixture.SignedInClientAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword),
            ["stranger"] = await fixture.SignedInClientAsync(strangerEmail),
        };
        var allowed = new Dictionary<Guid, (string Name, string[] Readers)>
        {
            [draftCover] = ("draft's cover", ["author"]),
            [waitingCover] = ("cover of an idea waiting for review", ["author", "moderator", "admin"]),
            [orphan] = ("upload nothing refers to", ["author"]),
            [publicationFile] = ("unpublished publication's attachment", ["editor", "admin"]),
            [claimFile] = ("claim's attachment", ["admin"]),
        };

        var wrong = new List<string>();
        foreach (var (file, (name, mayRead)) in allowed)
        {
            foreach (var (reader, client) in readers)
            {
                var status = (await client.GetAsync($"/files/{file}")).StatusCode;
                var expected = mayRead.Contains(reader) ? HttpStatusCode.OK : HttpStatusCode.NotFound;
                if (status != expected)
                {
                    wrong.Add($"{reader} reading the {name}: {(int)status}, expected {(int)expected}");
                }
            }
        }

        foreach (var client in readers.Values)
        {
            client.Dispose();
        }

        Assert.Empty(wrong);
    }
}
