using DigitalAlmaty.Domain.Submissions;

namespace DigitalAlmaty.Web.Features.Submissions;

/// <summary>
/// Addresses of ideas and events and of their author's workspace, relative to the base (no leading
/// slash). The pages live higher up (Ideas, Events, Workspace), but the editors here and Notifications
/// link to them, so the addresses sit with the lifecycle both kinds share. The <c>@page</c>
/// directives must stay literal and repeat these.
/// </summary>
public static class SubmissionRoutes
{
    /// <summary>The author's workspace (<c>/my</c>).</summary>
    public const string Mine = "my";

    public static string Segment(SubmissionKind kind) => kind == SubmissionKind.Idea ? "ideas" : "events";

    /// <summary>The public page of a published item.</summary>
    public static string Item(SubmissionKind kind, Guid id) => $"{Segment(kind)}/{id}";

    public static string New(SubmissionKind kind) => $"{Segment(kind)}/new";

    public static string Edit(SubmissionKind kind, Guid id) => $"{Segment(kind)}/{id}/edit";

    /// <summary>One item in its author's workspace.</summary>
    public static string MyItem(Guid id) => $"{Mine}/{id}";
}
