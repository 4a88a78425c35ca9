using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Data.Auditing;
using DigitalAlmaty.Web.Features.Accounts;
using DigitalAlmaty.Web.Features.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace DigitalAlmaty.Web.Features.PersonalData;

/// <summary>
/// Everything the portal holds about one user as one JSON document (clauses 6.1–6.3, 4.4.6): for
/// the user themself (account pages, agreement decline) and, with a reason written to the audit
/// log first, for an administrator. One implementation; the parts come from <see cref="IUserDataSection"/>s.
/// </summary>
public sealed class UserDataExport(
    IDbContextFactory<PortalDbContext> databases,
    IEnumerable<IUserDataSection> sections,
    IMemoryCache cache,
    TimeProvider clock,
    Accounts.ActingUser acting)
{
    public const string Format = "digital-almaty.user-data/1";
    public const int ReasonMinLength = 10;
    public const int ReasonMaxLength = 1000;
    public const string AuditAction = "User.DataExport";

    /// <summary>How long a prepared download waits for its one use.</summary>
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(10);

    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };


    /// <summary>The JSON document, or null when the user does not exist.</summary>
    public async Task<byte[]?> BuildAsync(string userId, UserDataAudience audience, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (!await db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
        {
            return null;
        }

        var document = new JsonObject
        {
            ["format"] = Format,
            ["exportedAt"] = clock.GetUtcNow(),
            ["userId"] = userId,
            ["audience"] = audience.ToString(),
        };
        foreach (var section in sections.OrderBy(s => s.Order).ThenBy(s => s.Name, StringComparer.Ordinal))
        {
            var value = await section.ReadAsync(db, userId, audience, cancellationToken);
            document[section.Name] = JsonSerializer.SerializeToNode(value, Json);
        }

        return JsonSerializer.SerializeToUtf8Bytes(document, Json);
    }

    /// <summary>The signed-in user's own data, for the account pages.</summary>
    public Task<byte[]?> BuildOwnAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        ActingUser.Id(user) is { } userId ? BuildAsync(userId, UserDataAudience.Self, cancellationToken) : Task.FromResult<byte[]?>(null);

    /// <summary>
    /// A one-time link to a user's own data, for a user who is being signed out (declining the
    /// agreement): the token's hash is stored with its expiry, so the link works on any node, once,
    /// for <see cref="KeepFor"/>. Returns the token.
    /// </summary>
    public async Task<string> KeepForSelfAsync(string userId)
    {
        var token = NewToken();
        var now = clock.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync();
        await db.SelfExportLinks.Where(l => l.ExpiresAt < now).ExecuteDeleteAsync();
        db.SelfExportLinks.Add(new SelfExportLink { TokenHash = Hash(token), UserId = userId, CreatedAt = now, ExpiresAt = now + KeepFor });
        await db.SaveChangesAsync();
        return token;
    }

    /// <summary>
    /// The user's data for a link of <see cref="KeepForSelfAsync"/>, built now; null when the link is
    /// unknown, expired or already used. The use is recorded by one conditional update, so of two
    /// requests at once (on one node or two) only one gets the data.
    /// </summary>
    public async Task<byte[]?> TakeSelfAsync(string token, CancellationToken cancellationToken = default)
    {
        var hash = Hash(token);
        var now = clock.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var taken = await db.SelfExportLinks
            .Where(l => l.TokenHash == hash && l.TakenAt == null && l.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.TakenAt, now), cancellationToken);
        if (taken != 1)
        {
            return null;
        }

        var userId = await db.SelfExportLinks.Where(l => l.TokenHash == hash).Select(l => l.UserId).SingleAsync(cancellationToken);
        return await BuildAsync(userId, UserDataAudience.Self, cancellationToken);
    }

    /// <summary>
    /// An administrator asks for a user's data (6.1–6.3): Admin only, with a reason of at least
    /// <see cref="ReasonMinLength"/> characters. The request and its reason are written to the audit
    /// log and committed before anything is built; the document then waits for one download by this
    /// administrator under the returned token.
    /// </summary>
    public async Task<DataExportResult> PrepareForAdministratorAsync(ClaimsPrincipal admin, string userId, string? reason)
    {
        if (await acting.AdminAsync(admin) is not { Id: var adminId })
        {
            return new DataExportResult(false, DataExportResult.NotAllowed);
        }

        var text = reason?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return new DataExportResult(false, DataExportResult.Invalid, FieldError: "Validation.Required");
        }

        if (text.Length < ReasonMinLength)
        {
            return new DataExportResult(false, DataExportResult.Invalid, FieldError: "Export.ReasonTooShort");
        }

        if (text.Length > ReasonMaxLength)
        {
            return new DataExportResult(false, DataExportResult.Invalid, FieldError: "Export.ReasonTooLong");
        }

        await using (var db = await databases.CreateDbContextAsync())
        {
            if (!await db.Users.AnyAsync(u => u.Id == userId))
            {
                return new DataExportResult(false, DataExportResult.NotFound);
            }

            Audit.Record(db, clock.GetUtcNow(), adminId, DataExportAudit.Exported, AuditSubject.User(userId), new DataExportAudit(text));
            await db.SaveChangesAsync();
        }

        var json = await BuildAsync(userId, UserDataAudience.Administrator);
        if (json is null)
        {
            return new DataExportResult(false, DataExportResult.NotFound);
        }

        var token = NewToken();
        cache.Set(AdminKey(token), new AdminDownload(adminId, userId, json), KeepFor);
        return new DataExportResult(true, null, token);
    }

    /// <summary>
    /// The prepared document, once, for the administrator who asked for it (the role is checked again
    /// here); null otherwise.
    /// </summary>
    public (string UserId, byte[] Json)? TakeForAdministrator(ClaimsPrincipal admin, string token)
    {
        var adminId = ActingUser.Id(admin);
        if (adminId is null || !admin.IsInRole(PortalRoles.Admin)
            || !cache.TryGetValue(AdminKey(token), out AdminDownload? download) || download is null
            || download.AdminId != adminId)
        {
            return null;
        }

        cache.Remove(AdminKey(token));
        return (download.UserId, download.Json);
    }

    private static string NewToken() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    private static string Hash(string token) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private static string AdminKey(string token) => $"user-data:admin:{token}";

    private sealed record AdminDownload(string AdminId, string UserId, byte[] Json);
}
