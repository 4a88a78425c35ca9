using System.Globalization;
using DigitalAlmaty.Domain.Time;
using DigitalAlmaty.Web.Features.Agreement;
using DigitalAlmaty.Web.Features.Blocking;
using DigitalAlmaty.Web.Features.Claims;
using DigitalAlmaty.Web.Features.Flags;
using DigitalAlmaty.Web.Features.Inactivity;
using DigitalAlmaty.Web.Features.Moderation;
using DigitalAlmaty.Web.Features.PersonalData;
using DigitalAlmaty.Web.Features.Security;
using DigitalAlmaty.Web.Resources;
using Microsoft.Extensions.Localization;

namespace DigitalAlmaty.Web.Features.Admin;

/// <summary>
/// The details of an audit row as lines in the reader's language, one payload type at a time. Details
/// no payload type can read (an action this build does not know, a row of another shape) are shown as
/// they are stored; the page encodes them.
/// </summary>
internal sealed class AuditDetailLines(IStringLocalizer<AdminText> a, IStringLocalizer<GovernanceText> g)
{
    /// <summary>A claim's answer can be pages long; the claim's own page has it whole.</summary>
    public const int AnswerPreviewLength = 300;

    public IEnumerable<string> For(string action, string? details)
    {
        if (string.IsNullOrWhiteSpace(details))
        {
            return [];
        }

        return AuditPayloads.Read(action, details) is { } payload ? Lines(payload).OfType<string>() : [details];
    }

    private IEnumerable<string?> Lines(object payload) => payload switch
    {
        ModerationDecisionAudit decision => [Clauses(decision.Clauses), Message(decision.Message)],
        BlockHideAudit hide => [Clauses(hide.Clauses), a["Audit.HiddenByBlock"], Message(hide.Message)],
        FlagsDismissalAudit dismissal => [Clauses(dismissal.Clauses), a["Audit.Flags", dismissal.Flags], Message(dismissal.Message)],
        AgreementPublicationAudit publication =>
            [a["Audit.EffectiveFrom", publication.EffectiveFrom.ToString("d MMMM yyyy", CultureInfo.CurrentCulture)], Message(publication.Message)],
        BlockAudit block =>
        [
            Clauses(block.Clauses),
            block.Until == BlockAudit.Permanent ? a["Audit.Permanent"] : a["Audit.Until", block.Ends is { } ends ? Moment(ends) : block.Until],
            block.HidePublished ? a["Audit.HidePublished"].Value : null,
            Message(block.Message),
        ],
        StaffRoleAudit role => [a["Audit.Role", RoleName(role.Role)], a["Audit.Reason", role.Reason]],
        DataExportAudit export => [a["Audit.Reason", export.Reason]],
        UnauthorisedAccessAudit report => [Clauses(report.Clauses)],
        AnnulmentAudit annulment => [Clauses(annulment.Clauses), a["Audit.LastActivity", Moment(annulment.LastActivity)]],
        AnnulmentRunAudit run => [Clauses(run.Clauses), a["Audit.AnnulmentCounts", run.FirstWarnings, run.FinalWarnings, run.Annulled]],
        ClaimTakenAudit taken => [a["Audit.ClaimNumber", taken.Number]],
        ClaimAnswerAudit answer => [a["Audit.ClaimNumber", answer.Number], a["Audit.Answer", Preview(answer.Extra.Answer)]],
        Participation.CityAnswerAudit answer => [a["Audit.CityStatus", answer.Status.ToString()], a["Audit.Answer", Preview(answer.Text)]],
        Participation.CommentAudit comment => [comment.Clause is null ? null : a["Audit.Clauses", comment.Clause].Value, a["Audit.Flags", comment.Reports]],
        _ => [],
    };

    private string? Clauses(IReadOnlyList<string> clauses) => clauses.Count == 0 ? null : a["Audit.Clauses", string.Join(", ", clauses)].Value;

    private string? Message(string? message) => string.IsNullOrWhiteSpace(message) ? null : a["Audit.Message", message].Value;

    private static string Moment(DateTimeOffset instant) =>
        AlmatyTime.ToLocal(instant).ToString("d MMMM yyyy, HH:mm", CultureInfo.CurrentCulture);

    private string RoleName(string role)
    {
        var text = g["Role." + role];
        return text.ResourceNotFound ? role : text.Value;
    }

    private static string Preview(string text) =>
        text.Length <= AnswerPreviewLength ? text : string.Concat(text.AsSpan(0, AnswerPreviewLength).TrimEnd(), "…");
}
