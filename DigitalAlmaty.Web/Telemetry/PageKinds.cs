namespace DigitalAlmaty.Web.Telemetry;

/// <summary>
/// The kinds of page an interactive circuit serves, as the <c>page_kind</c> label of
/// <c>digitalalmaty.circuits.open</c> writes them: a few fixed values, never the address itself
/// (which would carry ids and make a series per item).
/// </summary>
public static class PageKinds
{
    public const string Moderation = "moderation";
    public const string Editor = "editor";
    public const string Workspace = "workspace";
    public const string Admin = "admin";

    /// <summary>Every other page: a signed-in visitor's header (bell, moderation badge) on a public page.</summary>
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } = [Moderation, Editor, Workspace, Admin, Other];

    /// <summary>The kind of a page from its path (<c>/moderation/…</c>, <c>/ideas/new</c>, <c>/events/{id}/edit</c> …).</summary>
    public static string Of(string path)
    {
        var segments = path.Split('?', '#')[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return Other;
        }

        var first = segments[0].ToLowerInvariant();
        var last = segments[^1].ToLowerInvariant();
        return first switch
        {
            "moderation" => Moderation,
            "my" => Workspace,
            "admin" => Admin,
            "staff" => Editor,
            "ideas" or "events" when segments.Length >= 2 && (last == "new" || last == "edit") => Editor,
            _ => Other,
        };
    }
}
