using DigitalAlmaty.Web.Features.Files;
using DigitalAlmaty.Web.Resources;
using Microsoft.Extensions.Localization;

namespace DigitalAlmaty.Web.Features.Publications;

/// <summary>Why the publication editor refused an upload, in the editor's words (null when it did not).</summary>
public static class PublicationUploadText
{
    public static string? Problem(IStringLocalizer<PublicationText> text, UploadProblem problem, long maxBytes, bool image) => problem switch
    {
        UploadProblem.None => null,
        UploadProblem.Empty => text["Upload.Empty"].Value,
        UploadProblem.TooLarge => TooLarge(text, maxBytes, image),
        UploadProblem.NotAnImage => text["Upload.NotAnImage"].Value,
        _ => text["Upload.NotPdfOrImage"].Value,
    };

    public static string TooLarge(IStringLocalizer<PublicationText> text, long maxBytes, bool image) =>
        text[image ? "Upload.ImageTooLarge" : "Upload.AttachmentTooLarge", PublicationSections.Size(maxBytes)].Value;
}
