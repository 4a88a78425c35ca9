using System.Globalization;
using System.Text;
using DigitalAlmaty.Domain.Participation;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Data;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Catalog;

/// <summary>
/// What readers see: published items only, newest or soonest first, with keyset paging (a cursor of
/// the last row's sort key and id) so page 500 costs what page 1 does. No tracking, projections only.
/// </summary>
public sealed class PublicCatalog(IDbContextFactory<PortalDbContext> databases, TimeProvider clock, CatalogQueries queries)
{
    public const int PageSize = 20;

    /// <summary>Shown instead of the name of an author whose account no longer exists or was annulled (4.1.4).</summary>
    public const string FormerParticipantKey = "Catalog.FormerParticipant";

    /// <summary>The name to show for an author: theirs, or the localized neutral name.</summary>
    public static string AuthorName(Microsoft.Extensions.Localization.IStringLocalizer<Resources.CatalogText> text, string? name) =>
        string.IsNullOrEmpty(name) || name == FormerParticipantKey ? text[FormerParticipantKey] : name;


    public async Task<CatalogPage<IdeaCard>> IdeasAsync(
        string? category, IdeaSort sort, string? cursor, int pageSize = PageSize, string? tag = null, CityStatus? status = null)
    {
        await using var db = await databases.CreateDbContextAsync();
        category = string.IsNullOrEmpty(category) ? null : category;
        if (sort == IdeaSort.Newest && status is null)
        {
            var pattern = TagPattern(tag);
            var source = Cursor.Parse(cursor) is { } c && c.TryInstant(out var instant)
                ? queries.NewestAfter(db, category, pattern, instant, c.Id, pageSize + 1)
                : queries.NewestFirst(db, category, pattern, pageSize + 1);
            var page = new List<IdeaCard>(pageSize + 1);
            await foreach (var card in source)
            {
                page.Add(card);
            }

            var last = page.Count > pageSize ? page[pageSize - 1] : null;
            return new CatalogPage<IdeaCard>(page.Take(pageSize).ToList(), last is null ? null : Cursor.Of(last.PublishedAt, last.Id));
        }

        var query = db.Ideas.AsNoTracking().Where(i => i.Status == SubmissionStatus.Published);
        if (category is not null)
        {
            query = query.Where(i => i.Category == category);
        }

        if (TagPattern(tag) is { } tagPattern)
        {
            // Tags are stored as a JSON array; the tag serialised the same way, quotes included, matches one whole element.
            query = query.Where(i => EF.Functions.Like((string)(object)i.Tags, tagPattern, LikeEscape));
        }

        if (status is { } wanted)
        {
            query = query.Where(i => i.CityStatus == wanted);
        }

        var after = Cursor.Parse(cursor);
        if (sort == IdeaSort.Support)
        {
            if (after is { } a && a.TrySupport(out var count, out var at))
            {
                query = query.Where(i => i.SupportCount <= count
                    && (i.SupportCount < count || i.PublishedAt < at || (i.PublishedAt == at && i.Id.CompareTo(a.Id) < 0)));
            }

            query = query.OrderByDescending(i => i.SupportCount).ThenByDescending(i => i.PublishedAt).ThenByDescending(i => i.Id);
        }
        else if (sort == IdeaSort.Title)
        {
            if (after is { } a)
            {
#pragma warning disable CA1309 // Translated to SQL: the database's collation orders titles, the same one ORDER BY uses.
                // The outer ">=" bounds an index range; the OR inside only breaks ties.
                query = query.Where(i => string.Compare(i.Title, a.Text) >= 0 && (string.Compare(i.Title, a.Text) > 0 || i.Id.CompareTo(a.Id) > 0));
#pragma warning restore CA1309
            }

            query = query.OrderBy(i => i.Title).ThenBy(i => i.Id);
        }
        else
        {
            if (after is { } a && a.TryInstant(out var at))
            {
                query = query.Where(i => i.PublishedAt <= at && (i.PublishedAt < at || i.Id.CompareTo(a.Id) < 0));
            }

            query = query.OrderByDescending(i => i.PublishedAt).ThenByDescending(i => i.Id);
        }

        // The page is cut first, then joined to its authors (the join touches only the rows shown) and ordered again.
        var joined =
            from i in query.Take(pageSize + 1)
            join u in db.Users on i.AuthorId equals u.Id into authors
            from u in authors.DefaultIfEmpty()
            select new { Idea = i, Author = u.AnnulledAt == null ? u.DisplayName : null };
        joined = sort switch
        {
            IdeaSort.Title => joined.OrderBy(x => x.Idea.Title).ThenBy(x => x.Idea.Id),
            IdeaSort.Support => joined.OrderByDescending(x => x.Idea.SupportCount).ThenByDescending(x => x.Idea.PublishedAt).ThenByDescending(x => x.Idea.Id),
            _ => joined.OrderByDescending(x => x.Idea.PublishedAt).ThenByDescending(x => x.Idea.Id),
        };
        var rows = await joined
            .Select(x => new IdeaCard(x.Idea.Id, x.Idea.Title, x.Idea.Summary, x.Idea.Category, x.Idea.PublishedAt!.Value, x.Author ?? FormerParticipantKey, x.Idea.Tags,
                x.Idea.SupportCount, x.Idea.CityStatus))
            .ToListAsync();
        var end = rows.Count > pageSize ? rows[pageSize - 1] : null;
        var next = end is null ? null : sort switch
        {
            IdeaSort.Title => Cursor.Of(end.Title, end.Id),
            IdeaSort.Support => Cursor.OfSupport(end.SupportCount, end.PublishedAt, end.Id),
            _ => Cursor.Of(end.PublishedAt, end.Id),
        };
        return new CatalogPage<IdeaCard>(rows.Take(pageSize).ToList(), next);
    }

