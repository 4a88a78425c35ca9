namespace DigitalAlmaty.Web.Features.OpenData;

/// <summary>Addresses of the open API, its contract and its reference page.</summary>
public static class OpenDataRoutes
{
    public const string ApiBase = "/api/v1";

    public const string Document = "/openapi/v1.json";

    /// <summary>The readable reference (Scalar), linked from the footer.</summary>
    public const string Reference = "/api";

    /// <summary>Scalar's own script files, served by the portal (never a CDN).</summary>
    public const string ReferenceAssets = "/api/reference";

    public const string Ideas = ApiBase + "/ideas";

    public const string Events = ApiBase + "/events";

    public const string Publications = ApiBase + "/publications";

    public const string Search = ApiBase + "/search";
}
