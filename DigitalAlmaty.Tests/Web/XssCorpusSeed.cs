using System.Security.Claims;
using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Domain.Claims;
using DigitalAlmaty.Domain.Events;
using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Domain.Publications;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Features.Claims;
using DigitalAlmaty.Web.Features.Flags;
using DigitalAlmaty.Web.Features.Moderation;
using DigitalAlmaty.Web.Features.Publications;
using DigitalAlmaty.Web.Features.Submissions;
using Microsoft.Extensions.DependencyInjection;
using static DigitalAlmaty.Tests.Web.ModerationServiceTests;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// Puts every payload of <see cref="XssCorpus"/> into every text field through the services the forms
/// call (same validation). A field that refuses a payload gets harmless text instead (a field that wants
/// more words gets the payload followed by enough of them), and the refusal (surface, field, marker,
/// error code) is recorded.
/// </summary>
public sealed class XssCorpusSeed(PortalFactory portal)
{
    public List<(string Surface, string Field, string Marker, string Code)> Refusals { get; } = [];

    public List<(Guid Id, string Marker)> PublishedIdeas { get; } = [];

    public List<(Guid Id, string Marker)> WaitingIdeas { get; } = [];

    public List<(Guid Id, string Marker)> QuestionedIdeas { get; } = [];

    public List<(Guid Id, string Marker)> Events { get; } = [];

    public List<(Guid Id, string Marker)> News { get; } = [];

    public List<(Guid Id, string Marker)> Claims { get; } = [];

    /// <summary>Accounts named by a payload (the registration rules accepted it); the first also authors every idea of a refused name.</summary>
    public List<(string Id, string Email, string Marker)> Authors { get; } = [];

    public int Accepted { get; private set; }

    public async Task RunAsync()
    {
        var (fallbackId, fallbackEmail) = await portal.NewUserAsync("Автор корпуса");
        var (moderatorId, _) = await portal.NewUserAsync("Модератор корпуса", PortalRoles.Moderator);
        var (editorId, _) = await portal.NewUserAsync("Редактор корпуса", PortalRoles.Editor);
        var (readerId, _) = await portal.NewUserAsync("Читатель корпуса");
        Authors.Add((fallbackId, fallbackEmail, "none"));
        var moderator = Principal(moderatorId, PortalRoles.Moderator);
        var editor = Principal(editorId, PortalRoles.Editor);
        var reader = Principal(readerId);

        for (var i = 0; i < XssCorpus.All.Count; i++)
        {
            var payload = XssCorpus.All[i];
            var authorId = await AuthorAsync(payload) ?? fallbackId;
            var author = Principal(authorId);
            var ideaId = await IdeaAsync(author, payload);
            await DecideAsync(moderator, ideaId, payload, i % 5);
            if (i % 5 == 2)
            {
                await FieldAsync("Flag", "Message", payload, async text =>
                    Code(await Use<FlagService, FlagResult>(s => s.ReportAsync(reader, ideaId, ModerationClauses.Misleading, text))));
            }

            var eventId = await EventAsync(author, payload);
            Check(await Use<ModerationService, ModerationResult>(s => s.DecideAsync(moderator, eventId, Revision(eventId), ModerationDecision.Approve())));
            Events.Add((eventId, payload.Marker));
            News.Add((await NewsAsync(editor, payload), payload.Marker));
            Claims.Add((await ClaimAsync(payload), payload.Marker));
        }
    }

    private async Task<string?> AuthorAsync(XssCorpusPayload payload)
    {
        if (DisplayName.Validate(payload.Text, out var name) is { } error)
        {
            Refusals.Add(("Account", "DisplayName", payload.Marker, error));
            return null;
        }

        Accepted++;
        var (id, email) = await portal.NewUserAsync(name);
        Authors.Add((id, email, payload.Marker));
        return id;
    }

