using AngleSharp.Html.Parser;
using DigitalAlmaty.Web.Components.Shared;

namespace DigitalAlmaty.Tests.Components;

/// <summary>What an author's Markdown may and may not put into the portal's pages.</summary>
public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();

    private AngleSharp.Dom.IElement Render(string markdown)
    {
        var document = new HtmlParser().ParseDocument($"<div id=\"root\">{_renderer.ToSafeHtml(markdown)}</div>");
        return document.GetElementById("root")!;
    }

    [Fact]
    public void AuthorsChooseNoIdOrClass_NeitherByGenericAttributesNorByRawHtml()
    {
        var root = Render("""
            Шапка сайта {#site-header .button}

            # Заголовок {#main .hidden}

            ::: button
            Контейнер
            :::

            <p id="x" class="y">Сырой HTML</p>
            """);

        Assert.Empty(root.QuerySelectorAll("[class]"));
        Assert.Null(root.QuerySelector("#site-header, #main, #x"));
        Assert.All(root.QuerySelectorAll("[id]"), e => Assert.StartsWith(MarkdownRenderer.IdPrefix, e.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void TheRenderersOwnIds_LiveInTheirNamespace_AndTheirLinksFollow()
    {
        var root = Render("""
            # site-header

            Сноска[^1].

            [^1]: Текст сноски.
            """);

        Assert.Equal(MarkdownRenderer.IdPrefix + "site-header", root.QuerySelector("h1")!.Id);
        var reference = root.QuerySelector("a[href^='#']")!;
        var target = reference.GetAttribute("href")![1..];
        Assert.StartsWith(MarkdownRenderer.IdPrefix, target, StringComparison.Ordinal);
        Assert.NotNull(root.QuerySelector($"[id='{target}']"));
    }

    [Fact]
    public void RemoteImages_BecomeLinks_WithTheirAltText()
    {
        var root = Render("""
            ![пиксель](https://tracker.example/p.png) и ![](https://tracker.example/q.png)

            ![ссылкой][px]

            [px]: //tracker.example/r.png
            """);

        Assert.Empty(root.QuerySelectorAll("img"));
        var links = root.QuerySelectorAll("a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        Assert.Contains(("https://tracker.example/p.png", "пиксель"), links);
        Assert.Contains(("https://tracker.example/q.png", "https://tracker.example/q.png"), links);
        Assert.Contains(("//tracker.example/r.png", "ссылкой"), links);
    }

    [Fact]
    public void ImagesOfThePortalsOwnFiles_StayImages()
    {
        var id = Guid.NewGuid();
        var root = Render($"![обложка](/files/{id}) ![не файл](/files/{id}/../../evil) ![чужой](https://tracker.example/files/{id})");

        var image = Assert.Single(root.QuerySelectorAll("img"));
        Assert.Equal($"/files/{id}", image.GetAttribute("src"));
        Assert.Equal("обложка", image.GetAttribute("alt"));
    }
}
