using System.Net.Mail;
using DigitalAlmaty.Domain.Submissions;

namespace DigitalAlmaty.Domain.Claims;

/// <summary>
/// A written claim (clauses 7.1, 7.2, 7.4): anyone may file one; it gets a number and a due date 15
/// Almaty calendar days after filing; an administrator takes it and answers in writing. Status
/// changes only through <see cref="TakeInProgress"/> and <see cref="Answer"/>, each guarded.
/// </summary>
public sealed class WrittenClaim
{
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 256;
    public const int SubjectMaxLength = 200;
    public const int TextMaxLength = 10_000;
    public const int AnswerMaxLength = 20_000;

    /// <summary>Grounds older than this are a typing mistake, not a claim.</summary>
    public static readonly DateOnly EarliestGrounds = new(2000, 1, 1);

    /// <summary>For the persistence layer only.</summary>
    private WrittenClaim()
    {
        Number = ClaimantName = ClaimantEmail = Subject = Text = Culture = string.Empty;
    }

    /// <summary>Files a claim; throws <see cref="DomainRuleException"/> with the broken field rules when the form is not valid.</summary>
    public WrittenClaim(Guid id, string number, ClaimForm form, DateTimeOffset filedAt, string culture, string? claimantUserId, Guid? attachmentId)
    {
        var filedOn = ClaimDeadlines.FiledOn(filedAt);
        var errors = Rules(form, filedOn);
        if (errors.Count > 0)
        {
            throw new DomainRuleException(ClaimErrorCodes.Invalid, $"Claim form is not valid: {string.Join(", ", errors)}", errors);
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        Id = id;
        Number = number;
        ClaimantName = TextRules.Clean(form.Name);
        ClaimantEmail = TextRules.Clean(form.Email);
        ClaimantUserId = claimantUserId;
        Topic = form.Topic!.Value;
        Subject = TextRules.Clean(form.Subject);
        Text = TextRules.Clean(form.Text);
        GroundsArose = form.GroundsArose!.Value;
        FiledAt = filedAt;
        FiledOn = filedOn;
        DueOn = ClaimDeadlines.DueDate(filedOn);
        Culture = culture;
        AttachmentId = attachmentId;
        Status = ClaimStatus.New;
    }

    public Guid Id { get; private set; }

    /// <summary>"2026-000123", unique.</summary>
    public string Number { get; private set; }

    public string ClaimantName { get; private set; }

    public string ClaimantEmail { get; private set; }

    /// <summary>Set when the claimant was signed in; claims are open to everyone.</summary>
    public string? ClaimantUserId { get; private set; }

    public ClaimTopic Topic { get; private set; }

    public string Subject { get; private set; }

    public string Text { get; private set; }

    /// <summary>The Almaty day on which, by the claimant's account, the grounds of the claim arose.</summary>
    public DateOnly GroundsArose { get; private set; }

    public DateTimeOffset FiledAt { get; private set; }

    /// <summary>The Almaty calendar day of <see cref="FiledAt"/>.</summary>
    public DateOnly FiledOn { get; private set; }

    /// <summary>The answer is due by the end of this Almaty day.</summary>
    public DateOnly DueOn { get; private set; }

    /// <summary>The language the claim was filed in (ru-RU, kk-KZ, en-US): letters to the claimant use it.</summary>
    public string Culture { get; private set; }

    public Guid? AttachmentId { get; private set; }

    public ClaimStatus Status { get; private set; }

    public string? AssigneeId { get; private set; }

    public DateTimeOffset? TakenAt { get; private set; }

    /// <summary>The written answer (Markdown or plain text).</summary>
    public string? Answer { get; private set; }

    public string? AnsweredBy { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public DateTimeOffset? FiveDayReminderSentAt { get; private set; }

    public DateTimeOffset? OneDayReminderSentAt { get; private set; }

    /// <summary>Grows with every change; the database uses it to refuse a stale concurrent write.</summary>
    public int Revision { get; private set; }

    /// <summary>Clause 7.4: a claim about the terms filed more than 10 days after its grounds arose.</summary>
    public bool IsAfterTermsWindow =>
        Topic == ClaimTopic.AgreementTerms && ClaimDeadlines.IsAfterTermsWindow(GroundsArose, FiledOn);

    public bool IsOpen => Status != ClaimStatus.Answered;

    public int DaysLeft(DateOnly today) => ClaimDeadlines.DaysLeft(DueOn, today);

    /// <summary>An open claim past its due date; an answered claim is never overdue.</summary>
    public bool IsOverdue(DateOnly today) => IsOpen && ClaimDeadlines.IsOverdue(DueOn, today);

    public ClaimReminder? ReminderDue(DateOnly today) =>
        IsOpen ? ClaimDeadlines.ReminderDue(DueOn, today, FiveDayReminderSentAt is not null, OneDayReminderSentAt is not null) : null;

    /// <summary>The field rules; an empty list means the claim may be filed on <paramref name="filedOn"/>.</summary>
    public static IReadOnlyList<FieldError> Rules(ClaimForm form, DateOnly filedOn)
    {
        var errors = new List<FieldError>();
        TextRules.Text(errors, nameof(ClaimForm.Name), TextRules.Clean(form.Name), NameMaxLength, ValidationMode.Submit, required: true);
        var email = TextRules.Clean(form.Email);
        TextRules.Text(errors, nameof(ClaimForm.Email), email, EmailMaxLength, ValidationMode.Submit, required: true);
        if (email.Length > 0 && email.Length <= EmailMaxLength && !IsEmail(email))
        {
            errors.Add(new FieldError(nameof(ClaimForm.Email), ClaimErrorCodes.BadEmail));
        }

        if (form.Topic is not { } topic || !Enum.IsDefined(topic))
        {
            errors.Add(new FieldError(nameof(ClaimForm.Topic), FieldErrorCodes.Required));
        }

        TextRules.Text(errors, nameof(ClaimForm.Subject), TextRules.Clean(form.Subject), SubjectMaxLength, ValidationMode.Submit, required: true);
        TextRules.Text(errors, nameof(ClaimForm.Text), TextRules.Clean(form.Text), TextMaxLength, ValidationMode.Submit, required: true);
        if (form.GroundsArose is not { } grounds)
        {
            errors.Add(new FieldError(nameof(ClaimForm.GroundsArose), FieldErrorCodes.Required));
        }
        else if (grounds > filedOn)
        {
            errors.Add(new FieldError(nameof(ClaimForm.GroundsArose), ClaimErrorCodes.GroundsInFuture));
        }
        else if (grounds < EarliestGrounds)
        {
            errors.Add(new FieldError(nameof(ClaimForm.GroundsArose), ClaimErrorCodes.GroundsTooOld));
        }

        return errors;
    }

    /// <summary>One plain address (no display name), with a dot in its domain.</summary>
    public static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address)
        && address.Address == value
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !address.Host.EndsWith('.');

    /// <summary>An administrator starts working on a new claim.</summary>
    public void TakeInProgress(string adminId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(adminId);
        if (Status != ClaimStatus.New)
        {
            throw Illegal("TakeInProgress");
        }

        Status = ClaimStatus.InProgress;
        AssigneeId = adminId;
        TakenAt = now;
        Revision++;
    }

    /// <summary>Clause 7.2: the written answer. Allowed once, from New or InProgress.</summary>
    public void SendAnswer(string adminId, string answer, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(adminId);
        if (Status == ClaimStatus.Answered)
        {
            throw Illegal("Answer");
        }

        var errors = new List<FieldError>();
        TextRules.Text(errors, nameof(Answer), TextRules.Clean(answer), AnswerMaxLength, ValidationMode.Submit, required: true);
        if (errors.Count > 0)
        {
            throw new DomainRuleException(ClaimErrorCodes.Invalid, $"Answer to claim {Number} is not valid.", errors);
        }

        Status = ClaimStatus.Answered;
        AssigneeId ??= adminId;
        TakenAt ??= now;
        Answer = TextRules.Clean(answer);
        AnsweredBy = adminId;
        AnsweredAt = now;
        Revision++;
    }

    /// <summary>Records that a reminder went out; a second record of the same reminder is an error.</summary>
    public void MarkReminderSent(ClaimReminder reminder, DateTimeOffset now)
    {
        switch (reminder)
        {
            case ClaimReminder.FiveDays when FiveDayReminderSentAt is null:
                FiveDayReminderSentAt = now;
                break;
            case ClaimReminder.OneDay when OneDayReminderSentAt is null:
                OneDayReminderSentAt = now;
                // A missed five-day reminder is not sent after the one-day one.
                FiveDayReminderSentAt ??= now;
                break;
            default:
                throw Illegal($"Remind.{reminder}");
        }

        Revision++;
    }

    private DomainRuleException Illegal(string move) =>
        new(ClaimErrorCodes.IllegalMove, $"Claim {Number}: '{move}' is not allowed in status {Status}.");
}
