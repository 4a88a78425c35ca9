namespace DigitalAlmaty.Web.Features.Security;

public enum SignUpVerdict
{
    Human,
    Bot,
    Expired,
}
