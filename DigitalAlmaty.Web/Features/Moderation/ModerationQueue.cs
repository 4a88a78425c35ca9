using System.Runtime.CompilerServices;
using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Data.Configurations;
using DigitalAlmaty.Web.Realtime;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Moderation;

/// <summary>
/// Reads for the moderation queue (agreement clause 4.1.2): projections without tracking, keyset
/// paging on (SubmittedAt, Id) over the (Status, SubmittedAt, Id) index, one DbContext per read.
/// </summary>
public sealed class ModerationQueue(IDbContextFactory<PortalDbContext> databases)
{
    public const int DefaultPageSize = 50;

    // One read per change per node: every open queue and badge on this node receives the same event
    // instance from the feed and awaits the same task, so a change costs two queries, not two per screen.
    private readonly ConditionalWeakTable<SubmissionChanged, Lazy<Task<QueueChange>>> _changes = new();
    private readonly ConditionalWeakTable<PortalEvent, Lazy<Task<int>>> _flaggedReads = new();
    private long _sequence;
    public const int MaxSearchLength = 100;
    public const int AuthorHistoryLimit = 20;
    public const int FlaggedLimit = 100;

    /// <summary>The next <paramref name="size"/> waiting items after <paramref name="after"/>, oldest first.</summary>
    public async Task<QueuePage> PageAsync(QueueFilter filter, QueueCursor? after = null, int size = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        size = Math.Clamp(size, 1, 200);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var query = Filtered(db, filter);
        if (after is not null)
        {
            var at = after.SubmittedAt;
            var id = after.Id;
            query = query.Where(s => s.SubmittedAt > at || (s.SubmittedAt == at && s.Id.CompareTo(id) > 0));
        }

        var rows = await Project(db, query.OrderBy(s => s.SubmittedAt).ThenBy(s => s.Id).Take(size + 1))
            .ToListAsync(cancellationToken);
        var more = rows.Count > size;
        var page = rows.Take(size).Select(Row).ToList();
        return new QueuePage(page, more ? new QueueCursor(page[^1].SubmittedAt, page[^1].Id) : null);
    }

    /// <summary>One waiting item as a row, or null when it is not (or no longer) waiting or does not match.</summary>
    public async Task<QueueRow?> RowAsync(Guid id, QueueFilter? filter = null, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var row = await Project(db, Filtered(db, filter ?? QueueFilter.None).Where(s => s.Id == id)).SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : Row(row);
    }

    /// <summary>
    /// The row and the count after <paramref name="change"/>, read once on this node however many
    /// screens ask (unfiltered: each screen applies its own filter with <see cref="QueueFilter.Matches"/>).
    /// </summary>
    public Task<QueueChange> ReadChangeAsync(SubmissionChanged change) =>
        _changes.GetValue(change, c => new Lazy<Task<QueueChange>>(() => ReadAsync(c))).Value;

    private async Task<QueueChange> ReadAsync(SubmissionChanged change)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        await using var db = await databases.CreateDbContextAsync();
        QueueRow? row = null;
        if (change.Status == SubmissionStatus.Submitted)
        {
            var raw = await Project(db, Filtered(db, QueueFilter.None).Where(s => s.Id == change.Id)).SingleOrDefaultAsync();
            row = raw is null ? null : Row(raw);
        }

