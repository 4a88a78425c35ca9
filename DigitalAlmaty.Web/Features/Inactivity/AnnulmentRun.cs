using DigitalAlmaty.Web.Features.Submissions;
using DigitalAlmaty.Web.Localization;
using DigitalAlmaty.Web.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigitalAlmaty.Web.Features.Inactivity;

/// <summary>What one run did (or, in preview, would do).</summary>
public sealed record AnnulmentRun(bool Preview, DateOnly Day, IReadOnlyList<InactiveAccount> FirstWarnings, IReadOnlyList<InactiveAccount> FinalWarnings, IReadOnlyList<InactiveAccount> Annulled)
{
    public int Total => FirstWarnings.Count + FinalWarnings.Count + Annulled.Count;
}
