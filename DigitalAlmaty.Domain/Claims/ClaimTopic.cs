namespace DigitalAlmaty.Domain.Claims;

/// <summary>What a claim is about, as the claimant chose it. Only <see cref="AgreementTerms"/> falls under clause 7.4.</summary>
public enum ClaimTopic
{
    AgreementTerms,
    Content,
    Block,
    Other,
}
