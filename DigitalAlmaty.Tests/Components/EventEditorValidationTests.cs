using System.Globalization;
using System.Security.Claims;
using Bunit;
using DigitalAlmaty.Domain.Time;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Components.Shared;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Events;
using DigitalAlmaty.Web.Features.Submissions;
using DigitalAlmaty.Web.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace DigitalAlmaty.Tests.Components;

/// <summary>
/// The event editor's live validation in Russian (the portal's default language), rendered with the
/// real SubmissionService on a migrated SQLite file.
/// </summary>
public sealed class EventEditorValidationTests : EditorTestContext
{
    private const string Required = "Заполните это поле.";

    private IRenderedComponent<EventEditorPage> RenderEditor()
    {
        var editor = Render<EventEditorPage>();
        editor.WaitForElement("[data-testid=submit]");
        return editor;
    }

    /// <summary>The text of the field around an input: its label, hints and error.</summary>
    private static string FieldText(IRenderedComponent<EventEditorPage> editor, string inputId) =>
        editor.Find($"#{inputId}").Closest(".editor-field, .choice-group")!.TextContent;

    private static string AlmatyWallClock(DateTime wallClock) => wallClock.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private static DateTime AlmatyDaysFromNow(int days, int hour) =>
        AlmatyTime.Today(DateTimeOffset.UtcNow).AddDays(days).ToDateTime(new TimeOnly(hour, 0));

    [Fact]
    public async Task SubmittingAnEmptyEvent_ShowsEveryRequiredField_InRussian()
    {
        var editor = RenderEditor();

        await editor.Find("[data-testid=submit]").ClickAsync(new MouseEventArgs());

        editor.WaitForAssertion(() => Assert.NotNull(editor.Find("[data-testid=submit-errors]")));
        Assert.Contains(Required, FieldText(editor, "event-title"), StringComparison.Ordinal);
        Assert.Equal(Required, editor.Find("#event-description-error").TextContent);
        Assert.Equal(Required, editor.Find("#event-starts-error").TextContent);
        Assert.Equal(Required, editor.Find("#event-ends-error").TextContent);
        Assert.Contains(Required, FieldText(editor, "event-organiser"), StringComparison.Ordinal);
        Assert.Contains(Required, FieldText(editor, "event-venue"), StringComparison.Ordinal);
        Assert.Equal(Required, editor.Find("#event-languages-error").TextContent);

        // In person is the default: the venue is asked for, the online link is not shown.
        Assert.True(editor.Find("#event-format-inperson").HasAttribute("checked"));
        Assert.Empty(editor.FindAll("#event-online-link"));
        Assert.Contains("Место проведения *", FieldText(editor, "event-venue"), StringComparison.Ordinal);
        Assert.DoesNotContain(Required, FieldText(editor, "event-registration-link"), StringComparison.Ordinal);

        // Plain inputs point at their errors.
        var starts = editor.Find("#event-starts");
        Assert.Equal("true", starts.GetAttribute("aria-invalid"));
        Assert.Contains("event-starts-error", starts.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("true", editor.Find("#event-language-russian").GetAttribute("aria-invalid"));
        Assert.Equal("Начало *", editor.Find("label[for=event-starts]").TextContent.Trim());
        Assert.Contains("время Алматы (UTC+5)", FieldText(editor, "event-starts"), StringComparison.Ordinal);
    }

    [Fact]
    public void OnlineFormat_AsksForTheLink_AndNotTheVenue()
    {
        var editor = RenderEditor();

        editor.Find("#event-format-online").Change(true);

        Assert.Empty(editor.FindAll("#event-venue"));
        Assert.Contains("Ссылка на трансляцию *", FieldText(editor, "event-online-link"), StringComparison.Ordinal);
    }

    [Fact]
    public void AScriptRegistrationLink_GetsTheHttpMessage_AsTheUserTypes()
    {
        var editor = RenderEditor();

        editor.Find("#event-registration-link").Input("javascript:alert(1)");

        editor.WaitForAssertion(() => Assert.Contains(
            "Укажите ссылку, начинающуюся с http:// или https://.", FieldText(editor, "event-registration-link"), StringComparison.Ordinal));
    }

    [Fact]
    public void AnEndBeforeTheStart_IsExplainedUnderTheEnd()
    {
        var editor = RenderEditor();
        var day = AlmatyDaysFromNow(30, 12);

        editor.Find("#event-starts").Input(AlmatyWallClock(day));
        editor.Find("#event-ends").Input(AlmatyWallClock(day.AddHours(-2)));

        Assert.Equal("Окончание должно быть позже начала.", editor.Find("#event-ends-error").TextContent);
        Assert.Empty(editor.FindAll("#event-starts-error"));
        Assert.Equal("true", editor.Find("#event-ends").GetAttribute("aria-invalid"));
    }

    [Fact]
    public void AStartInThePast_IsRefused_AndTheTypedValueStays()
    {
        var editor = RenderEditor();
        var yesterday = AlmatyWallClock(AlmatyDaysFromNow(-1, 10));

        editor.Find("#event-starts").Input(yesterday);

        Assert.Equal("Событие должно начинаться в будущем.", editor.Find("#event-starts-error").TextContent);
        Assert.Equal(yesterday, editor.Find("#event-starts").GetAttribute("value"));
    }

    [Fact]
    public void AnUnreadableTime_GetsALocalizedError_AndTheTextIsKept()
    {
        var editor = RenderEditor();

        editor.Find("#event-starts").Input("32.13.2030 25:99");

        Assert.Equal("Не удалось распознать дату и время. Укажите их ещё раз.", editor.Find("#event-starts-error").TextContent);
        Assert.Equal("32.13.2030 25:99", editor.Find("#event-starts").GetAttribute("value"));
    }
}
