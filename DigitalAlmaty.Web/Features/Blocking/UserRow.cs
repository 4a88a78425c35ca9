using DigitalAlmaty.Web.Realtime;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Blocking;

public sealed record UserRow(string Id, string DisplayName, string? Email, DateTimeOffset? BlockedUntil, string? BlockClause, string? BlockReason);