    /// <summary>A published idea with its author's public name (as the lists show it), or null: the open API's item.</summary>
    public async Task<(Domain.Ideas.Idea Idea, string AuthorName)?> IdeaAsync(Guid id)
    {
        await using var db = await databases.CreateDbContextAsync();
        var row = await (
            from i in db.Ideas.AsNoTracking().Where(i => i.Id == id && i.Status == SubmissionStatus.Published)
            join u in db.Users on i.AuthorId equals u.Id into authors
            from u in authors.DefaultIfEmpty()
            select new { Idea = i, Author = u.AnnulledAt == null ? u.DisplayName : null }).SingleOrDefaultAsync();
        return row is null ? null : (row.Idea, row.Author ?? FormerParticipantKey);
    }

    /// <summary>A published event as the lists show it, or null: the open API's item.</summary>
    public async Task<EventCard?> EventAsync(Guid id)
    {
        await using var db = await databases.CreateDbContextAsync();
        return await db.Events.AsNoTracking()
            .Where(e => e.Id == id && e.Status == SubmissionStatus.Published && e.StartsAt != null && e.EndsAt != null)
            .Select(e => new EventCard(e.Id, e.Title, e.Description, e.StartsAt!.Value, e.EndsAt!.Value, e.Format, e.Venue, e.OnlineLink, e.Organiser, e.RegistrationLink))
            .SingleOrDefaultAsync();
    }

    internal const string LikeEscape = "!";

    /// <summary>The LIKE pattern that finds one tag in the stored JSON array, or null for no tag filter.</summary>
    internal static string? TagPattern(string? tag)
    {
        var trimmed = tag?.Trim().TrimStart('#');
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > Domain.Ideas.Idea.TagMaxLength)
        {
            return null;
        }

        var json = System.Text.Json.JsonSerializer.Serialize(trimmed, System.Text.Json.JsonSerializerOptions.Default);
        var escaped = json.Replace("!", "!!", StringComparison.Ordinal).Replace("%", "!%", StringComparison.Ordinal).Replace("_", "!_", StringComparison.Ordinal);
        return $"%{escaped}%";
    }

    /// <summary>Upcoming events soonest first (those still running count as upcoming), or past events latest first.</summary>
    public async Task<CatalogPage<EventCard>> EventsAsync(bool past, string? cursor, int pageSize = PageSize)
    {
        var now = clock.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync();
        var query = db.Events.AsNoTracking().Where(e => e.Status == SubmissionStatus.Published && e.StartsAt != null && e.EndsAt != null);
        query = past ? query.Where(e => e.EndsAt < now) : query.Where(e => e.EndsAt >= now);
        var after = Cursor.Parse(cursor);
        if (after is { } a && a.TryInstant(out var at))
        {
            query = past
                ? query.Where(e => e.StartsAt <= at && (e.StartsAt < at || e.Id.CompareTo(a.Id) < 0))
                : query.Where(e => e.StartsAt >= at && (e.StartsAt > at || e.Id.CompareTo(a.Id) > 0));
        }

        query = past
            ? query.OrderByDescending(e => e.StartsAt).ThenByDescending(e => e.Id)
            : query.OrderBy(e => e.StartsAt).ThenBy(e => e.Id);
        var rows = await query
            .Select(e => new EventCard(e.Id, e.Title, e.Description, e.StartsAt!.Value, e.EndsAt!.Value, e.Format, e.Venue, e.OnlineLink, e.Organiser, e.RegistrationLink))
            .Take(pageSize + 1)
            .ToListAsync();
        var next = rows.Count > pageSize ? Cursor.Of(rows[pageSize - 1].StartsAt, rows[pageSize - 1].Id) : null;
        return new CatalogPage<EventCard>(rows.Take(pageSize).ToList(), next);
    }

    /// <summary>The cursor is opaque to readers: base64url of "sortKey|id". A mangled one starts from the top.</summary>
    internal readonly record struct Cursor(string Text, Guid Id)
    {
        public bool TryInstant(out DateTimeOffset instant)
        {
            var ok = long.TryParse(Text, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks;
            instant = ok ? new DateTimeOffset(ticks, TimeSpan.Zero) : default;
            return ok;
        }

        /// <summary>The support order's key: the count, then the publication instant.</summary>
        public bool TrySupport(out int count, out DateTimeOffset instant)
        {
            count = 0;
            instant = default;
            var split = Text.IndexOf(':', StringComparison.Ordinal);
            return split > 0
                && int.TryParse(Text.AsSpan(0, split), NumberStyles.None, CultureInfo.InvariantCulture, out count)
                && (this with { Text = Text[(split + 1)..] }).TryInstant(out instant);
        }

        public static string OfSupport(int count, DateTimeOffset instant, Guid id) =>
            Of(string.Create(CultureInfo.InvariantCulture, $"{count}:{instant.UtcTicks}"), id);

        public static string Of(DateTimeOffset instant, Guid id) => Of(instant.UtcTicks.ToString(CultureInfo.InvariantCulture), id);

        public static string Of(string text, Guid id) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($"{text}|{id:N}"));

        public static Cursor? Parse(string? cursor)
        {
            if (string.IsNullOrEmpty(cursor) || cursor.Length > 1000)
            {
                return null;
            }

            try
            {
                var raw = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cursor));
                var split = raw.LastIndexOf('|');
                return split > 0 && Guid.TryParseExact(raw[(split + 1)..], "N", out var id) ? new Cursor(raw[..split], id) : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }
}
