namespace DigitalAlmaty.Web.Features.Participation;

/// <summary>One line of a digest: what happened, and the absolute address of the item it happened on.</summary>
public sealed record DigestEntry(string Headline, string Link, DateTimeOffset At);
