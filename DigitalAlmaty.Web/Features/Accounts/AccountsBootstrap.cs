using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DigitalAlmaty.Web.Features.Accounts;

/// <summary>Creates the staff roles and, when no administrator exists yet, the first one.</summary>
public sealed class AccountsBootstrap(
    RoleManager<IdentityRole> roles,
    UserManager<PortalUser> users,
    IOptions<BootstrapOptions> options,
    TimeProvider clock,
    IHostEnvironment environment,
    ILogger<AccountsBootstrap> logger)
{
    public async Task RunAsync()
    {
        foreach (var role in PortalRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Ensure(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
            }
        }

        var settings = options.Value;
        if ((await users.GetUsersInRoleAsync(PortalRoles.Admin)).Count > 0)
        {
            AnnounceDemoAdmin(settings);
            return;
        }

        if (string.IsNullOrWhiteSpace(settings.AdminEmail) || string.IsNullOrWhiteSpace(settings.AdminPassword))
        {
            logger.LogWarning("No administrator exists. Set Bootstrap:AdminEmail and Bootstrap:AdminPassword to create one.");
            return;
        }

        var admin = await users.FindByEmailAsync(settings.AdminEmail);
        if (admin is null)
        {
            admin = new PortalUser
            {
                UserName = settings.AdminEmail,
                Email = settings.AdminEmail,
                EmailConfirmed = true,
                DisplayName = settings.AdminDisplayName,
                CreatedAt = clock.GetUtcNow(),
            };
            Ensure(await users.CreateAsync(admin, settings.AdminPassword), "create the first administrator");
        }

        Ensure(await users.AddToRolesAsync(admin, PortalRoles.All), "grant the first administrator its roles");
        // The id, not the address: no personal data in logs (LogPrivacyTests).
        logger.LogInformation("First administrator {UserId} created from Bootstrap settings.", admin.Id);
        AnnounceDemoAdmin(settings);
    }

    /// <summary>In Development the demo credentials are printed at every start, so a newcomer can sign in.</summary>
    private void AnnounceDemoAdmin(BootstrapOptions settings)
    {
        if (environment.IsDevelopment() && !string.IsNullOrWhiteSpace(settings.AdminEmail))
        {
            logger.LogWarning(
                "Demo administrator: e-mail {Email}, password {Password} (Development only).",
                settings.AdminEmail, settings.AdminPassword);
        }
    }

    private static void Ensure(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
