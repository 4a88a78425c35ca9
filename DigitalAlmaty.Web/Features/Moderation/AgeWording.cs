namespace DigitalAlmaty.Web.Features.Moderation;

/// <summary>The localized templates of a queue row's age ({0}, {1} as in the resources) and the server's clock.</summary>
public sealed record AgeWording(string Prefix, string JustNow, string Minutes, string Hours, string Days, long ServerNow);
