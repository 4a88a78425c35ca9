namespace DigitalAlmaty.Web.Features.Moderation;

/// <summary>A moderator who has an item open.</summary>
public sealed record ReviewerMark(string ModeratorId, string Name, DateTimeOffset SeenAt);
