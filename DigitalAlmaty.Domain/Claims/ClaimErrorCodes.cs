namespace DigitalAlmaty.Domain.Claims;

public static class ClaimErrorCodes
{
    public const string Invalid = "Claim.Invalid";
    public const string IllegalMove = "Claim.IllegalMove";
    public const string BadEmail = "Claim.BadEmail";
    public const string GroundsInFuture = "Claim.GroundsInFuture";
    public const string GroundsTooOld = "Claim.GroundsTooOld";
}
