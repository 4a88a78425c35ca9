using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DigitalAlmaty.Web.Components.Shared;

namespace DigitalAlmaty.Tests.Components;

/// <summary>
/// Issue #15, item 6: the user agreement keeps its structure however it was uploaded. Every numbered
/// clause is a paragraph whose id is its number; every section title is a heading.
/// </summary>
public sealed class NumberedClausesTests
{
    private readonly MarkdownRenderer _renderer = new();

    /// <summary>The agreement of 30 November 2020 exactly as it is uploaded: plain text, lines wrapped, no Markdown.</summary>
    public static string Agreement2020()
    {
        using var stream = typeof(NumberedClausesTests).Assembly.GetManifestResourceStream("UserAgreement2020-ru.txt")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private IElement Render(string markdown) => Root(_renderer.ToSafeClauseHtml(markdown));

    private static IElement Root(string html) =>
        new HtmlParser().ParseDocument($"<div id=\"root\">{html}</div>").GetElementById("root")!;

    [Fact]
    public void ThePlainText2020Agreement_HasAParagraphPerClause_AndHeadingsForSections()
    {
        var root = Render(Agreement2020());

        foreach (var clause in new[] { "1.2", "1.3", "1.4", "1.5", "1.6" })
        {
            var paragraph = root.QuerySelector($"[id='{clause}']");
            Assert.NotNull(paragraph);
            Assert.Equal("P", paragraph.TagName);
            Assert.StartsWith(clause + ".", paragraph.TextContent.Trim(), StringComparison.Ordinal);
            // One clause per paragraph: the next clause's number is not inside it.
            Assert.Equal(1, paragraph.TextContent.Split(". ").Count(part => part.EndsWith(clause, StringComparison.Ordinal)));
        }

        Assert.DoesNotContain("1.3.", root.QuerySelector("[id='1.2']")!.TextContent, StringComparison.Ordinal);
        foreach (var clause in new[] { "1.1", "2.1.1", "2.1.4", "4.1.4", "4.3.9", "4.3.11.5", "7.2", "8.1" })
        {
            Assert.Equal("P", root.QuerySelector($"[id='{clause}']")?.TagName);
        }

        var headings = root.QuerySelectorAll("h2");
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8"], headings.Select(h => h.Id));
        Assert.StartsWith("1. ОБЩИЕ ПОЛОЖЕНИЯ", headings[0].TextContent, StringComparison.Ordinal);
        Assert.Empty(root.QuerySelectorAll("li"));
        Assert.Empty(root.QuerySelectorAll("ol, ul"));
    }

    [Fact]
    public void AClauseCutOffByAStrayBlankLine_RejoinsItsClause()
    {
        var clause = Render(Agreement2020()).QuerySelector("[id='2.1.4']")!;

        Assert.Contains("доступ к Сайту", clause.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void AMarkdownVersion_GetsTheSameAnchors_AndClausesWrittenLineByLineAreSplit()
    {
        var root = Render("""
            ## 1. Общие положения
            1.1. Первый пункт.
            1.2. Второй пункт
            продолжается на следующей строке.

            ## 4. Права и обязанности
            4.1.4. Пункт с **выделением**.

            - 4.3.9. пункт внутри списка остаётся пунктом списка
            """);

        Assert.Equal(["1", "4"], root.QuerySelectorAll("h2").Select(h => h.Id));
        Assert.Equal("1.1. Первый пункт.", root.QuerySelector("[id='1.1']")!.TextContent.Trim());
        Assert.Contains("продолжается на следующей строке", root.QuerySelector("[id='1.2']")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(root.QuerySelector("[id='4.1.4'] strong"));
        Assert.Single(root.QuerySelectorAll("li"));
    }

    [Fact]
    public void TheSampleAgreements_RenderTheirSectionsWithNumberedAnchors()
    {
        foreach (var culture in new[] { "ru-RU", "kk-KZ", "en-US" })
        {
            var root = Render(DigitalAlmaty.Web.Features.Agreement.SampleAgreement.Markdown(culture));

            Assert.Equal(["1", "2", "3", "4", "5", "6", "7"], root.QuerySelectorAll("h2").Select(h => h.Id));
            Assert.NotEmpty(root.QuerySelectorAll("li"));
        }
    }

    [Fact]
    public void OnlyDigitsAndDots_BecomeUnprefixedIds()
    {
        var root = Render("""
            # site-header

            1.1. Пункт со [ссылкой на 1.2](#1.2) и [на шапку](#site-header).
            1.2. Пункт.
            4.x. Не номер пункта.
            1.2.3a Не номер пункта.
            """);

        Assert.Equal(MarkdownRenderer.IdPrefix + "site-header", root.QuerySelector("h1")!.Id);
        Assert.Equal(["1.1", "1.2"], root.QuerySelectorAll("p[id]").Select(p => p.Id));
        Assert.Equal("#1.2", root.QuerySelectorAll("a")[0].GetAttribute("href"));
        Assert.Equal("#" + MarkdownRenderer.IdPrefix + "site-header", root.QuerySelectorAll("a")[1].GetAttribute("href"));
        Assert.All(root.QuerySelectorAll("[id]"), e => Assert.True(
            NumberedClauses.IsClauseId(e.Id) || e.Id!.StartsWith(MarkdownRenderer.IdPrefix, StringComparison.Ordinal), e.Id));
        Assert.True(NumberedClauses.IsClauseId("4.3.11.5"));
        Assert.All(["4.3.11.impersonation", "4..1", ".4", "4.", "4.1 ", "4.1\"><script>", "", "٤.١"], id => Assert.False(NumberedClauses.IsClauseId(id), id));
    }

    [Fact]
    public void TitlesWithoutBlankLines_StillBecomeHeadings()
    {
        var root = Render("""
            1. Общие положения
            1.1. Пункт сразу под заголовком.
            1.2. Последний пункт раздела.
            2. ОПРЕДЕЛЕНИЯ
            2.1. Пункт второго раздела.
            """);
        var list = Render("""
            1.1. Пункт перед списком.

            1. настоящий список
            2. остаётся списком
            """);

        Assert.Equal(["1", "2"], root.QuerySelectorAll("h2").Select(h => h.Id));
        Assert.Equal("1. Общие положения", root.QuerySelector("h2")!.TextContent.Trim());
        Assert.Equal(["1.1", "1.2", "2.1"], root.QuerySelectorAll("p").Select(p => p.Id));
        Assert.Empty(root.QuerySelectorAll("li"));
        Assert.Equal(2, list.QuerySelectorAll("ol > li").Length);
        Assert.Empty(list.QuerySelectorAll("h2"));
    }

    [Fact]
    public void ANumberGivenTwice_AnchorsItsFirstPlaceOnly()
    {
        var root = Render("""
            ## 4.1. Права администрации
            4.1. Пункт с тем же номером.
            4.1.1. Первый.
            4.1.1. Опечатка: тот же номер.
            """);

        Assert.Single(root.QuerySelectorAll("[id='4.1']"));
        Assert.Equal("H2", root.QuerySelector("[id='4.1']")!.TagName);
        Assert.Equal("4.1.1. Первый.", Assert.Single(root.QuerySelectorAll("[id='4.1.1']")).TextContent.Trim());
        Assert.Equal(3, root.QuerySelectorAll("p").Length);
    }

    [Fact]
    public void UserContent_KeepsEveryIdInItsNamespace_EvenDigitsAndDots()
    {
        var root = Root(_renderer.ToSafeHtml("""
            1.1. Пункт в тексте идеи.
            1.2. Ещё один.
            """));

        Assert.Empty(root.QuerySelectorAll("[id='1.1'], [id='1.2']"));
        Assert.Single(root.QuerySelectorAll("p"));
    }
}
