namespace DigitalAlmaty.Domain.Submissions;

/// <summary>Small field checks shared by the Idea and Event rules.</summary>
public static class TextRules
{
    /// <summary>
    /// Drafts may hold more than the publication limit, so an autosave never throws away what
    /// someone typed; the real limit applies when they submit.
    /// </summary>
    public const int DraftStorageFactor = 3;

    public static int WordCount(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? 0
            : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));

    public static void Text(
        List<FieldError> errors, string field, string? value, int max, ValidationMode mode, bool required, int minWords = 0)
    {
        var length = value?.Length ?? 0;
        var limit = mode == ValidationMode.Draft ? max * DraftStorageFactor : max;
        if (length > limit)
        {
            errors.Add(new FieldError(field, FieldErrorCodes.TooLong, max, length));
            return;
        }

        if (mode == ValidationMode.Draft)
        {
            return;
        }

        if (required && string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError(field, FieldErrorCodes.Required));
        }
        else if (minWords > 0 && !string.IsNullOrWhiteSpace(value) && WordCount(value) < minWords)
        {
            errors.Add(new FieldError(field, FieldErrorCodes.TooFewWords, minWords));
        }
    }

    /// <summary>Only absolute http and https links: no javascript:, data: or relative tricks.</summary>
    public static bool IsWebLink(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    public static void Link(List<FieldError> errors, string field, string? value, int max, ValidationMode mode, bool required)
    {
        Text(errors, field, value, max, mode, required);
        if (mode == ValidationMode.Submit && !string.IsNullOrWhiteSpace(value) && !IsWebLink(value))
        {
            if (!errors.Any(e => e.Field == field))
            {
                errors.Add(new FieldError(field, FieldErrorCodes.BadLink));
            }
        }
    }

    public static string Clean(string? value) => (value ?? string.Empty).Trim();
}
