namespace DigitalAlmaty.Web.Features.OpenData;

/// <summary>An example value for the OpenAPI document, as JSON (a string example is quoted).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class ApiExampleAttribute(string json) : Attribute
{
    public string Json { get; } = json;
}
