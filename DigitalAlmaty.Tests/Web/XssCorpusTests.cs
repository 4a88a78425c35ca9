using System.Net;
using System.Xml.Linq;
using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// The XSS corpus through every text field, read back over HTTP: the public pages of every item, the
/// feeds and the letters carry no executable injected content, the text is kept (encoded, not
/// dropped), and refusals by validation are counted with their error codes.
/// </summary>
[Collection(XssCorpusCollection.Name)]
public sealed class XssCorpusTests(XssCorpusFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public void Corpus_HasAtLeast150DistinctPayloads_EachWithItsOwnMarker()
    {
        Assert.True(XssCorpus.All.Count >= 150, $"{XssCorpus.All.Count} payloads");
        Assert.Equal(XssCorpus.All.Count, XssCorpus.All.Select(p => p.Text).Distinct(StringComparer.Ordinal).Count());
        Assert.All(XssCorpus.All, p => Assert.Contains(p.Marker, p.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refusals_CarryAnErrorCode_AndMostPayloadsAreKept()
    {
        var seed = fixture.Seed;
        foreach (var group in seed.Refusals.GroupBy(r => (r.Surface, r.Field, r.Code)).OrderBy(g => g.Key.ToString()))
        {
            output.WriteLine($"refused: {group.Key.Surface}.{group.Key.Field} ({group.Key.Code}) × {group.Count()}");
        }

        output.WriteLine($"display names accepted: {seed.Accepted} of {XssCorpus.All.Count}");
        Assert.All(seed.Refusals, r => Assert.False(string.IsNullOrWhiteSpace(r.Code)));

        // Length limits refuse the long payloads; everything else is stored as written.
        var keptTitles = (await TitlesAsync()).Values.ToHashSet(StringComparer.Ordinal);
        var kept = XssCorpus.All.Count(p => keptTitles.Contains(p.Text.Trim()));
        Assert.True(kept >= XssCorpus.All.Count / 2, $"only {kept} payloads were kept as titles");
    }

    [Fact]
    public async Task PublicPagesOfEveryItem_HaveNoInjectedScript_AndShowTheTitleAsText()
    {
        using var client = fixture.NewClient();
        var findings = new List<string>();
        var titles = await TitlesAsync();
        var pages = fixture.Seed.PublishedIdeas.Select(i => ($"/ideas/{i.Id}", i.Id))
            .Concat(fixture.Seed.Events.Select(e => ($"/events/{e.Id}", e.Id)))
            .Concat(fixture.Seed.News.Select(n => ($"/news/{n.Id}", n.Id)));
        var shownTitles = 0;
        foreach (var (url, id) in pages)
        {
            var page = await Support.HtmlPage.GetAsync(client, url);
            Assert.True(page.Status == HttpStatusCode.OK, $"{url}: {page.Status}");
            findings.AddRange(XssCorpusInspection.Findings(page.Html).Select(f => $"{url} {f}"));
            if (titles.TryGetValue(id, out var title) && page.Document.QuerySelector("h1")?.TextContent.Contains(title, StringComparison.Ordinal) == true)
            {
                shownTitles++;
            }
        }

        Assert.True(findings.Count == 0, string.Join("\n", findings));
        Assert.Equal(fixture.Seed.PublishedIdeas.Count + fixture.Seed.Events.Count, shownTitles);
    }

    [Theory]
    [InlineData("/feeds/ideas.atom")]
    [InlineData("/feeds/events.atom")]
    [InlineData("/feeds/news.atom")]
    public async Task Feeds_AfterDecoding_HaveNoScriptHandlersOrScriptLinks(string feed)
    {
        using var client = fixture.NewClient();
        var xml = XDocument.Parse(await client.GetStringAsync(feed));
        var findings = new List<string>();
        var entries = xml.Descendants().Where(e => e.Name.LocalName == "entry").ToList();
        Assert.NotEmpty(entries);
        foreach (var element in xml.Descendants())
        {
            // As a feed reader decodes it: type="html" (and "xhtml") content is markup, type="text" (the default) is shown as text.
            var type = (string?)element.Attribute("type");
            if (type is "html")
            {
                findings.AddRange(XssCorpusInspection.Findings(element.Value));
            }
            else if (type is "xhtml")
            {
                findings.AddRange(XssCorpusInspection.Findings(string.Concat(element.Nodes().Select(n => n.ToString()))));
            }

            findings.AddRange(element.Attributes().Where(a => a.Name.LocalName is "href" or "src" && XssCorpusInspection.IsScriptUrl(a.Value))
                .Select(a => $"link {a.Value}"));
        }

        Assert.True(findings.Count == 0, string.Join("\n", findings.Distinct()));
        Assert.Contains(entries, e => XssCorpus.MarkerPattern().IsMatch(e.ToString()));
    }

    [Fact]
    public async Task Letters_DecisionsAndClaimAcknowledgements_HaveNoScriptOrHandlers()
    {
        var expected = fixture.Seed.Claims.Count + fixture.Seed.PublishedIdeas.Count;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (fixture.Portal.Mailbox.All().Count < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        var letters = fixture.Portal.Mailbox.All();
        Assert.True(letters.Count >= expected, $"{letters.Count} letters, expected at least {expected}");
        var findings = letters.Where(l => l.HtmlBody is not null)
            .SelectMany(l => XssCorpusInspection.Findings(l.HtmlBody!).Select(f => $"{l.Subject}: {f}"))
            .ToList();
        Assert.True(findings.Count == 0, string.Join("\n", findings));
        Assert.Contains(letters, l => l.HtmlBody is not null && XssCorpus.MarkerPattern().IsMatch(l.HtmlBody));
    }

    private async Task<Dictionary<Guid, string>> TitlesAsync()
    {
        var databases = fixture.Portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await databases.CreateDbContextAsync();
        return await db.Submissions.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Title);
    }
}
