using System.Security.Claims;
using System.Text.Json;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Blocking;
using DigitalAlmaty.Web.Features.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace DigitalAlmaty.Web.Features.Agreement;

/// <summary>The user agreement's versions and acceptance, and blocking: services, the continued-use step, endpoints.</summary>
public static class GovernanceSetup
{
    public const string NoticeCookie = "da.agreement-notice";

    public static IServiceCollection AddPortalGovernance(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddScoped<AgreementService>();
        services.AddScoped<AgreementDataExport>();
        services.AddScoped<WriteGate>();
        services.AddScoped<GovernanceMessages>();
        services.AddScoped<UserBlockService>();
        services.AddOptions<Inactivity.AnnulmentOptions>().BindConfiguration(Inactivity.AnnulmentOptions.Section);
        services.AddScoped<Inactivity.AccountAnnulment>();
        services.AddHostedService<Inactivity.AnnulmentWatcher>();
        services.AddScoped<Security.AccountSecurity>();
        return services;
    }

    /// <summary>
    /// Clause 1.5: a signed-in request after a minor version accepts it by continued use, recorded
    /// once. Runs after authentication; reading is never interrupted.
    /// </summary>
    public static IApplicationBuilder UsePortalGovernance(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (SubmissionService.UserId(context.User) is { } userId && IsPageRequest(context.Request))
            {
                await context.RequestServices.GetRequiredService<AgreementService>().RecordContinuedUseAsync(userId);
            }

            await next(context);
        });

    private static bool IsPageRequest(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && !request.Path.StartsWithSegments("/_framework")
        && !request.Path.StartsWithSegments("/_blazor")
        && !request.Path.StartsWithSegments("/_content")
        && !request.Path.StartsWithSegments("/brand")
        && !Path.HasExtension(request.Path.Value);

    public static IEndpointRouteBuilder MapPortalGovernance(this IEndpointRouteBuilder endpoints)
    {
        // The minor-version notice is dismissed for that version (cookie), then the reader goes back.
        endpoints.MapGet("/agreement/notice/dismiss", (HttpContext context, int v, string? returnUrl) =>
        {
            context.Response.Cookies.Append(NoticeCookie, v.ToString(System.Globalization.CultureInfo.InvariantCulture), new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365),
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
            });
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        });

        // The data of a user who declined the agreement: kept for a few minutes after they were signed out.
        endpoints.MapGet("/agreement/my-data/{token}", (string token, IMemoryCache cache) =>
            cache.TryGetValue(AgreementDataExport.CacheKey(token), out byte[]? json) && json is not null
                ? Results.File(json, "application/json", "digital-almaty-my-data.json")
                : Results.NotFound());
        return endpoints;
    }

    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}

/// <summary>A simple JSON of a user's profile, submissions and acceptances (the full export comes with clause 6.1–6.3).</summary>
public sealed class AgreementDataExport(IDbContextFactory<PortalDbContext> databases, IMemoryCache cache)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string CacheKey(string token) => $"agreement-data:{token}";

    public async Task<byte[]> BuildAsync(string userId)
    {
        await using var db = await databases.CreateDbContextAsync();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId);
        var submissions = await db.Submissions.AsNoTracking().Where(s => s.AuthorId == userId).ToListAsync();
        var acceptances = await (
            from a in db.AgreementAcceptances
            join v in db.AgreementVersions on a.VersionId equals v.Id
            where a.UserId == userId
            orderby a.AcceptedAt
            select new { version = v.Number, a.AcceptedAt, how = a.How.ToString() }).ToListAsync();
        return JsonSerializer.SerializeToUtf8Bytes(new
        {
            profile = new { user.DisplayName, user.Email, user.PreferredCulture, user.CreatedAt },
            submissions = submissions.Select(s => new { s.Id, kind = s.Kind.ToString(), s.Title, status = s.Status.ToString(), s.CreatedAt, s.UpdatedAt }),
            acceptances,
        }, Json);
    }

    /// <summary>Keeps the data for ten minutes under a random token and returns the token.</summary>
    public async Task<string> KeepAsync(string userId)
    {
        var token = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        cache.Set(CacheKey(token), await BuildAsync(userId), TimeSpan.FromMinutes(10));
        return token;
    }
}
