using System.ComponentModel;

namespace DigitalAlmaty.Web.Features.OpenData;

[Description("A file attached to a publication.")]
public sealed record ApiAttachment(
    [property: Description("File name.")]
    [property: ApiExample("\"report-2026.pdf\"")]
    string Name,
    [property: Description("Media type.")]
    [property: ApiExample("\"application/pdf\"")]
    string ContentType,
    [property: Description("Size in bytes.")]
    long Length,
    [property: Description("Download address.")]
    string Url);
