using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace DigitalAlmaty.Web.Features.Admin;

/// <summary>
/// The operator's way to appoint staff without the web (a first deployment without the Bootstrap
/// settings, or a lost last administrator): <c>dotnet DigitalAlmaty.Web.dll roles list</c>,
/// <c>roles grant EMAIL ROLE REASON…</c>, <c>roles revoke EMAIL ROLE REASON…</c>. Whoever can run
/// the server's binary with its configuration already holds the database, so no sign-in is asked;
/// each change is audited as the operator's and the user is told as from the admin screen.
/// </summary>
public static class RolesCommand
{
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "roles";

    /// <summary>Runs the command; the process's exit code (0 done, 1 refused, 2 usage).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        switch (args)
        {
            case [_, "list"]:
                foreach (var role in PortalRoles.All)
                {
                    foreach (var user in (await users.GetUsersInRoleAsync(role)).OrderBy(u => u.Email, StringComparer.Ordinal))
                    {
                        await output.WriteLineAsync($"{role}\t{user.Email}\t{user.DisplayName}");
                    }
                }

                return 0;
            case [_, "grant" or "revoke", var email, var role, .. var reasonWords] when reasonWords.Length > 0:
                var target = await users.FindByEmailAsync(email);
                var name = PortalRoles.All.FirstOrDefault(r => r.Equals(role, StringComparison.OrdinalIgnoreCase));
                if (target is null || name is null)
                {
                    await output.WriteLineAsync(target is null ? $"No account has the address {email}." : $"Unknown role {role}; use {string.Join(", ", PortalRoles.All)}.");
                    return 1;
                }

                var result = await scope.ServiceProvider.GetRequiredService<StaffRoleService>()
                    .ApplyAsync(null, target.Id, name, args[1] == "grant", string.Join(' ', reasonWords));
                await output.WriteLineAsync(result.Succeeded ? $"{args[1]} {name}: {email}: done." : $"{args[1]} {name}: {email}: refused ({result.ErrorCode}).");
                return result.Succeeded ? 0 : 1;
            default:
                await output.WriteLineAsync("usage: roles list | roles grant EMAIL ROLE REASON... | roles revoke EMAIL ROLE REASON...");
                return 2;
        }
    }
}
