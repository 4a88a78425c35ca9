using System.Security.Claims;
using DigitalAlmaty.Domain;
using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Domain.Claims;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Data.Auditing;
using DigitalAlmaty.Web.Features.Accounts;
using DigitalAlmaty.Web.Features.Files;
using DigitalAlmaty.Web.Features.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace DigitalAlmaty.Web.Features.Claims;

/// <summary>
/// Claims (clauses 7.1, 7.2, 7.4): filing is open to everyone; the register, taking a claim and
/// answering it are for administrators only, checked here and audited.
/// </summary>
public sealed class ClaimService(
    IDbContextFactory<PortalDbContext> databases,
    FileStore files,
    TimeProvider clock,
    ClaimMailer mailer,
    IOptions<ClaimOptions> options,
    Accounts.ActingUser acting,
    ILogger<ClaimService> logger)
{
    public const string AttachmentField = "Attachment";

    /// <summary>Files of claims are owned by no user; only administrators open them.</summary>
    public const string AttachmentOwner = "claims";


    public long MaxAttachmentBytes => options.Value.MaxAttachmentBytes;

    public static bool IsAdmin(ClaimsPrincipal user) => ActingUser.Id(user) is not null && user.IsInRole(PortalRoles.Admin);

    /// <summary>
    /// Files a claim: checks the fields, then the attachment by its content and size, gives the next
    /// number of the Almaty year, stores it and sends the acknowledgement in the claimant's language.
    /// </summary>
    public async Task<ClaimResult> FileAsync(ClaimsPrincipal user, ClaimForm form, ClaimUpload? upload, string culture, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var filedOn = ClaimDeadlines.FiledOn(now);
        var errors = WrittenClaim.Rules(form, filedOn).ToList();
        if (upload is not null && upload.Length > MaxAttachmentBytes)
        {
            errors.Add(new FieldError(AttachmentField, "Upload.TooLarge", MaxAttachmentBytes));
        }

        if (errors.Count > 0)
        {
            return ClaimResult.Fail(ClaimErrorCodes.Invalid, errors);
        }

        Guid? attachmentId = null;
        if (upload is not null)
        {
            await using var content = upload.Open();
            var saved = await files.SaveAttachmentAsync(AttachmentOwner, content, upload.FileName, MaxAttachmentBytes, perUserQuota: false, cancellationToken);
            if (saved.Problem != UploadProblem.None)
            {
                return ClaimResult.Fail(ClaimErrorCodes.Invalid, [new FieldError(AttachmentField, $"Upload.{saved.Problem}", MaxAttachmentBytes)]);
            }

            attachmentId = saved.FileId;
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        WrittenClaim claim;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var sequence = await NextSequenceAsync(db, filedOn.Year, cancellationToken);
            claim = new WrittenClaim(Guid.NewGuid(), ClaimDeadlines.Number(filedOn.Year, sequence), form, now, culture, ActingUser.Id(user), attachmentId);
            db.Claims.Add(claim);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        logger.LogInformation("Claim {Number} filed, due {DueOn}.", claim.Number, claim.DueOn);
        mailer.SendAcknowledgementInBackground(claim);
        return ClaimResult.Ok(claim);
    }

    /// <summary>
    /// The next number of <paramref name="year"/>: one upsert that both SQLite and PostgreSQL run
    /// atomically, so two claims filed at the same moment never share a number.
    /// </summary>
    private static async Task<long> NextSequenceAsync(PortalDbContext db, int year, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = """
            INSERT INTO "ClaimCounters" ("Year", "Last") VALUES (@year, 1)
            ON CONFLICT ("Year") DO UPDATE SET "Last" = "ClaimCounters"."Last" + 1
            RETURNING "Last"
            """;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@year";
        parameter.Value = year;
        command.Parameters.Add(parameter);
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return Convert.ToInt64(result, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The register: open claims by due date (most urgent first), answered ones newest first.</summary>
    public async Task<IReadOnlyList<ClaimRow>> ListAsync(ClaimsPrincipal admin, ClaimStatus? status, int take = 500)
    {
        if (await acting.AdminAsync(admin) is null)
        {
            return [];
        }

        var today = ClaimDeadlines.FiledOn(clock.GetUtcNow());
        await using var db = await databases.CreateDbContextAsync();
        var query = db.Claims.AsNoTracking();
        if (status is { } wanted)
        {
            query = query.Where(c => c.Status == wanted);
        }

        var claims = await query
            .OrderBy(c => c.Status == ClaimStatus.Answered).ThenBy(c => c.DueOn).ThenBy(c => c.FiledAt)
            .Take(take).ToListAsync();
        return [.. claims
            .OrderBy(c => !c.IsOpen)
            .ThenBy(c => c.IsOpen ? c.DueOn.DayNumber : 0)
            .ThenByDescending(c => c.IsOpen ? DateTimeOffset.MinValue : c.AnsweredAt ?? c.FiledAt)
            .ThenBy(c => c.FiledAt)
            .Select(c => new ClaimRow(c.Id, c.Number, c.Status, c.Topic, c.Subject, c.ClaimantName, c.FiledAt, c.DueOn,
                c.DaysLeft(today), c.IsOverdue(today), c.IsAfterTermsWindow))];
    }

    /// <summary>How many claims are open, and how many of them are overdue.</summary>
    public async Task<(int Open, int Overdue)> CountOpenAsync(ClaimsPrincipal admin)
    {
        if (await acting.AdminAsync(admin) is null)
        {
            return (0, 0);
        }

        var today = ClaimDeadlines.FiledOn(clock.GetUtcNow());
        await using var db = await databases.CreateDbContextAsync();
        var open = await db.Claims.CountAsync(c => c.Status != ClaimStatus.Answered);
        var overdue = await db.Claims.CountAsync(c => c.Status != ClaimStatus.Answered && c.DueOn < today);
        return (open, overdue);
    }

    public async Task<ClaimDetails?> GetAsync(ClaimsPrincipal admin, Guid id)
    {
        if (await acting.AdminAsync(admin) is null)
        {
            return null;
        }

        await using var db = await databases.CreateDbContextAsync();
        var claim = await db.Claims.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id);
        if (claim is null)
        {
            return null;
        }

        var attachment = claim.AttachmentId is { } fileId ? await db.StoredFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId) : null;
        var people = new[] { claim.AssigneeId, claim.AnsweredBy }.Where(x => x is not null).ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        return new ClaimDetails(
            claim, attachment,
            claim.AssigneeId is { } a && names.TryGetValue(a, out var assignee) ? assignee : null,
            claim.AnsweredBy is { } b && names.TryGetValue(b, out var answerer) ? answerer : null,
            ClaimDeadlines.FiledOn(clock.GetUtcNow()));
    }

    /// <summary>An administrator takes a new claim; <paramref name="knownRevision"/> refuses a stale screen.</summary>
    public Task<ClaimResult> TakeInProgressAsync(ClaimsPrincipal admin, Guid id, int knownRevision) =>
        ChangeAsync(admin, id, knownRevision, ClaimTakenAudit.Taken, (claim, adminId, now) => claim.TakeInProgress(adminId, now),
            claim => new ClaimTakenAudit(claim.Number));

    /// <summary>Clause 7.2: stores the written answer, marks the claim answered, audits it and e-mails it to the claimant.</summary>
    public async Task<ClaimResult> AnswerAsync(ClaimsPrincipal admin, Guid id, int knownRevision, string answer)
    {
        var result = await ChangeAsync(admin, id, knownRevision, ClaimAnswerAudit.Answered, (claim, adminId, now) => claim.SendAnswer(adminId, answer, now),
            claim => new ClaimAnswerAudit(claim.Number, new ClaimAnswerAudit.Text(claim.Answer!)));
        if (!result.Succeeded)
        {
            return result;
        }

        var sent = await mailer.SendAnswerAsync(result.Claim!);
        return ClaimResult.Ok(result.Claim!, mailFailed: !sent);
    }

    private async Task<ClaimResult> ChangeAsync<TPayload>(
        ClaimsPrincipal admin, Guid id, int knownRevision, AuditAction<TPayload> action,
        Action<WrittenClaim, string, DateTimeOffset> change, Func<WrittenClaim, TPayload> details)
        where TPayload : class
    {
        if (await acting.AdminAsync(admin) is not { Id: var adminId })
        {
            return ClaimResult.Fail(ClaimResult.NotAllowed);
        }

        await using var db = await databases.CreateDbContextAsync();
        var claim = await db.Claims.SingleOrDefaultAsync(c => c.Id == id);
        if (claim is null)
        {
            return ClaimResult.Fail(ClaimResult.NotFound);
        }

        if (claim.Revision != knownRevision)
        {
            return ClaimResult.Fail(ClaimResult.Conflict);
        }

        var now = clock.GetUtcNow();
        var before = claim.Status;
        try
        {
            change(claim, adminId, now);
        }
        catch (DomainRuleException ex)
        {
            return ClaimResult.Fail(ex.Code, ex.FieldErrors);
        }

        Audit.Record(db, now, adminId, action, new AuditSubject("Claim", claim.Id.ToString()), details(claim),
            before: before.ToString(), after: claim.Status.ToString());
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return ClaimResult.Fail(ClaimResult.Conflict);
        }

        return ClaimResult.Ok(claim);
    }

    /// <summary>Whether <paramref name="fileId"/> is a claim's attachment (only administrators may open it).</summary>
    public static Task<bool> IsClaimFileAsync(PortalDbContext db, Guid fileId) =>
        db.Claims.AnyAsync(c => c.AttachmentId == fileId);
}
