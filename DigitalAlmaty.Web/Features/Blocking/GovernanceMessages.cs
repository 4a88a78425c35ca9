using System.Globalization;
using DigitalAlmaty.Domain.Time;
using DigitalAlmaty.Web.Resources;
using Microsoft.Extensions.Localization;

namespace DigitalAlmaty.Web.Features.Blocking;

/// <summary>Block and agreement messages in the reader's language.</summary>
public sealed class GovernanceMessages(IStringLocalizer<GovernanceText> text)
{
    /// <summary>"Blocked until 1 March 2027, 10:00 (clause 4.3.5): message" or the permanent form.</summary>
    public string Blocked(DateTimeOffset until, string? clause, string? reason) =>
        until == DateTimeOffset.MaxValue
            ? text["Blocked.Permanent", clause ?? "—", reason ?? string.Empty]
            : text["Blocked.Until", When(until), clause ?? "—", reason ?? string.Empty];

    public string Refusal(WriteRefusal refusal) =>
        refusal.Code == WriteRefusal.Blocked && refusal.BlockedUntil is { } until
            ? Blocked(until, refusal.Clause, refusal.Reason)
            : text[refusal.Code];

    public static string When(DateTimeOffset instant)
    {
        var local = AlmatyTime.ToLocal(instant);
        return $"{local.ToString("d MMMM yyyy", CultureInfo.CurrentCulture)}, {local.ToString("HH:mm", CultureInfo.CurrentCulture)}";
    }
}
