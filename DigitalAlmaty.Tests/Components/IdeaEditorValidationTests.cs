using Bunit;
using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Tests.Domain;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Components.Shared;
using DigitalAlmaty.Web.Features.Ideas;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Tests.Components;

/// <summary>The idea editor's validation in Russian, against the real SubmissionService.</summary>
public sealed class IdeaEditorValidationTests : EditorTestContext
{
    private const string Required = "Заполните это поле.";

    private IRenderedComponent<IdeaEditorPage> RenderEditor(Guid? id = null)
    {
        var editor = Render<IdeaEditorPage>(p => p.Add(x => x.Id, id));
        editor.WaitForElement("[data-testid=submit]");
        return editor;
    }

    private static async Task TypeAsync(IRenderedComponent<IdeaEditorPage> editor, string inputId, string text)
    {
        var field = editor.FindComponents<LongTextInput>().Single(f => f.Instance.Id == inputId);
        await editor.InvokeAsync(() => field.Instance.ReceiveChunk(1, 0, 1, text));
    }

    [Fact]
    public async Task SubmittingAnEmptyIdea_ExplainsEveryRequiredField()
    {
        var editor = RenderEditor();

        await editor.Find("[data-testid=submit]").ClickAsync(new MouseEventArgs());

        editor.WaitForAssertion(() => Assert.NotNull(editor.Find("[data-testid=submit-errors]")));
        foreach (var id in new[] { "idea-goal", "idea-tasks", "idea-benefit", "idea-prior" })
        {
            Assert.Equal(Required, editor.Find($"#{id}-error").TextContent);
            Assert.Equal("true", editor.Find($"#{id}").GetAttribute("aria-invalid"));
        }

        Assert.Equal(Required, editor.Find("#idea-category-error").TextContent);
        Assert.Contains(Required, editor.Find("#idea-title").Closest(".editor-field")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorsAppearAsTheAuthorTypes_OnlyForTouchedFields()
    {
        var editor = RenderEditor();

        await TypeAsync(editor, "idea-goal", "Парковки");

        editor.WaitForAssertion(() => Assert.Equal("Напишите подробнее: хотя бы 3 слова.", editor.Find("#idea-goal-error").TextContent));
        Assert.Empty(editor.FindAll("#idea-tasks-error"));
        Assert.Empty(editor.FindAll("[data-testid=submit-errors]"));

        await TypeAsync(editor, "idea-goal", "Сократить время поиска парковки.");
        editor.WaitForAssertion(() => Assert.Empty(editor.FindAll("#idea-goal-error")));
    }

    [Fact]
    public async Task ATwentyThousandCharacterGoal_IsKeptInTheDraft_ButCannotBeSubmitted()
    {
        var editor = RenderEditor();
        var longGoal = string.Join(' ', Enumerable.Repeat("мақсат", 2_900));

        await TypeAsync(editor, "idea-goal", longGoal);
        await editor.Find("[data-testid=submit]").ClickAsync(new MouseEventArgs());

        editor.WaitForAssertion(() => Assert.StartsWith("Слишком длинно", editor.Find("#idea-goal-error").TextContent, StringComparison.Ordinal));
        await using var db = await DatabaseFactory.CreateDbContextAsync();
        var draft = await db.Ideas.AsNoTracking().SingleAsync(i => i.AuthorId == UserId);
        Assert.Equal(longGoal, draft.Goal);
        Assert.Equal(SubmissionStatus.Draft, draft.Status);
    }

    [Fact]
    public async Task ACompleteIdea_IsSubmitted_AndTheAuthorIsToldWhatHappensNext()
    {
        var idea = Idea.StartDraft(Guid.NewGuid(), UserId, DateTimeOffset.UtcNow);
        idea.Edit(UserId, SubmissionBuilder.ValidIdea, DateTimeOffset.UtcNow);
        await using (var db = await DatabaseFactory.CreateDbContextAsync())
        {
            db.Ideas.Add(idea);
            await db.SaveChangesAsync();
        }

        var editor = RenderEditor(idea.Id);
        Assert.Equal(SubmissionBuilder.ValidIdea.Title, editor.Find("#idea-title").GetAttribute("value"));
        await editor.Find("[data-testid=submit]").ClickAsync(new MouseEventArgs());

        editor.WaitForAssertion(() => Assert.Contains("Модератор проверит материал", editor.Find("[data-testid=submitted]").TextContent, StringComparison.Ordinal));
        await using var check = await DatabaseFactory.CreateDbContextAsync();
        Assert.Equal(SubmissionStatus.Submitted, (await check.Ideas.AsNoTracking().SingleAsync(i => i.Id == idea.Id)).Status);
    }

    [Fact]
    public async Task AnotherUsersIdea_IsNotFound()
    {
        var stranger = new DigitalAlmaty.Web.Data.PortalUser { Id = Guid.NewGuid().ToString(), UserName = "s", Email = "s@example.kz", DisplayName = "Чужой", CreatedAt = DateTimeOffset.UtcNow };
        var idea = Idea.StartDraft(Guid.NewGuid(), stranger.Id, DateTimeOffset.UtcNow);
        await using (var db = await DatabaseFactory.CreateDbContextAsync())
        {
            db.Users.Add(stranger);
            db.Ideas.Add(idea);
            await db.SaveChangesAsync();
        }

        var editor = Render<IdeaEditorPage>(p => p.Add(x => x.Id, idea.Id));

        Assert.Empty(editor.FindAll("#idea-title"));
        Assert.Empty(editor.FindAll("[data-testid=submit]"));
    }
}
