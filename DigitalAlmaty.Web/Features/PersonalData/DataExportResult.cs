using Microsoft.Extensions.Caching.Memory;

namespace DigitalAlmaty.Web.Features.PersonalData;

/// <summary>The outcome of an administrator's export request; codes and field names are GovernanceText keys.</summary>
public sealed record DataExportResult(bool Succeeded, string? ErrorCode, string? Token = null, string? FieldError = null)
{
    public const string NotAllowed = "Governance.NotAllowed";
    public const string NotFound = "Governance.NotFound";
    public const string Invalid = "Governance.Invalid";
}
