namespace DigitalAlmaty.Tests.Web;

/// <summary>Who asks: the columns of the authorization matrix, in the order of its expectation strings.</summary>
public enum PrincipalKind
{
    Anonymous,
    User,
    Blocked,
    Author,
    Editor,
    Moderator,
    Admin,
}
