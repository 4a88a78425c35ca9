using System.Text;
using DiffPlex;
using DiffPlex.Chunkers;
using DigitalAlmaty.Domain.Submissions;

namespace DigitalAlmaty.Web.Features.Moderation;

/// <summary>One field that changed between the last two submitted versions, word by word.</summary>
public sealed record FieldDiff(string Field, IReadOnlyList<DiffSegment> Segments)
{
    /// <summary>Every field that differs between the previous and the latest version; empty for a first submission.</summary>
    public static IReadOnlyList<FieldDiff> BetweenLastTwo(Submission item)
    {
        if (item.Versions.Count < 2)
        {
            return [];
        }

        var ordered = item.Versions.OrderBy(v => v.Number).ToList();
        var before = ordered[^2].Fields;
        var after = ordered[^1].Fields;
        var result = new List<FieldDiff>();
        foreach (var field in after.Keys.Union(before.Keys))
        {
            var old = before.GetValueOrDefault(field) ?? string.Empty;
            var now = after.GetValueOrDefault(field) ?? string.Empty;
            if (!string.Equals(old, now, StringComparison.Ordinal))
            {
                result.Add(new FieldDiff(field, Words(old, now)));
            }
        }

        return result;
    }

    /// <summary>The words of <paramref name="old"/> and <paramref name="now"/> as kept, deleted and inserted runs.</summary>
    public static IReadOnlyList<DiffSegment> Words(string old, string now)
    {
        var diff = Differ.Instance.CreateDiffs(old, now, ignoreWhiteSpace: false, ignoreCase: false, WordChunker.Instance);
        var segments = new List<DiffSegment>();
        int a = 0, b = 0;
        foreach (var block in diff.DiffBlocks)
        {
            for (; a < block.DeleteStartA; a++, b++)
            {
                Add(segments, DiffKind.Same, diff.PiecesOld[a]);
            }

            for (var i = 0; i < block.DeleteCountA; i++, a++)
            {
                Add(segments, DiffKind.Deleted, diff.PiecesOld[a]);
            }

            for (b = block.InsertStartB; b < block.InsertStartB + block.InsertCountB; b++)
            {
                Add(segments, DiffKind.Inserted, diff.PiecesNew[b]);
            }
        }

        for (; a < diff.PiecesOld.Count; a++)
        {
            Add(segments, DiffKind.Same, diff.PiecesOld[a]);
        }

        return segments;
    }

    private static void Add(List<DiffSegment> segments, DiffKind kind, string text)
    {
        if (segments.Count > 0 && segments[^1].Kind == kind)
        {
            segments[^1] = segments[^1] with { Text = new StringBuilder(segments[^1].Text).Append(text).ToString() };
        }
        else
        {
            segments.Add(new DiffSegment(kind, text));
        }
    }
}
