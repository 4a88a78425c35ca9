namespace DigitalAlmaty.Web.Features.Files;

public enum UploadProblem
{
    None,
    Empty,
    TooLarge,
    NotAnImage,
    NotPdfOrImage,

    /// <summary>The owner's files would exceed <see cref="FileStoreOptions.MaxBytesPerUser"/>.</summary>
    QuotaExceeded,

    /// <summary>The owner uploaded <see cref="FileStoreOptions.MaxUploadsPerUserPerHour"/> files in the last hour.</summary>
    TooManyUploads,
}
