using Bunit;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Tests.Web;
using DigitalAlmaty.Web.Features.Files;
using DigitalAlmaty.Web.Features.Ideas;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Components;

/// <summary>The idea editor's cover upload goes through the write gate and the upload quota, on the server.</summary>
public sealed class CoverUploadGateTests : EditorTestContext
{
    public CoverUploadGateTests()
        : base(new FileStoreOptions { MaxUploadsPerUserPerHour = 1 })
    {
    }

    private IRenderedComponent<IdeaEditorPage> RenderEditor()
    {
        var editor = Render<IdeaEditorPage>();
        editor.WaitForElement("[data-testid=submit]");
        return editor;
    }

    private static void Upload(IRenderedComponent<IdeaEditorPage> editor, string name) =>
        editor.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(CoverImageTests.TinyPng, name, contentType: "image/png"));

    private async Task<int> StoredFilesAsync()
    {
        await using var db = await DatabaseFactory.CreateDbContextAsync();
        return await db.StoredFiles.CountAsync(f => f.OwnerId == UserId);
    }

    [Fact]
    public async Task ABlockedAuthor_WhoseEditorIsStillOpen_UploadsNothing_AndIsToldWhy()
    {
        var editor = RenderEditor();
        await using (var db = await DatabaseFactory.CreateDbContextAsync())
        {
            // Blocked behind the open editor's back: no live event tells this circuit.
            var user = await db.Users.SingleAsync(u => u.Id == UserId);
            user.BlockedUntil = DateTimeOffset.UtcNow.AddDays(7);
            user.BlockClause = "4.3.5";
            user.BlockReason = "Реклама вместо идей.";
            await db.SaveChangesAsync();
        }

        Upload(editor, "cover.png");

        editor.WaitForAssertion(() => Assert.Contains("Реклама вместо идей.", editor.Find("[data-testid=blocked]").TextContent, StringComparison.Ordinal));
        Assert.Equal(0, await StoredFilesAsync());
        var root = Services.GetRequiredService<FileStore>().Root;
        Assert.False(Directory.Exists(root) && Directory.EnumerateFiles(root).Any(), "A file was written to disk.");
    }

    [Fact]
    public async Task BeyondTheHourlyCount_TheAuthorIsToldInRussian_AndNothingMoreIsStored()
    {
        var editor = RenderEditor();
        Upload(editor, "first.png");
        editor.WaitForAssertion(() => Assert.NotEmpty(editor.FindAll("img.cover-preview")));

        Upload(editor, "second.png");

        editor.WaitForAssertion(() => Assert.Equal(
            "За последний час загружено слишком много файлов. Попробуйте позже.",
            editor.Find("[data-testid=cover-error]").TextContent));
        Assert.Equal(1, await StoredFilesAsync());
    }
}
