using DigitalAlmaty.Domain;
using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Domain.Submissions;

namespace DigitalAlmaty.Tests.Domain;

public class IdeaRulesTests
{
    [Fact]
    public void ValidIdea_HasNoErrors() =>
        Assert.Empty(Idea.Rules(SubmissionBuilder.ValidIdea, ValidationMode.Submit));

    [Theory]
    [InlineData(nameof(IdeaContent.Goal))]
    [InlineData(nameof(IdeaContent.Tasks))]
    [InlineData(nameof(IdeaContent.CityBenefit))]
    [InlineData(nameof(IdeaContent.PriorImplementations))]
    public void EachOfTheFourFields_IsRequiredOnSubmit_ButNotInADraft(string field)
    {
        var content = Blank(SubmissionBuilder.ValidIdea, field);

        Assert.Contains(new FieldError(field, FieldErrorCodes.Required), Idea.Rules(content, ValidationMode.Submit), FieldErrorComparer.Instance);
        Assert.Empty(Idea.Rules(content, ValidationMode.Draft));
    }

    [Fact]
    public void AOneWordGoal_IsTooShortToExplainAnything()
    {
        var errors = Idea.Rules(SubmissionBuilder.ValidIdea with { Goal = "Парковки" }, ValidationMode.Submit);
        var error = Assert.Single(errors);
        Assert.Equal((nameof(IdeaContent.Goal), FieldErrorCodes.TooFewWords), (error.Field, error.Code));
    }

    [Fact]
    public void ALongGoal_IsKeptInTheDraft_ButRefusedOnSubmit()
    {
        var idea = Idea.StartDraft(Guid.NewGuid(), SubmissionBuilder.Author, SubmissionBuilder.Now);
        var longGoal = string.Join(' ', Enumerable.Repeat("цель", 4_000));

        idea.Edit(SubmissionBuilder.Author, SubmissionBuilder.ValidIdea with { Goal = longGoal }, SubmissionBuilder.Now);
        Assert.Equal(longGoal, idea.Goal);

        var error = Assert.Throws<DomainRuleException>(() => idea.Submit(SubmissionBuilder.Author, SubmissionBuilder.Now));
        var tooLong = Assert.Single(error.FieldErrors);
        Assert.Equal((nameof(IdeaContent.Goal), FieldErrorCodes.TooLong), (tooLong.Field, tooLong.Code));
        Assert.Equal(Idea.BodyMaxLength, tooLong.Arguments[0]);
        Assert.Equal(SubmissionStatus.Draft, idea.Status);
    }

    [Fact]
    public void ADraft_StillRefusesTextBeyondTheStorageLimit()
    {
        var idea = Idea.StartDraft(Guid.NewGuid(), SubmissionBuilder.Author, SubmissionBuilder.Now);
        var huge = new string('ә', Idea.BodyMaxLength * TextRules.DraftStorageFactor + 1);

        var error = Assert.Throws<DomainRuleException>(() => idea.Edit(SubmissionBuilder.Author, SubmissionBuilder.ValidIdea with { Tasks = huge }, SubmissionBuilder.Now));
        Assert.Equal(DomainErrorCodes.Invalid, error.Code);
        Assert.Equal(string.Empty, idea.Tasks);
    }

    [Theory]
    [InlineData("", FieldErrorCodes.Required)]
    [InlineData("cooking", FieldErrorCodes.UnknownChoice)]
    public void Category_MustBeChosenFromTheList(string category, string code)
    {
        var errors = Idea.Rules(SubmissionBuilder.ValidIdea with { Category = category }, ValidationMode.Submit);
        Assert.Equal(code, Assert.Single(errors).Code);
    }

    [Fact]
    public void Tags_AreTrimmedAndDeduplicated()
    {
        var idea = Idea.StartDraft(Guid.NewGuid(), SubmissionBuilder.Author, SubmissionBuilder.Now);
        idea.Edit(SubmissionBuilder.Author, SubmissionBuilder.ValidIdea with { Tags = [" #API", "api", "", "Парковки"] }, SubmissionBuilder.Now);
        Assert.Equal(["API", "Парковки"], idea.Tags);
    }

    [Fact]
    public void Title_LongerThan150_IsRefusedOnSubmit()
    {
        var errors = Idea.Rules(SubmissionBuilder.ValidIdea with { Title = new string('а', 151) }, ValidationMode.Submit);
        Assert.Equal((nameof(IdeaContent.Title), FieldErrorCodes.TooLong), (Assert.Single(errors).Field, errors[0].Code));
    }

    private static IdeaContent Blank(IdeaContent content, string field) => field switch
    {
        nameof(IdeaContent.Goal) => content with { Goal = " " },
        nameof(IdeaContent.Tasks) => content with { Tasks = "" },
        nameof(IdeaContent.CityBenefit) => content with { CityBenefit = "" },
        _ => content with { PriorImplementations = "" },
    };
}

/// <summary>Compares field errors by field and code (arguments are details).</summary>
public sealed class FieldErrorComparer : IEqualityComparer<FieldError>
{
    public static readonly FieldErrorComparer Instance = new();

    public bool Equals(FieldError? x, FieldError? y) => x?.Field == y?.Field && x?.Code == y?.Code;

    public int GetHashCode(FieldError obj) => HashCode.Combine(obj.Field, obj.Code);
}
