using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using DigitalAlmaty.Web.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace DigitalAlmaty.Web.Features.OpenData;

/// <summary>
/// Every successful API answer: JSON (camelCase, letters of any script unescaped) with a strong ETag of
/// its bytes, 304 when the client already has them (If-None-Match), and a short public cache time
/// that varies by language. A query naming an unsupported language is refused before the handler runs.
/// </summary>
public sealed class OpenDataResponseFilter(IStringLocalizer<OpenDataText> text) : IEndpointFilter
{
    /// <summary>How long a cache may keep an answer: lists change when something is published.</summary>
    public const string CacheControl = "public, max-age=60";

    internal static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        // Served as application/json only, never inside HTML: letters of any script and '&' in links stay readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Items[OpenDataMiddleware.UnsupportedCultureItem] is string culture)
        {
            return OpenDataProblems.BadQuery(text, string.Format(CultureInfo.CurrentCulture, text["Query.Culture"], culture));
        }

        var result = await next(context);
        var inner = result is INestedHttpResult nested ? nested.Result : result;
        if (inner is not IValueHttpResult { Value: { } value } || inner is not IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK })
        {
            return result;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), Json);
        var etag = "\"" + Convert.ToBase64String(SHA256.HashData(body), 0, 18).Replace('+', '-').Replace('/', '_') + "\"";
        var headers = http.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = CacheControl;
        headers.Vary = HeaderNames.AcceptLanguage;
        return Matches(http.Request, etag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(body, "application/json; charset=utf-8");
    }

    private static bool Matches(HttpRequest request, string etag) =>
        EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags)
        && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(new EntityTagHeaderValue(etag), useStrongComparison: false));
}
