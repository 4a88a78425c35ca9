namespace DigitalAlmaty.Domain.Accounts;

/// <summary>Staff roles. Ordinary registered users have no role.</summary>
public static class PortalRoles
{
    public const string Admin = "Admin";
    public const string Moderator = "Moderator";
    public const string Editor = "Editor";

    public static IReadOnlyList<string> All { get; } = [Admin, Moderator, Editor];

    /// <summary>Roles allowed to work the moderation queue.</summary>
    public const string ModerationStaff = Admin + "," + Moderator;
}
