using DigitalAlmaty.Domain.Participation;
using DigitalAlmaty.Domain.Submissions;

namespace DigitalAlmaty.Tests.Domain;

/// <summary>The city's answer goes forward step by step; a decline needs words; an implemented idea stays implemented.</summary>
public sealed class CityAnswerRulesTests
{
    private const string Words = "Идея принята в план года.";

    [Theory]
    [InlineData(null, CityStatus.UnderConsideration, true)]
    [InlineData(null, CityStatus.Accepted, true)]
    [InlineData(null, CityStatus.Declined, true)]
    [InlineData(null, CityStatus.InProgress, false)]
    [InlineData(null, CityStatus.Implemented, false)]
    [InlineData(CityStatus.UnderConsideration, CityStatus.Accepted, true)]
    [InlineData(CityStatus.UnderConsideration, CityStatus.Implemented, false)]
    [InlineData(CityStatus.Accepted, CityStatus.InProgress, true)]
    [InlineData(CityStatus.Accepted, CityStatus.UnderConsideration, false)]
    [InlineData(CityStatus.InProgress, CityStatus.Implemented, true)]
    [InlineData(CityStatus.InProgress, CityStatus.Declined, true)]
    [InlineData(CityStatus.Implemented, CityStatus.Declined, false)]
    [InlineData(CityStatus.Implemented, CityStatus.Implemented, true)]
    [InlineData(CityStatus.Declined, CityStatus.UnderConsideration, true)]
    [InlineData(CityStatus.Declined, CityStatus.Accepted, false)]
    public void Moves(CityStatus? from, CityStatus to, bool allowed) => Assert.Equal(allowed, CityAnswerRules.MayMove(from, to));

    [Fact]
    public void AValidAnswer_HasNoErrors() =>
        Assert.Empty(CityAnswerRules.Validate(null, CityStatus.Accepted, Words, null, "   "));

    [Fact]
    public void TheRussianText_IsRequired_AndEveryTextNeedsWords()
    {
        var errors = CityAnswerRules.Validate(null, CityStatus.Declined, "  ", "Иә", null);

        Assert.Contains(errors, e => e is { Field: "TextRu", Code: FieldErrorCodes.Required });
        Assert.Contains(errors, e => e is { Field: "TextKk", Code: FieldErrorCodes.TooFewWords });
    }

    [Fact]
    public void AMissingUnknownOrBackwardStatus_IsAnError()
    {
        Assert.Contains(CityAnswerRules.Validate(null, null, Words, null, null), e => e is { Field: "Status", Code: FieldErrorCodes.Required });
        Assert.Contains(CityAnswerRules.Validate(null, (CityStatus)42, Words, null, null), e => e is { Field: "Status", Code: FieldErrorCodes.UnknownChoice });
        Assert.Contains(CityAnswerRules.Validate(CityStatus.Implemented, CityStatus.Accepted, Words, null, null),
            e => e is { Field: "Status", Code: CityAnswerRules.StatusNotAllowed });
    }

    [Fact]
    public void ATooLongText_IsRefused() =>
        Assert.Contains(CityAnswerRules.Validate(null, CityStatus.Accepted, Words, null, new string('x', CityAnswerRules.TextMaxLength + 1)),
            e => e is { Field: "TextEn", Code: FieldErrorCodes.TooLong });

    [Theory]
    [InlineData(SubmissionStatus.Published, false, true, null)]
    [InlineData(SubmissionStatus.Published, true, true, SupportRules.OwnIdea)]
    [InlineData(SubmissionStatus.Published, false, false, SupportRules.EmailNotConfirmed)]
    [InlineData(SubmissionStatus.Hidden, false, true, SupportRules.NotPublished)]
    [InlineData(SubmissionStatus.Draft, false, true, SupportRules.NotPublished)]
    public void WhoMaySupport(SubmissionStatus status, bool isAuthor, bool confirmed, string? refusal) =>
        Assert.Equal(refusal, SupportRules.Refusal(status, isAuthor, confirmed));
}
