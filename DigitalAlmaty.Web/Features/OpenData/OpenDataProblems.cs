using DigitalAlmaty.Web.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace DigitalAlmaty.Web.Features.OpenData;

/// <summary>The API's errors as RFC 9457 problem details (application/problem+json), titled in the response's language.</summary>
public static class OpenDataProblems
{
    public static ProblemHttpResult BadQuery(IStringLocalizer<OpenDataText> text, string detail) =>
        Problem(StatusCodes.Status400BadRequest, text["Problem.BadQuery"], detail);

    public static ProblemHttpResult NotFound(IStringLocalizer<OpenDataText> text) =>
        Problem(StatusCodes.Status404NotFound, text["Problem.NotFound"], text["Problem.NotFoundDetail"]);

    /// <summary>For a status set without a body by the pipeline (routing, binding, the rate limiter) or an exception.</summary>
    public static ProblemHttpResult ForStatus(IStringLocalizer<OpenDataText> text, int status) => status switch
    {
        StatusCodes.Status400BadRequest => Problem(status, text["Problem.BadQuery"], null),
        StatusCodes.Status404NotFound => Problem(status, text["Problem.NotFound"], text["Problem.NoSuchAddress"]),
        StatusCodes.Status405MethodNotAllowed => Problem(status, text["Problem.MethodNotAllowed"], null),
        StatusCodes.Status429TooManyRequests => Problem(status, text["Problem.TooMany"], text["Problem.TooManyDetail"]),
        >= 500 => Problem(status, text["Problem.Error"], text["Problem.ErrorDetail"]),
        _ => Problem(status, null, null),
    };

    private static ProblemHttpResult Problem(int status, string? title, string? detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);
}
