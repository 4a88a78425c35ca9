using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigitalAlmaty.Web.Features.Security;

/// <summary>One line of "recent sign-ins" on the user's security page.</summary>
public sealed record SignInLine(DateTimeOffset At, string? IpAddress, string? UserAgent, bool Succeeded, string Method);
