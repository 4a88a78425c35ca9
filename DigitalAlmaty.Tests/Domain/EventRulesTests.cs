using DigitalAlmaty.Domain.Events;
using DigitalAlmaty.Domain.Submissions;

namespace DigitalAlmaty.Tests.Domain;

public class EventRulesTests
{
    private static readonly DateTimeOffset Now = SubmissionBuilder.Now;

    private static IReadOnlyList<FieldError> Submit(EventContent content) => CityEvent.Rules(content, ValidationMode.Submit, Now);

    [Fact]
    public void ValidEvent_HasNoErrors() => Assert.Empty(Submit(SubmissionBuilder.ValidEvent));

    [Fact]
    public void AnEventInThePast_CannotBeSubmitted_ButCanBeDrafted()
    {
        var past = SubmissionBuilder.ValidEvent with { StartsAt = Now.AddHours(-2), EndsAt = Now.AddHours(-1) };
        Assert.Equal(FieldErrorCodes.StartInPast, Assert.Single(Submit(past)).Code);
        Assert.Empty(CityEvent.Rules(past, ValidationMode.Draft, Now));
    }

    [Fact]
    public void EndMustComeAfterStart()
    {
        var content = SubmissionBuilder.ValidEvent with { EndsAt = SubmissionBuilder.ValidEvent.StartsAt };
        var error = Assert.Single(Submit(content));
        Assert.Equal((nameof(EventContent.EndsAt), FieldErrorCodes.EndBeforeStart), (error.Field, error.Code));
    }

    [Theory]
    [InlineData(EventFormat.InPerson, nameof(EventContent.Venue))]
    [InlineData(EventFormat.Hybrid, nameof(EventContent.Venue))]
    [InlineData(EventFormat.Online, nameof(EventContent.OnlineLink))]
    [InlineData(EventFormat.Hybrid, nameof(EventContent.OnlineLink))]
    public void TheFormatDecidesWhatIsRequired(EventFormat format, string field)
    {
        var content = SubmissionBuilder.ValidEvent with
        {
            Format = format,
            Venue = field == nameof(EventContent.Venue) ? "" : "пр. Абая 10",
            OnlineLink = field == nameof(EventContent.OnlineLink) ? "" : "https://meet.example.kz",
        };
        var error = Assert.Single(Submit(content));
        Assert.Equal((field, FieldErrorCodes.Required), (error.Field, error.Code));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://files.example.kz")]
    [InlineData("example.kz/register")]
    [InlineData("data:text/html,hi")]
    public void Links_MustBeHttpOrHttps(string link)
    {
        var errors = Submit(SubmissionBuilder.ValidEvent with { RegistrationLink = link, OnlineLink = link });
        Assert.Equal(2, errors.Count(e => e.Code == FieldErrorCodes.BadLink));
    }

    [Fact]
    public void AtLeastOneLanguage_IsRequiredOnSubmit() =>
        Assert.Equal(nameof(EventContent.Languages), Assert.Single(Submit(SubmissionBuilder.ValidEvent with { Languages = EventLanguages.None })).Field);

    [Fact]
    public void Edit_StoresTimesInUtc()
    {
        var cityEvent = CityEvent.StartDraft(Guid.NewGuid(), SubmissionBuilder.Author, Now);
        var tenInAlmaty = new DateTimeOffset(2026, 12, 10, 10, 0, 0, TimeSpan.FromHours(5));

        cityEvent.Edit(SubmissionBuilder.Author, SubmissionBuilder.ValidEvent with { StartsAt = tenInAlmaty, EndsAt = tenInAlmaty.AddHours(2) }, Now);

        Assert.Equal(TimeSpan.Zero, cityEvent.StartsAt!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2026, 12, 10, 5, 0, 0, TimeSpan.Zero), cityEvent.StartsAt);
    }
}
