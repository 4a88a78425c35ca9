namespace DigitalAlmaty.Web.Features.PersonalData;

/// <summary>
/// The one-time downloads of exported data. Their last segment is a secret token: Operations keeps
/// these prefixes out of the logs.
/// </summary>
public static class PersonalDataRoutes
{
    /// <summary>A user's own data after declining the agreement.</summary>
    public const string SelfExportPrefix = "/agreement/my-data/";

    /// <summary>An administrator's export of one user's data.</summary>
    public const string AdminExportPrefix = "/admin/users/export/";

    public static string AdminExport(string token) => $"{AdminExportPrefix.TrimStart('/')}{token}";
}
