using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Features.Submissions;

namespace DigitalAlmaty.Web.Features.Flags;

/// <summary>Where a reader reports a published item (ReportPage's <c>@page</c> directives repeat it).</summary>
public static class FlagRoutes
{
    public static string Report(SubmissionKind kind, Guid id) => $"{SubmissionRoutes.Item(kind, id)}/report";
}
