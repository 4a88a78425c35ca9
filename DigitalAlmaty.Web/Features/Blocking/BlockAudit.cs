using System.Globalization;
using System.Text.Json.Serialization;
using DigitalAlmaty.Web.Data.Auditing;

namespace DigitalAlmaty.Web.Features.Blocking;

/// <summary>The audit details of a user blocked: the clause, the message shown to the user, until when, and whether the published items were hidden too.</summary>
/// <param name="Until"><see cref="Permanent"/> or an ISO 8601 instant, the shape rows have had from the start.</param>
public sealed record BlockAudit(IReadOnlyList<string> Clauses, string Message, string Until, bool HidePublished)
{
    public const string Permanent = "permanent";

    public static readonly AuditAction<BlockAudit> Blocked = new("User.Block");

    /// <summary>The end of the block; null when it is permanent (or unreadable).</summary>
    [JsonIgnore]
    public DateTimeOffset? Ends =>
        DateTimeOffset.TryParse(Until, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) ? instant : null;

    public static string UntilText(DateTimeOffset? until) =>
        until is { } instant ? instant.ToString("O", CultureInfo.InvariantCulture) : Permanent;
}
