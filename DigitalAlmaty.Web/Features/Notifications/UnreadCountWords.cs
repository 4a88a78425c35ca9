namespace DigitalAlmaty.Web.Features.Notifications;

/// <summary>The unread count in words for screen readers, with the language's plural forms.</summary>
public static class UnreadCountWords
{
    public static string Key(int count, string cultureName)
    {
        if (count == 0)
        {
            return "Bell.Unread.None";
        }

        if (cultureName.StartsWith("ru", StringComparison.OrdinalIgnoreCase))
        {
            var lastTwo = count % 100;
            var last = count % 10;
            return lastTwo is >= 11 and <= 14 ? "Bell.Unread.Many"
                : last == 1 ? "Bell.Unread.One"
                : last is >= 2 and <= 4 ? "Bell.Unread.Few"
                : "Bell.Unread.Many";
        }

        return count == 1 ? "Bell.Unread.One" : "Bell.Unread.Many";
    }
}
