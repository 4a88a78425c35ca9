using DigitalAlmaty.Domain.Events;
using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Domain.Submissions;

namespace DigitalAlmaty.Tests.Domain;

/// <summary>Valid content and ways to bring a submission into any status through its own methods.</summary>
public static class SubmissionBuilder
{
    public const string Author = "author-1";
    public const string Moderator = "moderator-1";
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    public static IdeaContent ValidIdea { get; } = new(
        "Открытые данные о парковках",
        "Единый реестр парковок города с API для навигаторов.",
        "open-data",
        "Сократить время поиска парковки в центре.",
        "Собрать данные, опубликовать API, подключить навигаторы.",
        "Меньше пробок и выбросов в центре Алматы.",
        "Такие реестры работают в Таллине и Сеуле.",
        ["parking", "api"]);

    public static EventContent ValidEvent { get; } = new(
        "Almaty Open Data Meetup",
        "Встреча разработчиков открытых данных города.",
        Now.AddDays(10),
        Now.AddDays(10).AddHours(3),
        EventFormat.Hybrid,
        "пр. Абая 10, Алматы",
        "https://meet.example.kz/open-data",
        "Сообщество Open Data Almaty",
        "https://example.kz/register",
        EventLanguages.Russian | EventLanguages.Kazakh,
        IsFree: true);

    public static Idea Idea(SubmissionStatus status)
    {
        var idea = DigitalAlmaty.Domain.Ideas.Idea.StartDraft(Guid.NewGuid(), Author, Now);
        idea.Edit(Author, ValidIdea, Now);
        BringTo(idea, status);
        return idea;
    }

    public static CityEvent Event(SubmissionStatus status)
    {
        var cityEvent = CityEvent.StartDraft(Guid.NewGuid(), Author, Now);
        cityEvent.Edit(Author, ValidEvent, Now);
        BringTo(cityEvent, status);
        return cityEvent;
    }

    private static void BringTo(Submission submission, SubmissionStatus status)
    {
        switch (status)
        {
            case SubmissionStatus.Draft:
                return;
            case SubmissionStatus.Submitted:
                submission.Submit(Author, Now);
                return;
            case SubmissionStatus.InformationRequested:
                submission.Submit(Author, Now);
                submission.RequestInformation(Moderator, Now, "Уточните бюджет.");
                return;
            case SubmissionStatus.Published:
                submission.Submit(Author, Now);
                submission.Approve(Moderator, Now);
                return;
            case SubmissionStatus.Rejected:
                submission.Submit(Author, Now);
                submission.Reject(Moderator, Now, [ModerationClauses.Misleading], "Вводит в заблуждение.");
                return;
            case SubmissionStatus.Hidden:
                submission.Submit(Author, Now);
                submission.Approve(Moderator, Now);
                submission.Hide(Moderator, Now, [ModerationClauses.PersonalData], "Персональные данные.");
                return;
        }
    }

    /// <summary>Performs an action with the right actor and arguments.</summary>
    public static void Perform(Submission submission, SubmissionAction action)
    {
        switch (action)
        {
            case SubmissionAction.Submit: submission.Submit(Author, Now.AddMinutes(1), "Ответ автора"); break;
            case SubmissionAction.Withdraw: submission.Withdraw(Author, Now.AddMinutes(1)); break;
            case SubmissionAction.Approve: submission.Approve(Moderator, Now.AddMinutes(1)); break;
            case SubmissionAction.Reject: submission.Reject(Moderator, Now.AddMinutes(1), [ModerationClauses.IncompleteIdea], "Неполно."); break;
            case SubmissionAction.RequestInformation: submission.RequestInformation(Moderator, Now.AddMinutes(1), "Расскажите подробнее."); break;
            case SubmissionAction.Hide: submission.Hide(Moderator, Now.AddMinutes(1), [ModerationClauses.Unlawful], null); break;
            case SubmissionAction.Restore: submission.Restore(Moderator, Now.AddMinutes(1)); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }
}
