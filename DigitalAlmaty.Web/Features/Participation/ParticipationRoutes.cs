using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Features.Submissions;

namespace DigitalAlmaty.Web.Features.Participation;

/// <summary>Where supports, follows and the city's answers are posted (the pages' <c>@page</c> directives repeat these).</summary>
public static class ParticipationRoutes
{
    /// <summary>Supporting and following an idea: the forms on its page post here.</summary>
    public static string Participate(Guid ideaId) => $"{SubmissionRoutes.Item(SubmissionKind.Idea, ideaId)}/participate";

    /// <summary>The staff's form for the city's answer to an idea.</summary>
    public static string Answer(Guid ideaId) => $"{SubmissionRoutes.Item(SubmissionKind.Idea, ideaId)}/answer";

    /// <summary>The sign-in page, coming back to <paramref name="anchor"/> on the item's page afterwards.</summary>
    public static string SignInBackTo(SubmissionKind kind, Guid id, string anchor) =>
        "Identity/Account/Login?ReturnUrl=" + Uri.EscapeDataString($"/{SubmissionRoutes.Item(kind, id)}#{anchor}");
}
