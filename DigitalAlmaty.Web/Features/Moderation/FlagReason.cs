namespace DigitalAlmaty.Web.Features.Moderation;

/// <summary>How many open reports on an item cite one clause.</summary>
public sealed record FlagReason(string Clause, int Count);
