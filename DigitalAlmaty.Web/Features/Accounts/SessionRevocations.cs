using System.Collections.Concurrent;
using System.Security.Claims;
using DigitalAlmaty.Web.Features.Submissions;
using DigitalAlmaty.Web.Realtime;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace DigitalAlmaty.Web.Features.Accounts;

/// <summary>
/// Ends sessions at once rather than at the next security-stamp check (up to a minute later): remembers,
/// from <see cref="SessionsEnded"/> events of every node, since when each user's older cookies are void.
/// After <see cref="Memory"/> the changed security stamp alone keeps them out.
/// </summary>
public sealed class SessionRevocations : IDisposable
{
    private static readonly TimeSpan Memory = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _endedAt = new(StringComparer.Ordinal);
    private readonly IDisposable _subscription;
    private readonly TimeProvider _clock;

    public SessionRevocations(PortalEventFeed feed, TimeProvider clock)
    {
        _clock = clock;
        _subscription = feed.Subscribe<SessionsEnded>(ended =>
        {
            _endedAt.AddOrUpdate(ended.UserId, ended.At, (_, previous) => previous > ended.At ? previous : ended.At);
            return Task.CompletedTask;
        });
    }

    /// <summary>Records an end on this node at once (the event reaches the others).</summary>
    public void End(string userId, DateTimeOffset at) =>
        _endedAt.AddOrUpdate(userId, at, (_, previous) => previous > at ? previous : at);

    /// <summary>Whether a session of <paramref name="user"/> issued at <paramref name="issuedAt"/> was ended since.</summary>
    public bool IsEnded(ClaimsPrincipal? user, DateTimeOffset? issuedAt)
    {
        if (user is null || ActingUser.Id(user) is not { } userId || !_endedAt.TryGetValue(userId, out var endedAt))
        {
            return false;
        }

        if (_clock.GetUtcNow() - endedAt > Memory)
        {
            _endedAt.TryRemove(new KeyValuePair<string, DateTimeOffset>(userId, endedAt));
        }

        return issuedAt is null || issuedAt < endedAt;
    }

    /// <summary>The cookie check: an ended session is rejected on its next request, before Identity's own stamp check.</summary>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var revocations = context.HttpContext.RequestServices.GetRequiredService<SessionRevocations>();
        if (revocations.IsEnded(context.Principal, context.Properties.IssuedUtc))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    public void Dispose() => _subscription.Dispose();
}
