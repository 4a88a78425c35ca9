using System.Security.Claims;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// One action behind an interactive screen, called on its service directly as the circuit would.
/// <see cref="Prepare"/> makes the item the action works on and returns the call; every kind outside
/// <see cref="Allowed"/> must be refused without any change in the database.
/// </summary>
/// <param name="IsRead">The action only reads (it returns the item or nothing): success changes nothing either.</param>
public sealed record AuthorizationMatrixServiceAction(
    string Name,
    IReadOnlyList<PrincipalKind> Allowed,
    Func<AuthorizationMatrixFixture, Task<Func<ClaimsPrincipal, Task<bool>>>> Prepare,
    bool IsRead = false)
{
    public override string ToString() => Name;
}