    private async Task<Guid> IdeaAsync(ClaimsPrincipal author, XssCorpusPayload payload)
    {
        var id = Guid.NewGuid();
        var fields = new Dictionary<string, string>
        {
            [nameof(IdeaContent.Title)] = payload.Text, [nameof(IdeaContent.Summary)] = payload.Text, [nameof(IdeaContent.Goal)] = payload.Text,
            [nameof(IdeaContent.Tasks)] = payload.Text, [nameof(IdeaContent.CityBenefit)] = payload.Text,
            [nameof(IdeaContent.PriorImplementations)] = payload.Text,
        };
        IdeaContent Content() => new(fields["Title"], fields["Summary"], "transport", fields["Goal"], fields["Tasks"], fields["CityBenefit"],
            fields["PriorImplementations"], ["xss"]);
        await SaveAndSubmitAsync("Idea", author, id, fields, payload, revision =>
            Use<SubmissionService, SubmissionResult>(s => s.SaveIdeaAsync(author, id, Content(), revision)));
        return id;
    }

    private async Task<Guid> EventAsync(ClaimsPrincipal author, XssCorpusPayload payload)
    {
        var id = Guid.NewGuid();
        var startsAt = new DateTimeOffset(2031, 6, 1, 10, 0, 0, TimeSpan.FromHours(5));
        var fields = new Dictionary<string, string>
        {
            [nameof(EventContent.Title)] = payload.Text, [nameof(EventContent.Description)] = payload.Text, [nameof(EventContent.Venue)] = payload.Text,
            [nameof(EventContent.OnlineLink)] = payload.Text, [nameof(EventContent.Organiser)] = payload.Text,
            [nameof(EventContent.RegistrationLink)] = payload.Text,
        };
        EventContent Content() => new(fields["Title"], fields["Description"], startsAt, startsAt.AddHours(2), EventFormat.Hybrid, fields["Venue"],
            fields["OnlineLink"], fields["Organiser"], fields["RegistrationLink"], EventLanguages.Russian, true);
        await SaveAndSubmitAsync("Event", author, id, fields, payload, revision =>
            Use<SubmissionService, SubmissionResult>(s => s.SaveEventAsync(author, id, Content(), revision)));
        return id;
    }

    private async Task SaveAndSubmitAsync(
        string surface, ClaimsPrincipal author, Guid id, Dictionary<string, string> fields, XssCorpusPayload payload,
        Func<int?, Task<SubmissionResult>> save)
    {
        int? revision = null;
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var saved = await save(revision);
            if (!saved.Succeeded)
            {
                Refuse(surface, fields, saved, payload);
                continue;
            }

            revision = saved.Revision;
            var submitted = await Use<SubmissionService, SubmissionResult>(s => s.SubmitAsync(author, id));
            if (submitted.Succeeded)
            {
                return;
            }

            Refuse(surface, fields, submitted, payload);
        }

