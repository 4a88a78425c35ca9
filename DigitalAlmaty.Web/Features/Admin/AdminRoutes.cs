namespace DigitalAlmaty.Web.Features.Admin;

/// <summary>The administrators' screens, relative to the base (the <c>@page</c> directives repeat them).</summary>
public static class AdminRoutes
{
    public const string Users = "admin/users";

    public const string Audit = "admin/audit";

    public const string Inactive = "admin/inactive";
}
