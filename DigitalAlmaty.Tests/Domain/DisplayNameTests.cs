using DigitalAlmaty.Domain;
using DigitalAlmaty.Domain.Accounts;

namespace DigitalAlmaty.Tests.Domain;

public class DisplayNameTests
{
    [Theory]
    [InlineData("  Әлия   Өмірбек ", "Әлия Өмірбек")]
    [InlineData("Иван\tПетров", "Иван Петров")]
    [InlineData("Jo", "Jo")]
    public void Create_NormalisesWhitespace(string raw, string expected) =>
        Assert.Equal(expected, DisplayName.Create(raw).Value);

    [Theory]
    [InlineData(null, DisplayNameErrors.Required)]
    [InlineData("   ", DisplayNameErrors.Required)]
    [InlineData("Я", DisplayNameErrors.TooShort)]
    [InlineData("12345", DisplayNameErrors.NeedsLetters)]
    [InlineData("aliya@mail.kz", DisplayNameErrors.ContactDetails)]
    [InlineData("see https://x.kz", DisplayNameErrors.ContactDetails)]
    public void Validate_ReportsTheRuleBroken(string? raw, string expected) =>
        Assert.Equal(expected, DisplayName.Validate(raw, out _));

    [Fact]
    public void Validate_RejectsNamesLongerThanSixtyCharacters()
    {
        Assert.Null(DisplayName.Validate(new string('а', DisplayName.MaxLength), out _));
        Assert.Equal(DisplayNameErrors.TooLong, DisplayName.Validate(new string('а', DisplayName.MaxLength + 1), out _));
    }

    [Fact]
    public void Create_WithBadName_ThrowsDomainRuleExceptionWithCode()
    {
        var error = Assert.Throws<DomainRuleException>(() => DisplayName.Create("@"));
        Assert.Equal(DisplayNameErrors.TooShort, error.Code);
    }
}
