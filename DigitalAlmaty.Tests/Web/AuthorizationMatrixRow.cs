namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// One line of the authorization matrix: a route template as the application maps it, a concrete
/// URL for it ({name} is filled by <see cref="AuthorizationMatrixFixture"/>), and the expected
/// outcome for each <see cref="PrincipalKind"/> in declaration order, one letter each:
/// A allowed (200), S sign-in (redirect to the login page), F forbidden (403 or the access-denied
/// page), N not found (404), R redirected elsewhere on the site (e.g. a page with nothing to do).
/// </summary>
/// <param name="Mapped">False for a route that must not exist at all (it answers 404 and is not in the endpoint list).</param>
public sealed record AuthorizationMatrixRow(string Route, string Url, string Expected, bool Mapped = true)
{
    public char ExpectedFor(PrincipalKind kind) => Expected[(int)kind];

    public override string ToString() => Url;
}
