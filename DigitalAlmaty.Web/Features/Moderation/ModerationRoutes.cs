namespace DigitalAlmaty.Web.Features.Moderation;

/// <summary>The moderation queue and one item in it, relative to the base (the <c>@page</c> directives repeat them).</summary>
public static class ModerationRoutes
{
    public const string Queue = "moderation";

    public static string Item(Guid id) => $"moderation/{id}";
}
