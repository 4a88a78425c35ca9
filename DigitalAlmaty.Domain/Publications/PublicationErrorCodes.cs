namespace DigitalAlmaty.Domain.Publications;

public static class PublicationErrorCodes
{
    public const string IllegalMove = "Publication.IllegalMove";
    public const string Invalid = "Publication.Invalid";
    public const string NoLanguage = "Publication.NoLanguage";
    public const string UnknownLanguage = "Publication.UnknownLanguage";
    public const string NotInFuture = "Publication.NotInFuture";
    public const string TooManyAttachments = "Publication.TooManyAttachments";
}
