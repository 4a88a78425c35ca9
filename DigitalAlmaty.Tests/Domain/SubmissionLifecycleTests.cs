using DigitalAlmaty.Domain;
using DigitalAlmaty.Domain.Submissions;

namespace DigitalAlmaty.Tests.Domain;

public class SubmissionLifecycleTests
{
    private static readonly (SubmissionStatus From, SubmissionAction Action, SubmissionStatus To)[] Legal =
    [
        (SubmissionStatus.Draft, SubmissionAction.Submit, SubmissionStatus.Submitted),
        (SubmissionStatus.InformationRequested, SubmissionAction.Submit, SubmissionStatus.Submitted),
        (SubmissionStatus.Submitted, SubmissionAction.Withdraw, SubmissionStatus.Draft),
        (SubmissionStatus.Submitted, SubmissionAction.Approve, SubmissionStatus.Published),
        (SubmissionStatus.Submitted, SubmissionAction.Reject, SubmissionStatus.Rejected),
        (SubmissionStatus.Submitted, SubmissionAction.RequestInformation, SubmissionStatus.InformationRequested),
        (SubmissionStatus.Published, SubmissionAction.Hide, SubmissionStatus.Hidden),
        (SubmissionStatus.Hidden, SubmissionAction.Restore, SubmissionStatus.Published),
    ];

