using DigitalAlmaty.Web.Features.Catalog;

namespace DigitalAlmaty.Tests.Web;

public sealed class SearchHighlighterTests
{
    private static string Show(IReadOnlyList<TextRun> runs) =>
        string.Concat(runs.Select(r => r.Marked ? "[" + r.Text + "]" : r.Text));

    [Fact]
    public void Title_MarksEveryMatch_IgnoringCase_AndThePrefixTermAsAPrefix()
    {
        var query = SearchQuery.Parse("парковки авто");

        var runs = SearchHighlighter.All("Парковки и автобусы: <b>парковки</b> для АВТОмобилей, не автор", query);

        Assert.Equal("[Парковки] и [автобусы]: <b>[парковки]</b> для [АВТОмобилей], не [автор]", Show(runs));
    }

    [Fact]
    public void Title_DoesNotMarkAWordThatOnlyStartsWithAWholeTerm()
    {
        var runs = SearchHighlighter.All("Парковочные парковки", SearchQuery.Parse("парковки данные"));

        Assert.Equal("Парковочные [парковки]", Show(runs));
    }

    [Fact]
    public void Snippet_WithoutAMatch_IsTheStartOfTheText()
    {
        var text = string.Join(' ', Enumerable.Range(1, 50).Select(i => $"слово{i}"));

        var runs = SearchHighlighter.Snippet(text, SearchQuery.Parse("заголовок"));

        Assert.Equal(string.Join(' ', Enumerable.Range(1, 35).Select(i => $"слово{i}")) + " …", Show(runs));
    }

    [Fact]
    public void Snippet_KeepsTheTwoPassagesWithTheMostMatches_InTextOrder_OnOneLine()
    {
        var filler = string.Join(' ', Enumerable.Range(1, 30).Select(i => $"w{i}"));
        var text = $"начало датчики {filler} датчики и ещё датчики.\nКонец {filler} датчики снова датчики {filler}";

        var runs = SearchHighlighter.Snippet(text, SearchQuery.Parse("датчики"));
        var shown = Show(runs);

        Assert.StartsWith("w24 w25 w26 w27 w28 w29 w30 [датчики] и ещё [датчики]. Конец", shown, StringComparison.Ordinal);
        Assert.Contains(" … ", shown, StringComparison.Ordinal);
        Assert.EndsWith("[датчики] снова [датчики] w1 w2 w3 w4 w5 w6 w7", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("начало", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void Snippet_OfEmptyText_IsEmpty()
    {
        Assert.Empty(SearchHighlighter.Snippet(null, SearchQuery.Parse("датчики")));
        Assert.Empty(SearchHighlighter.Snippet("  ", SearchQuery.Parse("датчики")));
        Assert.Empty(SearchHighlighter.All("", SearchQuery.Parse("датчики")));
    }
}
