using DigitalAlmaty.Domain.Events;
using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Support;

/// <summary>Ideas and events put straight into a running portal's database through the domain, for page tests.</summary>
public sealed class SubmissionSeed(PortalFactory portal)
{
    public const string ModeratorId = "moderator-under-test";

    public static IdeaContent IdeaContent(string title) => new(
        title,
        "Единая карта свободных парковок в центре Алматы.",
        "transport",
        "Сократить время поиска парковки в центре города.",
        "Собрать данные датчиков и показать их на открытой карте.",
        "Меньше пробок и выхлопов на центральных улицах.",
        "Похожие сервисы работают в Таллине и Сеуле.",
        ["парковки", "открытые данные"]);

    public static EventContent EventContent(string title, DateTimeOffset startsAt) => new(
        title,
        "Открытая встреча разработчиков городских сервисов Алматы.",
        startsAt,
        startsAt.AddHours(2),
        EventFormat.Online,
        string.Empty,
        "https://meet.example.kz/city-dev",
        "Клуб городских разработчиков",
        "https://example.kz/register",
        EventLanguages.Russian | EventLanguages.Kazakh,
        true);

    /// <summary>An idea by <paramref name="authorId"/>, taken through <paramref name="steps"/> after its content is saved.</summary>
    public async Task<Idea> IdeaAsync(string authorId, string title, params Action<Idea, DateTimeOffset>[] steps)
    {
        var now = DateTimeOffset.UtcNow.AddMinutes(-30);
        var idea = Idea.StartDraft(Guid.NewGuid(), authorId, now);
        idea.Edit(authorId, IdeaContent(title), now.AddMinutes(1));
        for (var i = 0; i < steps.Length; i++)
        {
            steps[i](idea, now.AddMinutes(2 + i));
        }

        await SaveAsync(idea);
        return idea;
    }

    public async Task<CityEvent> EventAsync(string authorId, string title, params Action<CityEvent, DateTimeOffset>[] steps)
    {
        var now = DateTimeOffset.UtcNow.AddMinutes(-30);
        var cityEvent = CityEvent.StartDraft(Guid.NewGuid(), authorId, now);
        cityEvent.Edit(authorId, EventContent(title, new DateTimeOffset(2031, 5, 20, 9, 0, 0, TimeSpan.Zero)), now.AddMinutes(1));
        for (var i = 0; i < steps.Length; i++)
        {
            steps[i](cityEvent, now.AddMinutes(2 + i));
        }

        await SaveAsync(cityEvent);
        return cityEvent;
    }

    public static Action<Submission, DateTimeOffset> Submit(string authorId) => (s, at) => s.Submit(authorId, at);

    public static Action<Submission, DateTimeOffset> AskForMore(string message) => (s, at) => s.RequestInformation(ModeratorId, at, message);

    public static Action<Submission, DateTimeOffset> Approve() => (s, at) => s.Approve(ModeratorId, at);

    private async Task SaveAsync(Submission submission)
    {
        var databases = portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await databases.CreateDbContextAsync();
        db.Add(submission);
        await db.SaveChangesAsync();
    }
}
