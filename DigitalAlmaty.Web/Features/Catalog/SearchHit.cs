using DigitalAlmaty.Domain.Submissions;

namespace DigitalAlmaty.Web.Features.Catalog;

public sealed record SearchHit(Guid Id, SubmissionKind Kind, IReadOnlyList<TextRun> Title, IReadOnlyList<TextRun> Snippet)
{
    public string Path => Submissions.SubmissionRoutes.Item(Kind, Id);
}
