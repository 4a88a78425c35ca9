using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Resources;
using Microsoft.Extensions.Localization;

namespace DigitalAlmaty.Web.Features.Submissions;

/// <summary>Turns the Domain's codes (field rules, refused moves, statuses) into the reader's language.</summary>
public sealed class SubmissionMessages(IStringLocalizer<SubmissionText> text, IStringLocalizer<GovernanceText> governance)
{
    public string Error(FieldError error) => text[error.Code, error.Arguments];

    public string? ErrorFor(IReadOnlyList<FieldError> errors, string field) =>
        errors.FirstOrDefault(e => e.Field == field) is { } error ? Error(error) : null;

    public string Failure(SubmissionResult result) =>
        result.ErrorCode is { } code && code.StartsWith("Governance.", StringComparison.Ordinal)
            ? governance[code]
            : text[result.ErrorCode ?? SubmissionResult.Conflict];

    public string Status(SubmissionStatus status) => text[$"Status.{status}"];

    public string Action(SubmissionAction action) => text[$"Action.{action}"];

    public string Category(string? code) => string.IsNullOrEmpty(code) ? string.Empty : text[$"Category.{code}"];

    public string Clause(string id) => text[$"Clause.{id}"];
}
