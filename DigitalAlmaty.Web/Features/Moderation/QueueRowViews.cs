using System.Globalization;
using System.Text.Encodings.Web;
using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Features.Catalog;
using DigitalAlmaty.Web.Resources;
using Microsoft.Extensions.Localization;

namespace DigitalAlmaty.Web.Features.Moderation;

/// <summary>
/// The markup of one queue screen's rows (<see cref="QueueRowView"/>), kept between renders: an
/// unchanged row is the same string and the list's diff skips it. Generation -1 marks one row for a
/// rebuild; <see cref="NextGeneration"/> (a tick) rebuilds all of them; a rebuilt view equal to the
/// old one is dropped. Every row repeats a few labels; each localizer lookup builds a cache key and
/// searches the resources, so the screen keeps the handful of strings it shows (a circuit's culture
/// does not change).
/// </summary>
public sealed class QueueRowViews(
    IStringLocalizer<ModerationText> moderationText,
    IStringLocalizer<SubmissionText> submissionText,
    IStringLocalizer<CatalogText> catalogText,
    HtmlEncoder html,
    double serviceLevelHours,
    Func<Guid?> selected,
    IReadOnlySet<Guid> fresh,
    QueuePresenceMarks presence)
{
    private readonly Dictionary<Guid, (QueueRow Row, QueueRowView View, int Generation)> _views = [];
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _categoryLabels = new(StringComparer.Ordinal);
    private readonly string?[] _kindLabels = new string?[Enum.GetValues<SubmissionKind>().Length];
    private int _generation;
    private string? _lateText;

    /// <summary>The server's clock as of the last tick: a row's age and its service-level mark are taken from it.</summary>
    public DateTimeOffset Now { get; set; }

    /// <summary>The localized templates the browser uses to move the rows' ages on.</summary>
    public AgeWording AgeWording() => new(
        Text("Queue.Waiting") + ": ", Text("Age.JustNow"), Text("Age.Minutes"), Text("Age.Hours"), Text("Age.Days"), Now.ToUnixTimeMilliseconds());

    public QueueRowView ViewFor(QueueRow row)
    {
        var isSelected = row.Id == selected();
        var isFresh = fresh.Contains(row.Id);
        var known = _views.TryGetValue(row.Id, out var entry) ? entry.View : null;
        if (known is not null && entry.Generation == _generation && ReferenceEquals(entry.Row, row)
            && known.Selected == isSelected && known.Fresh == isFresh)
        {
            return known;
        }

        var id = row.Id;
        var age = Now - row.SubmittedAt;
        var late = age.TotalHours >= serviceLevelHours;
        var reviewers = presence.NamesFor(id);
        var view = QueueRowView.Create(id, RowClass(isSelected, late, isFresh), isSelected, new QueueRowView.Labels(
            KindLabel(row.Kind),
            CategoryLabel(row.Category),
            row.IsResubmission ? Text("Queue.Resubmission") : null,
            isFresh ? Text("Queue.New") : null,
            string.IsNullOrWhiteSpace(row.Title) ? "—" : row.Title,
            PublicCatalog.AuthorName(catalogText, row.AuthorName),
            Text("Queue.Waiting"),
            Text("Queue.Waiting") + ": " + Age(age),
            row.SubmittedAt,
            late ? _lateText ??= "⚠ " + moderationText["Queue.Late", serviceLevelHours].Value : null,
            reviewers is { Length: > 0 } ? "👁 " + moderationText["Queue.ReviewedBy", reviewers].Value : null), html);
        if (known is not null && view == known)
        {
            view = known;
        }

        _views[id] = (row, view, _generation);
        return view;
    }

    /// <summary>True when a shown row crossed the service level since its view was built.</summary>
    public bool LatenessChanged(IEnumerable<QueueRow> rows)
    {
        var serviceLevel = TimeSpan.FromHours(serviceLevelHours);
        return rows.Any(row => _views.TryGetValue(row.Id, out var entry) && entry.View.Late != (Now - row.SubmittedAt >= serviceLevel));
    }

    /// <summary>Every row is built again on its next render (the presence marks or the lateness changed).</summary>
    public void NextGeneration() => _generation++;

    /// <summary>One row is built again on its next render.</summary>
    public void Invalidate(Guid id)
    {
        if (_views.TryGetValue(id, out var entry))
        {
            _views[id] = entry with { Generation = -1 };
        }
    }

    public void Forget(Guid id) => _views.Remove(id);

    public void Clear() => _views.Clear();

    private static string RowClass(bool selected, bool late, bool fresh) =>
        "queue-row" + (selected ? " queue-row--selected" : null) + (late ? " queue-row--late" : null) + (fresh ? " queue-row--new" : null);

    private string Age(TimeSpan age)
    {
        if (age < TimeSpan.FromMinutes(1))
        {
            return Text("Age.JustNow");
        }

        var culture = CultureInfo.CurrentCulture;
        if (age < TimeSpan.FromHours(1))
        {
            return string.Format(culture, Text("Age.Minutes"), (int)age.TotalMinutes);
        }

        return age < TimeSpan.FromDays(1)
            ? string.Format(culture, Text("Age.Hours"), (int)age.TotalHours, age.Minutes)
            : string.Format(culture, Text("Age.Days"), (int)age.TotalDays, age.Hours);
    }

    private string Text(string key)
    {
        if (!_texts.TryGetValue(key, out var text))
        {
            _texts[key] = text = moderationText[key].Value;
        }

        return text;
    }

    private string KindLabel(SubmissionKind kind)
    {
        var index = (int)kind;
        if (index < 0 || index >= _kindLabels.Length)
        {
            return submissionText["Kind." + kind].Value;
        }

        return _kindLabels[index] ??= submissionText["Kind." + kind].Value;
    }

    private string? CategoryLabel(string? category)
    {
        if (category is null || !IdeaCategories.IsKnown(category))
        {
            return null;
        }

        if (!_categoryLabels.TryGetValue(category, out var label))
        {
            _categoryLabels[category] = label = submissionText["Category." + category].Value;
        }

        return label;
    }
}
