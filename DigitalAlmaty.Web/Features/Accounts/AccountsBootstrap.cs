using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigitalAlmaty.Web.Features.Accounts;

/// <summary>Creates the staff roles and, when no administrator exists yet, the first one.</summary>
public sealed class AccountsBootstrap(
    IDbContextFactory<PortalDbContext> databases,
    IServiceProvider services,
    IOptions<BootstrapOptions> options,
    TimeProvider clock,
    IHostEnvironment environment,
    ILogger<AccountsBootstrap> logger)
{
    public async Task RunAsync()
    {
        var settings = options.Value;
        // Every start but the first finds the roles and an administrator in place. Asking the tables
        // directly costs a fraction of building Identity's managers (about 0.3 s of CPU at start-up,
        // bench/startup.sh); they are built only when there is something to create.
        if (await RolesAndAdministratorExistAsync())
        {
            AnnounceDemoAdmin(settings);
            return;
        }

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        foreach (var role in PortalRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Ensure(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
            }
        }

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

    /// <summary>Role names are compared as Identity stores them (its default normalizer: upper case, invariant).</summary>
    private async Task<bool> RolesAndAdministratorExistAsync()
    {
        var wanted = PortalRoles.All.Select(role => role.ToUpperInvariant()).ToList();
        var admin = PortalRoles.Admin.ToUpperInvariant();
        await using var db = await databases.CreateDbContextAsync();
        var present = await db.Roles.Where(role => wanted.Contains(role.NormalizedName!)).CountAsync();
        return present == wanted.Count
            && await db.UserRoles.AnyAsync(link => db.Roles.Any(role => role.Id == link.RoleId && role.NormalizedName == admin));
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
