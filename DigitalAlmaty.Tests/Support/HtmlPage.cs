using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace DigitalAlmaty.Tests.Support;

/// <summary>A fetched page parsed with AngleSharp, and a way to submit its forms the way a browser would.</summary>
public sealed class HtmlPage
{
    private HtmlPage(HttpResponseMessage response, IHtmlDocument document, string html, IReadOnlyList<string> redirects)
    {
        Response = response;
        Document = document;
        Html = html;
        Redirects = redirects;
    }

    public HttpResponseMessage Response { get; }

    public IHtmlDocument Document { get; }

    public string Html { get; }

    /// <summary>The Location headers followed on the way to this page, in order (empty when the answer came directly).</summary>
    public IReadOnlyList<string> Redirects { get; }

    public HttpStatusCode Status => Response.StatusCode;

    public string Text => Document.Body?.TextContent ?? string.Empty;

    public static async Task<HtmlPage> GetAsync(HttpClient client, string url) =>
        await ReadAsync(await client.GetAsync(url));

    /// <summary>Follows redirects (the client is set not to), as a browser would, up to five times.</summary>
    public static async Task<HtmlPage> ReadAsync(HttpResponseMessage response, HttpClient? client = null)
    {
        var redirects = new List<string>();
        for (var hops = 0; client is not null && hops < 5 && (int)response.StatusCode is >= 300 and < 400; hops++)
        {
            redirects.Add(response.Headers.Location!.OriginalString);
            response = await client.GetAsync(response.Headers.Location);
        }

        var html = await response.Content.ReadAsStringAsync();
        var document = await new HtmlParser().ParseDocumentAsync(html);
        return new HtmlPage(response, document, html, redirects);
    }

    public string? Value(string selector) => (Document.QuerySelector(selector) as IHtmlInputElement)?.Value;

    /// <summary>
    /// Posts the form that contains <paramref name="formSelector"/> with its current fields (hidden
    /// antiforgery token included) overridden by <paramref name="fields"/>, and returns the answer
    /// after following redirects.
    /// </summary>
    public async Task<HtmlPage> SubmitAsync(HttpClient client, IDictionary<string, string> fields, string formSelector = "main form")
    {
        var form = Document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form matches '{formSelector}'.");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input[name]").OfType<IHtmlInputElement>())
        {
            if (fields.ContainsKey(input.Name!) || input.Type is "checkbox" or "submit")
            {
                continue;
            }

            values.Add(new(input.Name!, input.Value));
        }

        values.AddRange(fields);
        var action = string.IsNullOrEmpty(form.GetAttribute("action"))
            ? Response.RequestMessage!.RequestUri!.PathAndQuery
            : form.GetAttribute("action")!;
        var response = await client.PostAsync(action, new FormUrlEncodedContent(values));
        return await ReadAsync(response, client);
    }
}
