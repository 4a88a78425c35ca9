using DigitalAlmaty.Domain.Events;
using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Domain.Time;
using DigitalAlmaty.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Demo;

/// <summary>
/// With <c>Demo:Seed</c> on (Development), fills an empty database with a few participants, ideas
/// and events in Russian, Kazakh and English, some published and some waiting for a moderator, so
/// the first start shows a living portal, plus news, reports and projects in all three languages with
/// cover pictures drawn at seed time. Does nothing when any submission (or publication) exists.
/// </summary>
public sealed class DemoSeeder(
    IDbContextFactory<PortalDbContext> databases,
    UserManager<PortalUser> users,
    IConfiguration configuration,
    Files.FileStore files,
    TimeProvider clock,
    ILogger<DemoSeeder> logger)
{
    private const string DemoModerator = "demo-moderator";
    private const string DemoEditor = "demo-editor";

    public async Task RunAsync()
    {
        if (!configuration.GetValue("Demo:Seed", false))
        {
            return;
        }

        await SeedPublicationsAsync();
        await using var db = await databases.CreateDbContextAsync();
        if (await db.Submissions.AnyAsync())
        {
            return;
        }

        var now = clock.GetUtcNow();
        var authors = new[]
        {
            await AuthorAsync("aigerim@demo.digital-almaty.local", "Айгерим Садыкова", "ru-RU", now),
            await AuthorAsync("daulet@demo.digital-almaty.local", "Дәулет Сейітов", "kk-KZ", now),
            await AuthorAsync("anna@demo.digital-almaty.local", "Anna Kim", "en-US", now),
        };

        var residents = authors.ToList();
        foreach (var (email, name, culture) in DemoParticipation.Supporters)
        {
            residents.Add(await AuthorAsync(email, name, culture, now));
        }

        var published = new List<Guid>();
        var ideas = DemoContent.Ideas;
        for (var i = 0; i < ideas.Count; i++)
        {
            var author = authors[i % authors.Length].Id;
            var created = now.AddDays(-20 + i).AddHours(-i);
            var idea = Idea.StartDraft(Guid.NewGuid(), author, created);
            idea.Edit(author, ideas[i], created);
            idea.Submit(author, created.AddMinutes(30));
            if (i % 3 != 2)
            {
                idea.Approve(DemoModerator, created.AddDays(1));
                published.Add(idea.Id);
            }

            db.Ideas.Add(idea);
        }

        var events = DemoContent.Events(AlmatyTime.Today(now));
        for (var i = 0; i < events.Count; i++)
        {
            var author = authors[(i + 1) % authors.Length].Id;
            var created = now.AddDays(-6 + i);
            var cityEvent = CityEvent.StartDraft(Guid.NewGuid(), author, created);
            cityEvent.Edit(author, events[i], created);
            cityEvent.Submit(author, created.AddMinutes(10));
            if (i % 2 == 0)
            {
                cityEvent.Approve(DemoModerator, created.AddHours(5));
            }

            db.Events.Add(cityEvent);
        }

        await db.SaveChangesAsync();
        await DemoParticipation.SeedAsync(db, published, residents, DemoEditor, now);
        logger.LogInformation("Demo content added: {Ideas} ideas and {Events} events, with supports and the city's answers.", ideas.Count, events.Count);
    }

    /// <summary>Demo news, reports and projects in ru/kk/en, some with a cover drawn at seed time. Only into a portal without publications.</summary>
    private async Task SeedPublicationsAsync()
    {
        await using var db = await databases.CreateDbContextAsync();
        if (await db.Publications.AnyAsync())
        {
            return;
        }

        var now = clock.GetUtcNow();
        var items = DemoContent.Publications;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            Guid? cover = null;
            if (item.WithCover)
            {
                var upload = await files.SaveImageAsync(DemoEditor, new MemoryStream(DemoImages.Cover(i)), $"demo-cover-{i + 1}.png", perUserQuota: false);
                cover = upload.FileId;
            }

            var at = now.AddDays(-item.DaysAgo);
            var publication = new Domain.Publications.Publication(Guid.NewGuid(), item.Kind, DemoEditor, at, item.Texts, cover);
            publication.PublishNow(DemoEditor, at);
            db.Publications.Add(publication);
        }

        await db.SaveChangesAsync();
        logger.LogInformation("Demo publications added: {Count}.", items.Count);
    }

    private async Task<PortalUser> AuthorAsync(string email, string displayName, string culture, DateTimeOffset now)
    {
        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            return existing;
        }

        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            PreferredCulture = culture,
            CreatedAt = now.AddMonths(-2),
        };

        // Demo participants cannot sign in: they have no password.
        var result = await users.CreateAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        return user;
    }
}
