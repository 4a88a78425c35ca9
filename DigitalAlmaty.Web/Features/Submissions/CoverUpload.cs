using DigitalAlmaty.Web.Features.Blocking;
using DigitalAlmaty.Web.Features.Files;

namespace DigitalAlmaty.Web.Features.Submissions;

/// <summary>An author's cover upload: the stored file, or why nothing was stored (the write gate's refusal first).</summary>
public sealed record CoverUpload(Guid? FileId, UploadProblem Problem, WriteRefusal? Refusal = null);
