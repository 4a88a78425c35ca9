using System.Text.Json;
using DigitalAlmaty.Web.Data.Auditing;
using DigitalAlmaty.Web.Features.Agreement;
using DigitalAlmaty.Web.Features.Blocking;
using DigitalAlmaty.Web.Features.Claims;
using DigitalAlmaty.Web.Features.Flags;
using DigitalAlmaty.Web.Features.Inactivity;
using DigitalAlmaty.Web.Features.Moderation;
using DigitalAlmaty.Web.Features.PersonalData;
using DigitalAlmaty.Web.Features.Security;

namespace DigitalAlmaty.Web.Features.Admin;

/// <summary>
/// Every action the audit log holds, each with the type of its details, as the features that perform
/// them declare it. Admin sits above all of them, so the log's reader can know every payload while
/// no writer knows the page.
/// </summary>
internal static class AuditPayloads
{
    private static readonly Dictionary<string, Func<string?, object?>> Readers = new(StringComparer.Ordinal);

    private static readonly List<string> Names = [];

    /// <summary>The action names in the order the audit page's filter offers them.</summary>
    public static IReadOnlyList<string> Actions => Names;

    static AuditPayloads()
    {
        foreach (var decision in ModerationDecisionAudit.Actions)
        {
            Add(decision);
        }

        // A moderator's hide and a hide by a block share the action; the block's rows carry "block": true.
        Readers[BlockHideAudit.Hidden.Name] = details =>
            IsBlockHide(details) ? Audit.Read<BlockHideAudit>(details) : Audit.Read<ModerationDecisionAudit>(details);

        Add(FlagsDismissalAudit.Dismissed);
        Add(AgreementPublicationAudit.Published);
        Add(BlockAudit.Blocked);
        Add(UnblockAudit.Unblocked);
        Add(StaffRoleAudit.Granted);
        Add(StaffRoleAudit.Revoked);
        Add(DataExportAudit.Exported);
        Add(UnauthorisedAccessAudit.Reported);
        Add(AnnulmentAudit.Annulled);
        Add(AnnulmentRunAudit.Run);
        Add(ClaimTakenAudit.Taken);
        Add(ClaimAnswerAudit.Answered);
        Add(Participation.CityAnswerAudit.Answered);
        Add(Participation.CommentAudit.Hidden);
        Add(Participation.CommentAudit.Restored);
        Add(Participation.CommentAudit.Dismissed);
        Add(Participation.CommentAudit.Approved);
    }

    /// <summary>A static method, not a local function: the layering test cannot place a local function's type parameter.</summary>
    private static void Add<TPayload>(AuditAction<TPayload> action)
        where TPayload : class
    {
        Names.Add(action.Name);
        Readers[action.Name] = Audit.Read<TPayload>;
    }

    /// <summary>The details of one row as its action's payload; null for an unknown action or details of another shape.</summary>
    public static object? Read(string action, string? details) =>
        Readers.TryGetValue(action, out var read) ? read(details) : null;

    private static bool IsBlockHide(string? details)
    {
        if (string.IsNullOrWhiteSpace(details))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(details);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("block", out var block) && block.ValueKind == JsonValueKind.True;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
