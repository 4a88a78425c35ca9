using DigitalAlmaty.Domain.Participation;

namespace DigitalAlmaty.Web.Data;

/// <summary>
/// One step of the city's answer to a published idea: a status and its explanation, in Russian and
/// where given in Kazakh and English. Signed publicly by the department; the staff member who wrote
/// it is kept for the audit only.
/// </summary>
public sealed class CityAnswer
{
    public long Id { get; set; }

    public Guid IdeaId { get; set; }

    public CityStatus Status { get; set; }

    public string TextRu { get; set; } = string.Empty;

    public string? TextKk { get; set; }

    public string? TextEn { get; set; }

    public DateTimeOffset AnsweredAt { get; set; }

    public string AuthorId { get; set; } = string.Empty;
}
