using DigitalAlmaty.Web.Resources;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;

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
        if (!context.Request.Path.StartsWithSegments(OpenDataRoutes.ApiBase))
        {
            await next(context);
            return;
        }

        OpenDataCulture.Apply(OpenDataCulture.Resolve(context.Request, out var unsupported));
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
}
