namespace DigitalAlmaty.Web.Features.Blocking;

/// <summary>
/// Content of a user that a block with "hide what they published" also hides, owned by a feature
/// above Blocking (comments, for one). Blocking calls every registered one and knows none of them.
/// </summary>
public interface IBlockedUserContent
{
    /// <summary>Hides what <paramref name="userId"/> has in public, citing the block's clause; returns how many were hidden.</summary>
    Task<int> HideAsync(string adminId, string userId, string clause, string message);
}
