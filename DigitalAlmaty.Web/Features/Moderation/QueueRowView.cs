using Microsoft.AspNetCore.Components;

namespace DigitalAlmaty.Web.Features.Moderation;

/// <summary>
/// What one queue row shows, computed once by the queue page and kept while nothing in it changed
/// (value equality: a rebuilt view equal to the last one is dropped and the row is not rendered).
/// The click handler is an <see cref="EventCallback"/> made by the page, so after a click the page
/// (not the row) renders again and opens the item.
/// </summary>
public sealed record QueueRowView(
    Guid Id,
    string CssClass,
    string KindLabel,
    string? CategoryLabel,
    string? ResubmissionLabel,
    string? NewLabel,
    string Title,
    bool Selected,
    EventCallback OnSelect,
    string AuthorName,
    string WaitingLabel,
    string AgeText,
    string? LateText,
    string? PresenceText);
