namespace DigitalAlmaty.Web.Features.Participation;

/// <summary>
/// The one-click unsubscribe of RFC 8058: mail programs POST <c>List-Unsubscribe=One-Click</c> to the
/// address in the letter's <c>List-Unsubscribe</c> header. The signed token is the whole authority (no
/// cookie is read), so there is no antiforgery token to check. A person who opens the address gets
/// the confirmation page instead: a GET never unsubscribes (link scanners open links).
/// </summary>
public static class DigestEndpoints
{
    public static IEndpointRouteBuilder MapPortalDigests(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/digest/one-click", async (HttpContext http, DigestSubscriptions subscriptions) =>
            {
                // A mail program reads the status only; the portal's status page (a form page) is not for it.
                if (http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
                {
                    pages.Enabled = false;
                }

                return await subscriptions.UnsubscribeAsync(http.Request.Query["token"]) ? Results.Ok() : Results.NotFound();
            })
            .DisableAntiforgery()
            .RequireRateLimiting(Security.RateLimits.ParticipationPolicy);
        endpoints.MapGet("/digest/one-click", (HttpContext http) =>
            Results.Redirect("/digest/unsubscribe?token=" + Uri.EscapeDataString(http.Request.Query["token"].ToString())));
        return endpoints;
    }
}
