namespace DigitalAlmaty.Web.Features.Operations;

/// <summary>The operator's page, relative to the base (its <c>@page</c> directive repeats it).</summary>
public static class OperationsRoutes
{
    public const string System = "admin/system";
}
