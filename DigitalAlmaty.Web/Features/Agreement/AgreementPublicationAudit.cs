using DigitalAlmaty.Web.Data.Auditing;

namespace DigitalAlmaty.Web.Features.Agreement;

/// <summary>The audit details of an agreement version published: its summary of changes and the day it takes effect.</summary>
public sealed record AgreementPublicationAudit(string Message, DateOnly EffectiveFrom)
{
    public static readonly AuditAction<AgreementPublicationAudit> Published = new("Agreement.Publish");
}