        var total = await db.Submissions.CountAsync(s => s.Status == SubmissionStatus.Submitted);
        return new QueueChange(row, total, sequence);
    }

    /// <summary>
    /// How many published items have open reports after <paramref name="trigger"/>, read once on this
    /// node however many badges ask. The app-bar badge counts them with the submissions waiting.
    /// </summary>
    public Task<int> ReadFlaggedAsync(PortalEvent trigger) =>
        _flaggedReads.GetValue(trigger, _ => new Lazy<Task<int>>(() => FlaggedCountAsync())).Value;

    /// <summary>How many published items have open reports (each counts once, however many reports it has).</summary>
    public async Task<int> FlaggedCountAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await (
            from f in db.ContentFlags
            where f.ResolvedAt == null
            join s in db.Submissions on f.SubmissionId equals s.Id
            where s.Status == SubmissionStatus.Published
            select f.SubmissionId).Distinct().CountAsync(cancellationToken);
    }

    /// <summary>How many items wait: one COUNT over the index, for the app-bar badge.</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Submissions.CountAsync(s => s.Status == SubmissionStatus.Submitted, cancellationToken);
    }

    /// <summary>The whole item for the review panel, its author's name and the author's other items.</summary>
    public async Task<ReviewItem?> ReviewAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var item = await db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (item is null)
        {
            return null;
        }

        var author = await db.Users.Where(u => u.Id == item.AuthorId && u.AnnulledAt == null).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        var earlier = await db.Submissions.AsNoTracking()
            .Where(s => s.AuthorId == item.AuthorId && s.Id != id && s.Status != SubmissionStatus.Draft)
            .OrderByDescending(s => s.UpdatedAt)
            .Take(AuthorHistoryLimit)
            .Select(s => new { s.Id, Kind = EF.Property<string>(s, SubmissionConfiguration.KindColumn), s.Title, s.Status, s.UpdatedAt })
            .ToListAsync(cancellationToken);
        var flags = await (
            from f in db.ContentFlags.AsNoTracking()
            where f.SubmissionId == id && f.ResolvedAt == null
            join u in db.Users on f.ReporterId equals u.Id
            orderby f.CreatedAt
            select new OpenFlag(f.Clause, f.Message, f.CreatedAt, u.DisplayName)).ToListAsync(cancellationToken);
        return new ReviewItem(
            item,
            author ?? string.Empty,
            earlier.Select(e => new AuthorItem(e.Id, Enum.Parse<SubmissionKind>(e.Kind), e.Title, e.Status, e.UpdatedAt)).ToList())
        {
            OpenFlags = flags,
        };
    }

    /// <summary>
    /// Published items with open reports (4.3.5–4.3.11), grouped by item, the longest-reported
    /// first. Open reports are few (each is resolved by a hide or a dismissal), so they are grouped here.
    /// </summary>
    public async Task<IReadOnlyList<FlaggedRow>> FlaggedAsync(Guid? only = null, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var flags = db.ContentFlags.AsNoTracking().Where(f => f.ResolvedAt == null);
        if (only is { } id)
        {
            flags = flags.Where(f => f.SubmissionId == id);
        }

        var open = await (
            from f in flags
            join s in db.Submissions on f.SubmissionId equals s.Id
            where s.Status == SubmissionStatus.Published
            join u in db.Users on s.AuthorId equals u.Id into authors
            from u in authors.DefaultIfEmpty()
            select new
            {
                f.SubmissionId,
                f.Clause,
                f.CreatedAt,
                Kind = EF.Property<string>(s, SubmissionConfiguration.KindColumn),
                s.Title,
                AuthorName = u == null ? null : u.DisplayName,
            }).Take(FlaggedLimit * 50).ToListAsync(cancellationToken);
        return open
            .GroupBy(f => f.SubmissionId)
            .Select(g =>
            {
                var first = g.First();
                var reasons = g.GroupBy(f => f.Clause, StringComparer.Ordinal)
                    .Select(c => new FlagReason(c.Key, c.Count()))
                    .OrderByDescending(r => r.Count).ThenBy(r => r.Clause, StringComparer.Ordinal)
                    .ToList();
                return new FlaggedRow(g.Key, Enum.Parse<SubmissionKind>(first.Kind), first.Title, first.AuthorName ?? string.Empty,
                    g.Count(), reasons, g.Min(f => f.CreatedAt));
            })
            .OrderBy(r => r.FirstFlaggedAt).ThenBy(r => r.Id)
            .Take(FlaggedLimit)
            .ToList();
    }

    /// <summary>One reported item as a row, or null when it has no open reports or is no longer published.</summary>
    public async Task<FlaggedRow?> FlaggedRowAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await FlaggedAsync(id, cancellationToken)).SingleOrDefault();

    /// <summary>Whether the item entered the queue before: more than one submitted version, or an earlier Submit.</summary>
    public static bool IsResubmission(Submission item) =>
        item.Versions.Count > 1 || item.History.Count(h => h.Action == SubmissionAction.Submit) > 1;

    private static IQueryable<Submission> Filtered(PortalDbContext db, QueueFilter filter)
    {
        var query = db.Submissions.AsNoTracking().Where(s => s.Status == SubmissionStatus.Submitted);
        if (filter.Kind is { } kind)
        {
            var discriminator = kind.ToString();
            query = query.Where(s => EF.Property<string>(s, SubmissionConfiguration.KindColumn) == discriminator);
        }

        if (!string.IsNullOrWhiteSpace(filter.Category))
        {
            var category = filter.Category;
            query = query.Where(s => ((Idea)s).Category == category);
        }

        var search = SearchTerm(filter.Search);
        if (search is not null)
        {
            // Contains is translated without LIKE wildcards (instr / strpos), so % _ ' " are plain text;
            // lower() folds Cyrillic on PostgreSQL and, through our own function, on SQLite.
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower(); the culture-aware overloads are not
            query = query.Where(s => s.Title.ToLower().Contains(search));
#pragma warning restore CA1304, CA1311, CA1862
        }

        return query;
    }

    internal static string? SearchTerm(string? search)
    {
        var trimmed = search?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return (trimmed.Length > MaxSearchLength ? trimmed[..MaxSearchLength] : trimmed).ToLowerInvariant();
    }

    private static IQueryable<RawRow> Project(PortalDbContext db, IQueryable<Submission> query) =>
        from s in query
        join u in db.Users on s.AuthorId equals u.Id into authors
        from u in authors.DefaultIfEmpty()
        select new RawRow
        {
            Id = s.Id,
            Kind = EF.Property<string>(s, SubmissionConfiguration.KindColumn),
            Title = s.Title,
            AuthorName = u == null || u.AnnulledAt != null ? null : u.DisplayName,
            Category = ((Idea)s).Category,
            SubmittedAt = s.SubmittedAt,
            Versions = s.Versions.Count,
        };

    private static QueueRow Row(RawRow r) => new(
        r.Id,
        Enum.Parse<SubmissionKind>(r.Kind),
        r.Title,
        r.AuthorName ?? string.Empty,
        r.Category,
        r.SubmittedAt ?? DateTimeOffset.MinValue,
        r.Versions > 1);

    private sealed class RawRow
    {
        public Guid Id { get; init; }

        public string Kind { get; init; } = string.Empty;

        public string Title { get; init; } = string.Empty;

        public string? AuthorName { get; init; }

        public string? Category { get; init; }

        public DateTimeOffset? SubmittedAt { get; init; }

        public int Versions { get; init; }
    }
}
