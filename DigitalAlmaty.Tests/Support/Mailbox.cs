using System.Text.RegularExpressions;
using MimeKit;

namespace DigitalAlmaty.Tests.Support;

/// <summary>Reads the .eml files the portal wrote to its pickup folder.</summary>
public sealed partial class Mailbox(string directory)
{
    public IReadOnlyList<MimeMessage> All()
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return Directory.GetFiles(directory, "*.eml").Order().Select(path => MimeMessage.Load(path)).ToList();
    }

    public IReadOnlyList<MimeMessage> To(string address) =>
        All().Where(m => m.To.Mailboxes.Any(b => b.Address.Equals(address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>Waits briefly for a message to the address: mail is written after the response in some flows.</summary>
    public async Task<MimeMessage> WaitForAsync(string address, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var messages = To(address);
            if (messages.Count >= count)
            {
                return messages[count - 1];
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Expected {count} message(s) to {address}, found {messages.Count}.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The first link in the plain-text body.</summary>
    public static Uri FirstLink(MimeMessage message)
    {
        var match = LinkPattern().Match(message.TextBody ?? string.Empty);
        return match.Success ? new Uri(match.Value) : throw new InvalidOperationException("The message has no link.");
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
