using System.Net;
using DigitalAlmaty.Domain.Events;
using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Tests.Domain;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Catalog;
using DigitalAlmaty.Web.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Web;

/// <summary>/search and hostile input: user HTML stays text, odd or huge queries answer calmly, the form is labelled.</summary>
public abstract partial class SearchTests
{
    [Fact]
    public async Task UserHtml_IsShownAsText_NeverAsMarkup()
    {
        var page = await SearchPageAsync("alert");

        Assert.Equal([fixture.Russian], ResultIds(page));
        Assert.DoesNotContain("<script>alert", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(page.Document.QuerySelectorAll("main script"));
        var snippet = page.Document.QuerySelector(".search-result__snippet")!;
        Assert.Contains("alert(1)", snippet.TextContent, StringComparison.Ordinal);
        Assert.Contains("<script>", snippet.TextContent, StringComparison.Ordinal);
        Assert.Equal("alert", snippet.QuerySelector("mark")!.TextContent);
    }

    [Fact]
    public async Task EmptyQuery_ShowsAHint_AndALabelledForm()
    {
        var page = await SearchPageAsync(string.Empty);

        Assert.NotNull(page.Document.QuerySelector(".search-hint"));
        Assert.Empty(ResultIds(page));
        var input = page.Document.QuerySelector("main form[method=get] input[name=q]")!;
        Assert.NotNull(page.Document.QuerySelector($"label[for={input.Id}]"));
    }

    [Fact]
    public async Task Header_HasALabelledGetSearchForm_OnOtherPages()
    {
        using var client = fixture.CreatePortalClient();
        var page = await HtmlPage.GetAsync(client, "/ideas");

        var form = page.Document.QuerySelector("header form.header-search")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("search", form.GetAttribute("action"));
        var input = form.QuerySelector("input[name=q]")!;
        Assert.NotNull(form.QuerySelector($"label[for={input.Id}]"));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("'")]
    [InlineData("OR")]
    [InlineData("остановки OR")]
    [InlineData("NEAR(")]
    [InlineData("NEAR(остановки автобусов, 2)")]
    [InlineData("*")]
    [InlineData("-")]
    [InlineData("-остановки")]
    [InlineData("))")]
    [InlineData("((остановки")]
    [InlineData("\"остановки")]
    [InlineData("'; DROP TABLE Submissions; --")]
    [InlineData("; DROP TABLE Submissions; --")]
    [InlineData("title:остановки")]
    [InlineData("a & b | !c <-> d:*")]
    [InlineData("\\")]
    [InlineData("[[[остановки]]]")]
    [InlineData("😀 🇰🇿 ۝ ǅ")]
    [InlineData("e\u0301")]
    [InlineData("\u0301")]
    public async Task HostileQueries_AnswerOk(string query)
    {
        var page = await SearchPageAsync(query);
        Assert.NotNull(page.Document.QuerySelector("main form input[name=q]"));
        Assert.True(await CountPublishedAsync() >= 4, "The published items are still there.");
    }

    [Fact]
    public async Task AThousandLetterQuery_AnswersOk()
    {
        var page = await SearchPageAsync(new string('а', 1000));
        Assert.NotNull(page.Document.QuerySelector(".search-none"));
        await SearchPageAsync(string.Join(' ', Enumerable.Repeat("остановки", 200)));
    }

    [Fact]
    public async Task OperatorWords_AreSearchedAsWords_NotAsSyntax()
    {
        // "остановки OR квазары" must not find the published idea through OR: all words are required.
        Assert.Empty(await SearchAsync("остановки OR квазары"));
        Assert.Equal([fixture.Russian], await SearchAsync("\"остановки\" -автобусов"));
    }
}