        throw new InvalidOperationException($"{surface} {payload.Marker} could not be submitted.");
    }

    private void Refuse(string surface, Dictionary<string, string> fields, SubmissionResult result, XssCorpusPayload payload)
    {
        Assert.NotEmpty(result.FieldErrors);
        foreach (var error in result.FieldErrors.Where(e => fields.ContainsKey(e.Field)))
        {
            Refusals.Add((surface, error.Field, payload.Marker, error.Code));
            fields[error.Field] = error.Code == "Field.TooFewWords" && fields[error.Field] == payload.Text
                ? payload.Text + "\n\nДостаточно слов, чтобы правило длины приняло это поле вместе с полезной нагрузкой."
                : error.Field.EndsWith("Link", StringComparison.Ordinal)
                    ? $"https://example.kz/{payload.Marker}"
                    : $"Безопасный текст {payload.Marker}";
        }
    }

    /// <summary>Each fifth item waits in the queue, another is asked for more (the question is the payload), the rest are approved with the payload as the message.</summary>
    private async Task DecideAsync(ClaimsPrincipal moderator, Guid id, XssCorpusPayload payload, int lane)
    {
        if (lane == 1)
        {
            WaitingIdeas.Add((id, payload.Marker));
            return;
        }

        var asked = lane == 0;
        var code = await FieldAsync("Moderation", asked ? "Question" : "Message", payload, async text => Code(await Use<ModerationService, ModerationResult>(s =>
            s.DecideAsync(moderator, id, Revision(id), asked ? ModerationDecision.RequestInformation(text) : ModerationDecision.Approve(text)))));
        Assert.Null(code);
        (asked ? QuestionedIdeas : PublishedIdeas).Add((id, payload.Marker));
    }

    private async Task<Guid> NewsAsync(ClaimsPrincipal editor, XssCorpusPayload payload)
    {
        var safe = $"Безопасный текст {payload.Marker}";
        string[][] tries = [[payload.Text, payload.Text, payload.Text], [safe, payload.Text, payload.Text], [safe, safe, payload.Text], [safe, safe, safe]];
        foreach (var texts in tries)
        {
            var saved = await Use<PublicationService, PublicationResult>(s => s.SaveAsync(editor, null, PublicationKind.News,
                [new PublicationContent("ru", texts[0], texts[1], texts[2])], null, []));
            if (saved.Succeeded)
            {
                Check(await Use<PublicationService, PublicationResult>(s => s.PublishNowAsync(editor, saved.Id!.Value)));
                return saved.Id!.Value;
            }

            foreach (var error in saved.FieldErrors)
            {
                Refusals.Add(("Publication", error.Field, payload.Marker, error.Code));
            }
        }

        throw new InvalidOperationException($"News {payload.Marker} could not be saved.");
    }

    private async Task<Guid> ClaimAsync(XssCorpusPayload payload)
    {
        var fields = new Dictionary<string, string> { ["Name"] = payload.Text, ["Subject"] = payload.Text, ["Text"] = payload.Text };
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var form = new ClaimForm(fields["Name"], "claimant@example.kz", ClaimTopic.Other, fields["Subject"], fields["Text"],
                DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)));
            var filed = await Use<ClaimService, ClaimResult>(s => s.FileAsync(new ClaimsPrincipal(new ClaimsIdentity()), form, null, "ru-RU"));
            if (filed.Succeeded)
            {
                return filed.Claim!.Id;
            }

            foreach (var error in filed.FieldErrors.Where(e => fields.ContainsKey(e.Field)))
            {
                Refusals.Add(("Claim", error.Field, payload.Marker, error.Code));
                fields[error.Field] = $"Безопасный текст {payload.Marker}";
            }
        }

        throw new InvalidOperationException($"Claim {payload.Marker} could not be filed.");
    }

    /// <summary>Runs <paramref name="write"/> with the payload, and once more with harmless text when it is refused; returns the last error code.</summary>
    private async Task<string?> FieldAsync(string surface, string field, XssCorpusPayload payload, Func<string, Task<string?>> write)
    {
        if (await write(payload.Text) is not { } code)
        {
            return null;
        }

        Refusals.Add((surface, field, payload.Marker, code));
        return await write($"Безопасный текст {payload.Marker}");
    }

    private static string? Code(FlagResult result) => result.Succeeded ? null : result.ErrorCode ?? "?";

    private static string? Code(ModerationResult result) => result.Succeeded ? null : result.ErrorCode ?? "?";

    private static void Check(ModerationResult result) => Assert.True(result.Succeeded, result.ErrorCode);

    private static void Check(PublicationResult result) => Assert.True(result.Succeeded, result.ErrorCode);

    private int Revision(Guid id)
    {
        using var scope = portal.Services.CreateScope();
        var databases = scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<DigitalAlmaty.Web.Data.PortalDbContext>>();
        using var db = databases.CreateDbContext();
        return db.Submissions.Single(s => s.Id == id).Revision;
    }

    private async Task<T> Use<TService, T>(Func<TService, Task<T>> use)
        where TService : notnull
    {
        using var scope = portal.Services.CreateScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
