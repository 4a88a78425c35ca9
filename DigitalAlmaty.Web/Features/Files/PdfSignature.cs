namespace DigitalAlmaty.Web.Features.Files;

/// <summary>A PDF starts with "%PDF-".</summary>
public static class PdfSignature
{
    public static string? Detect(ReadOnlySpan<byte> head) =>
        head.Length >= 5 && head[..5].SequenceEqual("%PDF-"u8) ? "application/pdf" : null;
}
