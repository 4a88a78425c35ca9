using System.Globalization;
using Bunit;
using DigitalAlmaty.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace DigitalAlmaty.Tests.Components;

public sealed class MarkdownFieldTests : BunitContext, IAsyncLifetime
{
    public MarkdownFieldTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddSingleton<MarkdownRenderer>();
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("kk-KZ");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    [Fact]
    public void Typing_RaisesValueChanged_AndUpdatesTheCounter()
    {
        string? received = null;
        var field = Render<MarkdownField>(p => p
            .Add(x => x.Label, "Мақсат")
            .Add(x => x.MaxLength, 100)
            .Add(x => x.InputId, "goal")
            .Add(x => x.ValueChanged, value => received = value));

        // The browser sends the text in pieces; the field reassembles them before raising ValueChanged.
        var input = field.FindComponent<LongTextInput>();
        field.InvokeAsync(() => input.Instance.ReceiveChunk(1, 0, 2, "Әділ "));
        Assert.Null(received);
        field.InvokeAsync(() => input.Instance.ReceiveChunk(1, 1, 2, "қала"));

        Assert.Equal("Әділ қала", received);
        Assert.Equal("9 / 100", field.Find(".counter").TextContent.Trim());
        Assert.Equal("Мақсат", field.Find("label[for=goal]").TextContent.Trim());
    }

    [Fact]
    public void Preview_RendersMarkdown_WithoutScripts_InTheCurrentLanguage()
    {
        var field = Render<MarkdownField>(p => p
            .Add(x => x.Label, "Goal")
            .Add(x => x.InputId, "goal")
            .Add(x => x.Value, "**Ашық** деректер <script>alert(1)</script> [сілтеме](javascript:alert(1))"));

        var tabs = field.FindAll(".mud-tab");
        Assert.Equal("Алдын ала қарау", tabs[1].TextContent.Trim());
        tabs[1].Click();

        var preview = field.Find("[data-testid=goal-preview]");
        Assert.Equal("Ашық", preview.QuerySelector("strong")!.TextContent);
        Assert.DoesNotContain("<script", preview.InnerHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", preview.InnerHtml, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ErrorText_IsShownUnderTheField()
    {
        var field = Render<MarkdownField>(p => p
            .Add(x => x.Label, "Goal")
            .Add(x => x.ErrorText, "Опишите цель идеи."));

        Assert.Equal("Опишите цель идеи.", field.Find(".field-error").TextContent);
        Assert.Equal("true", field.Find("textarea").GetAttribute("aria-invalid"));
        Assert.Contains("-error", field.Find("textarea").GetAttribute("aria-describedby"), StringComparison.Ordinal);
    }

    [Fact]
    public void AnOlderSend_ArrivingLate_DoesNotOverwriteTheNewerText()
    {
        var values = new List<string?>();
        var field = Render<MarkdownField>(p => p
            .Add(x => x.Label, "Goal")
            .Add(x => x.ValueChanged, value => values.Add(value)));
        var input = field.FindComponent<LongTextInput>();

        field.InvokeAsync(() => input.Instance.ReceiveChunk(2, 0, 1, "новый текст"));
        field.InvokeAsync(() => input.Instance.ReceiveChunk(1, 0, 1, "старый"));

        Assert.Equal(["новый текст"], values);
    }

    [Fact]
    public void OverTheLimit_TheCounterTurnsRed_ButTheTextIsKept()
    {
        var field = Render<MarkdownField>(p => p
            .Add(x => x.Label, "Goal")
            .Add(x => x.MaxLength, 10)
            .Add(x => x.Value, new string('ә', 25)));

        Assert.Contains("counter--over", field.Find(".counter").ClassName, StringComparison.Ordinal);
        Assert.Equal(new string('ә', 25), field.Find("textarea").TextContent);
    }
}
