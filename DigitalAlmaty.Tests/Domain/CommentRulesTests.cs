using DigitalAlmaty.Domain.Participation;

namespace DigitalAlmaty.Tests.Domain;

/// <summary>Comment length, the 15-minute edit window, removal by the author, and pre-moderation for 30 days after a hide.</summary>
public sealed class CommentRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 10, 0, 0, TimeSpan.FromHours(5));

    [Theory]
    [InlineData(null, CommentRules.TooShort)]
    [InlineData("  a ", CommentRules.TooShort)]
    [InlineData("ok", null)]
    public void Text(string? text, string? error) => Assert.Equal(error, CommentRules.TextError(text));

    [Fact]
    public void ATextOverTheLimit_IsTooLong() =>
        Assert.Equal(CommentRules.TooLong, CommentRules.TextError(new string('ы', CommentRules.TextMaxLength + 1)));

    [Theory]
    [InlineData("a", "a", CommentState.Visible, 14, null)]
    [InlineData("a", "a", CommentState.Pending, 1, null)]
    [InlineData("a", "a", CommentState.Visible, 16, CommentRules.EditWindowClosed)]
    [InlineData("a", "b", CommentState.Visible, 1, CommentRules.NotYours)]
    [InlineData("a", "a", CommentState.Hidden, 1, CommentRules.Gone)]
    [InlineData("a", "a", CommentState.Removed, 1, CommentRules.Gone)]
    public void Editing(string author, string actor, CommentState state, int minutesAgo, string? refusal) =>
        Assert.Equal(refusal, CommentRules.EditRefusal(author, actor, state, Now.AddMinutes(-minutesAgo), Now));

    [Theory]
    [InlineData("a", "a", CommentState.Visible, null)]
    [InlineData("a", "b", CommentState.Visible, CommentRules.NotYours)]
    [InlineData("a", "a", CommentState.Hidden, CommentRules.Gone)]
    public void Removing(string author, string actor, CommentState state, string? refusal) =>
        Assert.Equal(refusal, CommentRules.RemoveRefusal(author, actor, state));

    [Fact]
    public void AHideInTheLastThirtyDays_HoldsTheNextComment()
    {
        Assert.Equal(CommentState.Visible, CommentRules.Initial(null, Now));
        Assert.Equal(CommentState.Pending, CommentRules.Initial(Now.AddDays(-29), Now));
        Assert.Equal(CommentState.Visible, CommentRules.Initial(Now.AddDays(-31), Now));
    }

    [Fact]
    public void RepliesAreOneLevelDeep()
    {
        Assert.True(CommentRules.MayReplyTo(null));
        Assert.False(CommentRules.MayReplyTo(Guid.NewGuid()));
    }
}
