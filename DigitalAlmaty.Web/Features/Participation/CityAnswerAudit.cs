using DigitalAlmaty.Domain.Participation;
using DigitalAlmaty.Web.Data.Auditing;

namespace DigitalAlmaty.Web.Features.Participation;

/// <summary>The audit details of the city's answer to an idea: the status set and the Russian text.</summary>
public sealed record CityAnswerAudit(CityStatus Status, string Text)
{
    public static readonly AuditAction<CityAnswerAudit> Answered = new("City.Answer");
}
