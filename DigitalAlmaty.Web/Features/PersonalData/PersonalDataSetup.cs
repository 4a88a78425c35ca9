using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Web.Features.Security;

namespace DigitalAlmaty.Web.Features.PersonalData;

/// <summary>The user data export (6.1–6.3, 4.4.6): its sections and the download endpoints.</summary>
public static class PersonalDataSetup
{
    public const string FileName = "digital-almaty-my-data.json";

    public static IServiceCollection AddPortalPersonalData(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddScoped<UserDataExport>();
        services.AddScoped<IUserDataSection, ProfileSection>();
        services.AddScoped<IUserDataSection, SubmissionsSection>();
        services.AddScoped<IUserDataSection, DecisionsSection>();
        services.AddScoped<IUserDataSection, AcceptancesSection>();
        services.AddScoped<IUserDataSection, BlocksSection>();
        services.AddScoped<IUserDataSection, FlagsSection>();
        services.AddScoped<IUserDataSection, ParticipationSection>();
        services.AddScoped<IUserDataSection, ClaimsSection>();
        services.AddScoped<IUserDataSection, NotificationsSection>();
        services.AddScoped<IUserDataSection, SignInsSection>();
        services.AddScoped<IUserDataSection, AuditSection>();
        return services;
    }

    public static IEndpointRouteBuilder MapPortalPersonalData(this IEndpointRouteBuilder endpoints)
    {
        // The data of a user who declined the agreement: one download within a few minutes after they were signed out.
        endpoints.MapGet("/agreement/my-data/{token}", async (string token, HttpContext http, UserDataExport export) =>
        {
            if (await export.TakeSelfAsync(token, http.RequestAborted) is not { } json)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "private, no-store";
            return Results.File(json, "application/json", FileName);
        }).WithMetadata(new TokenInAddressAttribute());

        // An administrator's prepared disclosure: Admin only (here and again in the service), once, by the one who asked.
        endpoints.MapGet("/admin/users/export/{token}", (string token, HttpContext http, UserDataExport export) =>
            export.TakeForAdministrator(http.User, token) is { } download
                ? Results.File(download.Json, "application/json", $"digital-almaty-user-{download.UserId}.json")
                : Results.NotFound())
            .RequireAuthorization(policy => policy.RequireRole(PortalRoles.Admin))
            .WithMetadata(new TokenInAddressAttribute());
        return endpoints;
    }
}
