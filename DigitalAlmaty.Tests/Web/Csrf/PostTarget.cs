namespace DigitalAlmaty.Tests.Web.Csrf;

/// <summary>
/// One form of the portal that changes something when posted: where it lives (<see cref="Pattern"/>,
/// the endpoint's route as <c>EndpointDataSource</c> lists it), where it is posted and with what.
/// </summary>
/// <param name="Url">Where the form posts; <c>{idea}</c> stands for a published idea's id.</param>
/// <param name="SignedIn">Whether the form is for a signed-in user (the victim of a forged post).</param>
/// <param name="Fields">What an attacker's page would post; <c>{email}</c> and <c>{password}</c> stand for the victim's.</param>
/// <param name="Roles">The staff roles the victim holds (a form only staff can post).</param>
public sealed record PostTarget(string Pattern, string Url, bool SignedIn, IReadOnlyDictionary<string, string> Fields, string[]? Roles = null)
{
    public override string ToString() => Url;
}
