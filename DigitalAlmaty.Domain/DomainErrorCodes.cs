namespace DigitalAlmaty.Domain;

public static class DomainErrorCodes
{
    public const string IllegalMove = "Submission.IllegalMove";
    public const string NotAuthor = "Submission.NotAuthor";
    public const string NotEditable = "Submission.NotEditable";
    public const string Invalid = "Submission.Invalid";
    public const string ReasonRequired = "Submission.ReasonRequired";
    public const string MessageRequired = "Submission.MessageRequired";
    public const string UnknownClause = "Submission.UnknownClause";
}
