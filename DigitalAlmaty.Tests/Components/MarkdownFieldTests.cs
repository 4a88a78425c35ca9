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

        field.Find("textarea#goal").Input("Әділ қала");

        Assert.Equal("Әділ қала", received);
        Assert.Contains("9 / 100", field.Markup, StringComparison.Ordinal);
        Assert.Contains("Мақсат", field.Find("label").TextContent, StringComparison.Ordinal);
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

        Assert.Contains("Опишите цель идеи.", field.Find(".mud-input-helper-text").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(field.FindAll(".mud-input-error"));
    }
}
