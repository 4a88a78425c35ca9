using System.Security.Claims;
using DigitalAlmaty.Web.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DigitalAlmaty.Web.Features.Accounts;

/// <summary>
/// Re-checks an open circuit's user every minute against the database (security stamp), so that a
/// password change, a sign-out everywhere or a block reaches interactive pages without a reload.
/// </summary>
public sealed class PortalAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private readonly IServiceScopeFactory scopes;
    private readonly IOptions<IdentityOptions> identityOptions;
    private readonly IDisposable _subscription;

    public PortalAuthenticationStateProvider(
        ILoggerFactory loggerFactory,
        IServiceScopeFactory scopes,
        IOptions<IdentityOptions> identityOptions,
        Realtime.PortalEventFeed feed)
        : base(loggerFactory)
    {
        this.scopes = scopes;
        this.identityOptions = identityOptions;
        // Ending every session (a report of unauthorised access, an annulment) drops this circuit's user at once.
        _subscription = feed.Subscribe<Realtime.SessionsEnded>(OnSessionsEndedAsync);
    }

    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    private async Task OnSessionsEndedAsync(Realtime.SessionsEnded ended)
    {
        AuthenticationState state;
        try
        {
            state = await GetAuthenticationStateAsync();
        }
        catch (InvalidOperationException)
        {
            return;
        }

        if (ActingUser.Id(state.User) == ended.UserId)
        {
            NotifyAuthenticationStateChanged(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _subscription.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.GetUserAsync(authenticationState.User);
        if (user is null || user.AnnulledAt is not null || user.PasswordResetRequired || user.IsBlockedAt(DateTimeOffset.UtcNow))
        {
            return false;
        }

        if (!users.SupportsUserSecurityStamp)
        {
            return true;
        }

        var stampInCookie = authenticationState.User.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType);
        return stampInCookie == await users.GetSecurityStampAsync(user);
    }
}
