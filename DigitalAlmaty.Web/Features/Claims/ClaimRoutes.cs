namespace DigitalAlmaty.Web.Features.Claims;

/// <summary>The public claim form and the administrators' register, relative to the base (the <c>@page</c> directives repeat them).</summary>
public static class ClaimRoutes
{
    public const string New = "claims/new";

    public const string Register = "admin/claims";

    public static string RegisterWith(string status) => $"admin/claims?status={Uri.EscapeDataString(status)}";

    public static string Item(Guid id) => $"admin/claims/{id}";
}
