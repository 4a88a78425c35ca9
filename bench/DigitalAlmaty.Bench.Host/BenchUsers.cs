using DigitalAlmaty.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace DigitalAlmaty.Bench.Host;

/// <summary>The bench's accounts: confirmed, without a password (the bench endpoints sign them in).</summary>
public static class BenchUsers
{
    public static async Task<PortalUser> GetOrCreateAsync(UserManager<PortalUser> users, string email, string name, TimeProvider clock)
    {
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            return existing;
        }

        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            PreferredCulture = "ru-RU",
            CreatedAt = clock.GetUtcNow().AddMonths(-1),
        };
        var result = await users.CreateAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        return user;
    }
}
