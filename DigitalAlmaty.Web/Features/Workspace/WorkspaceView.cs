using DigitalAlmaty.Domain.Events;
using DigitalAlmaty.Domain.Submissions;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace DigitalAlmaty.Web.Features.Workspace;

/// <summary>How the workspace and the public pages present a submission: colours, labels, links.</summary>
public static class WorkspaceView
{
    /// <summary>The most an answer to a moderator may hold; it travels over the circuit in one message.</summary>
    public const int AnswerMaxLength = 2000;

    public static Color StatusColor(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Submitted => Color.Info,
        SubmissionStatus.InformationRequested => Color.Warning,
        SubmissionStatus.Published => Color.Success,
        SubmissionStatus.Rejected => Color.Error,
        SubmissionStatus.Hidden => Color.Dark,
        _ => Color.Default,
    };

    public static string Title(string? title, IStringLocalizer untitled) =>
        string.IsNullOrWhiteSpace(title) ? untitled["My.Untitled"] : title;

    public static string Languages(EventLanguages languages, IStringLocalizer text) =>
        string.Join(", ", Enum.GetValues<EventLanguages>()
            .Where(l => l != EventLanguages.None && languages.HasFlag(l))
            .Select(l => text["Language." + l].Value));

    public static bool TryParseStatus(string? value, out SubmissionStatus status) =>
        Enum.TryParse(value, ignoreCase: true, out status) && Enum.IsDefined(status);
}
