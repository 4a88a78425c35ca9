using DigitalAlmaty.Domain.Participation;
using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Participation;

/// <summary>Turns a digest off for the account a signed unsubscribe token names.</summary>
public sealed class DigestSubscriptions(IDbContextFactory<PortalDbContext> databases, DigestTokens tokens)
{
    /// <summary>Whether the token is valid (names an existing, not annulled account).</summary>
    public async Task<bool> IsValidAsync(string? token)
    {
        if (tokens.Read(token) is not { } userId)
        {
            return false;
        }

        await using var db = await databases.CreateDbContextAsync();
        return await db.Users.AnyAsync(u => u.Id == userId && u.AnnulledAt == null);
    }

    /// <summary>Turns the digest off; false for a token that is not valid. Doing it twice is fine.</summary>
    public async Task<bool> UnsubscribeAsync(string? token)
    {
        if (tokens.Read(token) is not { } userId)
        {
            return false;
        }

        await using var db = await databases.CreateDbContextAsync();
        return await db.Users.Where(u => u.Id == userId && u.AnnulledAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.DigestFrequency, DigestFrequency.Off)) == 1;
    }
}
