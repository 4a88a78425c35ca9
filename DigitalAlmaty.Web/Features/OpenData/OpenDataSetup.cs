using System.Text.Json.Nodes;
using DigitalAlmaty.Web.Features.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace DigitalAlmaty.Web.Features.OpenData;

/// <summary>
/// The open API's services (its contract, CORS), its middleware and its endpoints: <c>/api/v1</c>,
/// the OpenAPI 3.1 document at <c>/openapi/v1.json</c> and the readable reference at <c>/api</c>.
/// </summary>
public static class OpenDataSetup
{
    /// <summary>Any origin may read the API with GET (CORS); nothing else of the portal is shared.</summary>
    public const string CorsPolicy = "open-data";

    public const string DocumentName = "v1";

    public static IServiceCollection AddPortalOpenData(this IServiceCollection services)
    {
        services.AddSingleton<ApiItems>();
        services.AddSingleton<OpenDataResponseFilter>();
        services.AddCors(options => options.AddPolicy(CorsPolicy, policy => policy
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get)
            .WithHeaders("Accept", "Accept-Language", "If-None-Match")
            .WithExposedHeaders("ETag", "Retry-After", "Content-Language")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        services.AddOpenApi(DocumentName, options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer<OpenDataDocumentTransformer>();
            options.AddOperationTransformer((operation, _, _) =>
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = "culture",
                    In = ParameterLocation.Query,
                    Description = "Language of the names, the attribution and the errors: ru-RU (default), kk-KZ or en-US. Without it, the Accept-Language header decides.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("ru-RU"), JsonValue.Create("kk-KZ"), JsonValue.Create("en-US")] },
                    Example = JsonValue.Create("kk-KZ"),
                });
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                if (context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(ApiExampleAttribute), inherit: false) is [ApiExampleAttribute example, ..])
                {
                    schema.Examples = [JsonNode.Parse(example.Json)!];
                }

                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>CORS, then the API's language and problem answers; before the rate limiter, so that a refusal is readable cross-origin and written as problem details.</summary>
    public static IApplicationBuilder UsePortalOpenData(this IApplicationBuilder app) =>
        app.UseCors().UseMiddleware<OpenDataMiddleware>();

    public static void MapPortalOpenData(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").RequireRateLimiting(RateLimits.ApiPolicy);
        app.MapOpenDataEndpoints()
            .RequireCors(CorsPolicy)
            .RequireRateLimiting(RateLimits.ApiPolicy)
            .AddEndpointFilter<OpenDataResponseFilter>()
            .WithMetadata(
                new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified),
                Problem(StatusCodes.Status400BadRequest),
                Problem(StatusCodes.Status404NotFound),
                Problem(StatusCodes.Status429TooManyRequests));
        app.MapApiReference();
    }

    private static ProducesResponseTypeMetadata Problem(int status) =>
        new(status, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]);

    private static void MapApiReference(this WebApplication app)
    {
        app.MapGet(OpenDataRoutes.Reference, () => new RazorComponentResult<ApiReferenceDocument>())
            .ExcludeFromDescription()
            .WithMetadata(new InlineStylesAttribute());
        app.MapScalarApiReference(OpenDataRoutes.ReferenceAssets).ExcludeFromDescription();
    }
}
