namespace DigitalAlmaty.Web.Features.Publications;

public sealed class PublicationOptions
{
    public const string Section = "Publications";

    /// <summary>How often the server looks for scheduled publications whose time has come.</summary>
    public double ScheduleCheckSeconds { get; set; } = 30;
}
