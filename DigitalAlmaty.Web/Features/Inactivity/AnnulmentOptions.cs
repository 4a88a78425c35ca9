using DigitalAlmaty.Web.Features.Submissions;
using DigitalAlmaty.Web.Localization;
using DigitalAlmaty.Web.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigitalAlmaty.Web.Features.Inactivity;

public sealed class AnnulmentOptions
{
    public const string Section = "Accounts";

    /// <summary>Hours between two runs of the inactivity check; 0 turns the scheduled run off (the admin page still runs it).</summary>
    public double AnnulmentCheckHours { get; set; } = 24;
}