    public static TheoryData<string, SubmissionStatus, SubmissionAction> EveryStateAndAction()
    {
        var data = new TheoryData<string, SubmissionStatus, SubmissionAction>();
        foreach (var kind in new[] { "idea", "event" })
        {
            foreach (var status in Enum.GetValues<SubmissionStatus>())
            {
                foreach (var action in Enum.GetValues<SubmissionAction>().Where(a => a != SubmissionAction.Create))
                {
                    data.Add(kind, status, action);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStateAndAction))]
    public void EveryAction_InEveryState_MovesAsTheTableSays_OrThrows(string kind, SubmissionStatus from, SubmissionAction action)
    {
        Submission submission = kind == "idea" ? SubmissionBuilder.Idea(from) : SubmissionBuilder.Event(from);
        var historyBefore = submission.History.Count;
        var revisionBefore = submission.Revision;
        var legal = Legal.Where(m => m.From == from && m.Action == action).ToList();

        if (legal.Count == 1)
        {
            SubmissionBuilder.Perform(submission, action);
            Assert.Equal(legal[0].To, submission.Status);
            Assert.Equal(historyBefore + 1, submission.History.Count);
            var entry = submission.History[^1];
            Assert.Equal((action, from, legal[0].To), (entry.Action, entry.From, entry.To));
            Assert.Equal(historyBefore + 1, entry.Sequence);
            Assert.True(submission.Revision > revisionBefore);
        }
        else
        {
            var error = Assert.Throws<DomainRuleException>(() => SubmissionBuilder.Perform(submission, action));
            Assert.Equal(DomainErrorCodes.IllegalMove, error.Code);
            Assert.Equal(from, submission.Status);
            Assert.Equal(historyBefore, submission.History.Count);
            Assert.Equal(revisionBefore, submission.Revision);
        }
    }

    [Fact]
    public void TheTableInTheTests_MatchesTheDomainTable()
    {
        foreach (var status in Enum.GetValues<SubmissionStatus>())
        {
            foreach (var action in Enum.GetValues<SubmissionAction>())
            {
                var expected = Legal.Where(m => m.From == status && m.Action == action).Select(m => (SubmissionStatus?)m.To).FirstOrDefault();
                Assert.Equal(expected, SubmissionLifecycle.Target(status, action));
            }
        }
    }

    [Fact]
    public void Submit_ByAnotherUser_IsRefused()
    {
        var idea = SubmissionBuilder.Idea(SubmissionStatus.Draft);
        var error = Assert.Throws<DomainRuleException>(() => idea.Submit("someone-else", SubmissionBuilder.Now));
        Assert.Equal(DomainErrorCodes.NotAuthor, error.Code);
        Assert.Equal(SubmissionStatus.Draft, idea.Status);
    }

    [Fact]
    public void Submit_RecordsAVersion_AndTheAnswerToTheModerator()
    {
        var idea = SubmissionBuilder.Idea(SubmissionStatus.InformationRequested);
        Assert.Equal("Уточните бюджет.", idea.LatestModeratorMessage);

        idea.Edit(SubmissionBuilder.Author, SubmissionBuilder.ValidIdea with { Tasks = "Новые задачи с бюджетом 10 млн тенге." }, SubmissionBuilder.Now);
        idea.Submit(SubmissionBuilder.Author, SubmissionBuilder.Now.AddHours(1), "  Бюджет добавлен.  ");

        Assert.Equal(2, idea.Versions.Count);
        Assert.Equal("Собрать данные, опубликовать API, подключить навигаторы.", idea.Versions[0].Fields["Tasks"]);
        Assert.Equal("Новые задачи с бюджетом 10 млн тенге.", idea.Versions[1].Fields["Tasks"]);
        Assert.Equal("Бюджет добавлен.", idea.History[^1].Message);
        Assert.Equal(SubmissionBuilder.Now.AddHours(1), idea.SubmittedAt);
    }

    [Fact]
    public void Reject_WithoutAClause_IsRefused_AndUnknownClausesToo()
    {
        var idea = SubmissionBuilder.Idea(SubmissionStatus.Submitted);

        Assert.Equal(DomainErrorCodes.ReasonRequired,
            Assert.Throws<DomainRuleException>(() => idea.Reject(SubmissionBuilder.Moderator, SubmissionBuilder.Now, [], "нет")).Code);
        Assert.Equal(DomainErrorCodes.UnknownClause,
            Assert.Throws<DomainRuleException>(() => idea.Reject(SubmissionBuilder.Moderator, SubmissionBuilder.Now, ["9.9.9"], "нет")).Code);
        Assert.Equal(SubmissionStatus.Submitted, idea.Status);
    }

    [Fact]
    public void Reject_KeepsTheClausesAndMessage_InHistory()
    {
        var idea = SubmissionBuilder.Idea(SubmissionStatus.Submitted);

        idea.Reject(SubmissionBuilder.Moderator, SubmissionBuilder.Now, [ModerationClauses.RightsOfOthers, ModerationClauses.Misleading], "Чужой проект.");

        var entry = idea.History[^1];
        Assert.Equal([ModerationClauses.RightsOfOthers, ModerationClauses.Misleading], entry.ClauseIds);
        Assert.Equal("Чужой проект.", entry.Message);
        Assert.Equal(SubmissionBuilder.Moderator, entry.ActorId);
        Assert.Equal("Чужой проект.", idea.LatestModeratorMessage);
    }

    [Fact]
    public void RequestInformation_WithoutAMessage_IsRefused()
    {
        var idea = SubmissionBuilder.Idea(SubmissionStatus.Submitted);
        Assert.Equal(DomainErrorCodes.MessageRequired,
            Assert.Throws<DomainRuleException>(() => idea.RequestInformation(SubmissionBuilder.Moderator, SubmissionBuilder.Now, "  ")).Code);
    }

    [Theory]
    [InlineData(SubmissionStatus.Submitted)]
    [InlineData(SubmissionStatus.Published)]
    [InlineData(SubmissionStatus.Rejected)]
    [InlineData(SubmissionStatus.Hidden)]
    public void Edit_OutsideDraftOrInformationRequested_IsRefused(SubmissionStatus status)
    {
        var idea = SubmissionBuilder.Idea(status);
        var error = Assert.Throws<DomainRuleException>(() => idea.Edit(SubmissionBuilder.Author, SubmissionBuilder.ValidIdea, SubmissionBuilder.Now));
        Assert.Equal(DomainErrorCodes.NotEditable, error.Code);
    }

    [Fact]
    public void PublishedAt_SurvivesHideAndRestore()
    {
        var idea = SubmissionBuilder.Idea(SubmissionStatus.Hidden);
        idea.Restore(SubmissionBuilder.Moderator, SubmissionBuilder.Now.AddDays(3));
        Assert.Equal(SubmissionBuilder.Now, idea.PublishedAt);
        Assert.True(idea.IsPublic);
    }
}
