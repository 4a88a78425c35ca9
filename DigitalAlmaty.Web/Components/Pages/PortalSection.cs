namespace DigitalAlmaty.Web.Components.Pages;

/// <summary>The five public sections named in agreement clause 2.1.2.</summary>
public sealed record PortalSection(string Path, string TitleKey, string LeadKey)
{
    public static IReadOnlyList<PortalSection> All { get; } =
    [
        new("news", "Nav.News", "Home.NewsLead"),
        new("events", "Nav.Events", "Home.EventsLead"),
        new("ideas", "Nav.Ideas", "Home.IdeasLead"),
        new("reports", "Nav.Reports", "Home.ReportsLead"),
        new("projects", "Nav.Projects", "Home.ProjectsLead"),
    ];
}
