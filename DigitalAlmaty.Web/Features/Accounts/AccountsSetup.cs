using DigitalAlmaty.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace DigitalAlmaty.Web.Features.Accounts;

public static class AccountsSetup
{
    public static IServiceCollection AddPortalAccounts(this IServiceCollection services)
    {
        services
            .AddDefaultIdentity<PortalUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = true;
                options.User.RequireUniqueEmail = true;
                // Clause 4.3.2: passwords that resist guessing.
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 5;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>()
            .AddSignInManager<Blocking.PortalSignInManager>();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "da.auth";
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromDays(14);
            options.Events.OnValidatePrincipal = SessionRevocations.ValidatePrincipalAsync;
        });
        // Sessions are revalidated often so that a block or a password change reaches open tabs quickly.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddCascadingAuthenticationState();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, PortalAuthenticationStateProvider>();
        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section);
        services.AddScoped<AccountsBootstrap>();
        services.AddSingleton<ActivityRecorder>();
        services.AddSingleton<SessionRevocations>();
        services.AddSingleton<ActingUser>();
        services.AddScoped<Admin.StaffRoleService>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, ActivityCircuitHandler>();
        return services;
    }

    /// <summary>Signed-in requests count as activity (4.1.4); runs after authentication.</summary>
    public static IApplicationBuilder UsePortalActivity(this IApplicationBuilder app) => ActivityRecorder.UseActivityRecording(app);
}
