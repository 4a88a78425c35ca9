namespace DigitalAlmaty.Web.Features.Mail;

/// <summary>The <c>Portal</c> configuration section: where the portal is reached from outside.</summary>
public sealed class PortalLinkOptions
{
    public const string Section = "Portal";

    /// <summary>
    /// The public address used in every link the portal sends (e-mails), e.g. https://digital-almaty.kz.
    /// Never taken from a request: a request's Host header is chosen by whoever sends it.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";
}
