using System.Text.Encodings.Web;
using System.Text.Json;

namespace DigitalAlmaty.Web.Data.Auditing;

/// <summary>
/// Writes and reads the audit log. <see cref="Record"/> only adds the entry to the caller's context:
/// the caller saves it together with the change it describes, so there is never a change without its
/// line nor a line without its change.
/// </summary>
public static class Audit
{
    /// <summary>
    /// camelCase, as the rows written before the typed payloads. Details stay readable text: the
    /// default encoder would store a Cyrillic message as \u escapes (unreadable in the database and
    /// in exports, six times longer). The value is never written into HTML or script unencoded, so
    /// the relaxed encoder is safe here. Reading is strict (a missing value or a null where the payload allows none fails),
    /// so that a row of another shape is shown as it is rather than as a payload of empty fields.
    /// </summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>Adds one line to <paramref name="db"/> without saving; <paramref name="before"/> and <paramref name="after"/> are states (<c>Active</c>, <c>Published</c>).</summary>
    public static AuditEntry Record<TPayload>(
        PortalDbContext db, DateTimeOffset at, string actorId, AuditAction<TPayload> action, AuditSubject subject, TPayload payload,
        string? before = null, string? after = null)
        where TPayload : class
    {
        var entry = new AuditEntry
        {
            At = at,
            ActorId = actorId,
            Action = action.Name,
            SubjectType = subject.Type,
            SubjectId = subject.Id,
            Before = before,
            After = after,
            Details = Write(payload),
        };
        db.AuditLog.Add(entry);
        return entry;
    }

    public static string Write<TPayload>(TPayload payload)
        where TPayload : class => JsonSerializer.Serialize(payload, Json);

    /// <summary>The stored details as <typeparamref name="TPayload"/>; null when they are missing or of another shape.</summary>
    public static TPayload? Read<TPayload>(string? details)
        where TPayload : class
    {
        if (string.IsNullOrWhiteSpace(details))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<TPayload>(details, Json);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
