namespace DigitalAlmaty.Web.Features.Files;

public sealed record UploadResult(Guid? FileId, UploadProblem Problem);
