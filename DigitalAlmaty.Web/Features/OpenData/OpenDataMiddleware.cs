using DigitalAlmaty.Web.Resources;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace DigitalAlmaty.Web.Features.OpenData;

/// <summary>
/// Around every request under <c>/api/v1</c>, inside the portal's status pages and outside its rate
/// limiter: sets the API's language, and answers every error the pipeline leaves without a body (no
/// such address, a query value that does not bind, a refusal by the rate limiter, an exception) with
/// problem details instead of the portal's HTML status page.
/// </summary>
public sealed class OpenDataMiddleware(RequestDelegate next, ILogger<OpenDataMiddleware> logger)
{
    public const string UnsupportedCultureItem = "OpenData.UnsupportedCulture";

    public async Task InvokeAsync(HttpContext context)
    {
        if (IsScalarsOwnPage(context.Request.Path))
        {
            // Scalar's own page writes an inline script, which the policy refuses: the reference is /api.
            context.Response.Redirect(OpenDataRoutes.Reference);
            return;
        }

        if (!context.Request.Path.StartsWithSegments(OpenDataRoutes.ApiBase))
        {
            await next(context);
            return;
        }

        var culture = OpenDataCulture.Resolve(context.Request, out var unsupported);
        OpenDataCulture.Apply(culture);

        // Answers are public and cached by address and Accept-Language: no cookie (the pages' language cookie included).
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.Remove(HeaderNames.SetCookie);
            context.Response.Headers.ContentLanguage = culture;
            return Task.CompletedTask;
        });

        if (unsupported is not null)
        {
            context.Items[UnsupportedCultureItem] = unsupported;
        }

        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException refused) when (!context.Response.HasStarted)
        {
            // A query value that does not bind (Development throws instead of answering 400).
            context.Response.Clear();
            context.Response.StatusCode = refused.StatusCode;
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(exception, "The open API failed to answer {Path}", context.Request.Path.Value);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }

        var response = context.Response;
        if (response.StatusCode >= 400 && !response.HasStarted && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
        {
            var text = context.RequestServices.GetRequiredService<IStringLocalizer<OpenDataText>>();
            await OpenDataProblems.ForStatus(text, response.StatusCode).ExecuteAsync(context);
        }
    }

    private static bool IsScalarsOwnPage(PathString path) =>
        path.StartsWithSegments(OpenDataRoutes.ReferenceAssets, out var rest) && !(rest.Value ?? string.Empty).Contains('.', StringComparison.Ordinal);
}
