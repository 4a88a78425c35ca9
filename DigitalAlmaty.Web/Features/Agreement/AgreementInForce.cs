using DigitalAlmaty.Domain.Time;
using DigitalAlmaty.Web.Components.Shared;

namespace DigitalAlmaty.Web.Features.Agreement;

/// <summary>
/// Which version of the agreement was in force at a moment, and where a clause's text is in it
/// (<c>agreement/versions/{n}#{clause}</c>), so that a moderator's decision or a reader's report
/// points at the words that applied when it was made, not at today's version. A version is in force
/// from its effective date in Almaty (1.4), as <see cref="AgreementService.CurrentAsync()"/> decides.
/// </summary>
public sealed class AgreementInForce
{
    private readonly (int Number, DateOnly EffectiveFrom)[] _versions;

    public AgreementInForce(IEnumerable<(int Number, DateOnly EffectiveFrom)> versions) =>
        _versions = versions.OrderByDescending(v => v.Number).ToArray();

    /// <summary>No version published: nothing to link to.</summary>
    public static AgreementInForce None { get; } = new([]);

    /// <summary>The number of the version in force at <paramref name="at"/>, or null when none was yet.</summary>
    public int? VersionAt(DateTimeOffset at)
    {
        var day = AlmatyTime.Today(at);
        foreach (var (number, effectiveFrom) in _versions)
        {
            if (effectiveFrom <= day)
            {
                return number;
            }
        }

        return null;
    }

    /// <summary>The clause's text in the version in force at <paramref name="at"/> (relative to the base address), or null.</summary>
    public string? ClauseLink(string? clause, DateTimeOffset at) =>
        ClauseAnchor(clause) is { } anchor && VersionAt(at) is { } number ? Link(number, anchor) : null;

    public static string Link(int number, string anchor) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"agreement/versions/{number}#{anchor}");

    /// <summary>
    /// The anchor of a cited clause: its number, digits and dots only. An id that names a part of a
    /// clause in words (<c>4.3.11.impersonation</c>) points at the clause it belongs to (4.3.11);
    /// anything else gets no anchor at all.
    /// </summary>
    public static string? ClauseAnchor(string? clause)
    {
        if (NumberedClauses.IsClauseId(clause))
        {
            return clause;
        }

        var cut = clause?.LastIndexOf('.') ?? -1;
        return cut > 0 && clause![(cut + 1)..] is { Length: > 0 } part && part.All(char.IsAsciiLetterLower) && NumberedClauses.IsClauseId(clause[..cut])
            ? clause[..cut]
            : null;
    }
}
