using DigitalAlmaty.Web;

return await PortalApplication.RunAsync(args);

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
