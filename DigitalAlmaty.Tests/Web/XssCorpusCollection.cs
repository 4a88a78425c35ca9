namespace DigitalAlmaty.Tests.Web;

/// <summary>The XSS corpus is seeded once for <see cref="XssCorpusTests"/> and the browser's <c>XssCorpusInBrowserTests</c>.</summary>
[CollectionDefinition(Name)]
public sealed class XssCorpusCollection : ICollectionFixture<XssCorpusFixture>
{
    public const string Name = "XSS corpus";
}
