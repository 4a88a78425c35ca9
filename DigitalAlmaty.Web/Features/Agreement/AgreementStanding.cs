using DigitalAlmaty.Web.Data;

namespace DigitalAlmaty.Web.Features.Agreement;

/// <summary>Where a signed-in user stands with the agreement in force.</summary>
public sealed record AgreementStanding(AgreementVersion? Current, AgreementVersion? MustAccept, AgreementAcceptance? OfCurrent);
