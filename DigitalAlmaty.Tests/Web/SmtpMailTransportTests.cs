using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Features.Mail;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DigitalAlmaty.Tests.Web;

public sealed class SmtpMailTransportTests
{
    private const string Subject = "Тіркелуді растаңыз — Digital Almaty";
    private const string Body = "Сәлеметсіз бе, Әлия Өмірбек!\nЭлектрондық поштаңызды растау үшін сілтемені ашыңыз: ғ, ң, ө, ү, ұ, қ, һ, і.";

    [Fact]
    public async Task Sends_kazakh_mail_through_a_real_smtp_server()
    {
        var options = new MailOptions
        {
            Smtp = { Host = TestServers.SmtpHost, Port = TestServers.SmtpPort, Security = "None" },
        };
        var maildir = TestServers.SmtpMaildir;
        var recipient = $"aliya-{Guid.NewGuid():N}@example.kz";
        var transport = new SmtpMailTransport(Options.Create(options), NullLogger<SmtpMailTransport>.Instance);

        await transport.SendAsync(NewMessage(recipient));

        var received = await WaitForMessageToAsync(Path.Combine(maildir, "new"), recipient, TimeSpan.FromSeconds(10));
        AssertSameMessage(received, recipient);
    }

    [Fact]
    public async Task Pickup_directory_writes_an_eml_that_parses_back()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"da-mail-{Guid.NewGuid():N}");
        try
        {
            var options = new MailOptions { PickupDirectory = Path.Combine(directory, "pickup") };
            var transport = new PickupDirectoryMailTransport(
                Options.Create(options), new ContentRoot(directory), NullLogger<PickupDirectoryMailTransport>.Instance);
            var recipient = $"aliya-{Guid.NewGuid():N}@example.kz";

            await transport.SendAsync(NewMessage(recipient));

            var file = Assert.Single(Directory.GetFiles(transport.Directory));
            Assert.EndsWith(".eml", file, StringComparison.Ordinal);
            using var message = await MimeMessage.LoadAsync(file);
            AssertSameMessage(message, recipient);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static MimeMessage NewMessage(string recipient)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Digital Almaty", "no-reply@digital-almaty.kz"));
        message.To.Add(new MailboxAddress("Әлия Өмірбек", recipient));
        message.Subject = Subject;
        message.Body = new BodyBuilder { TextBody = Body }.ToMessageBody();
        return message;
    }

    private static void AssertSameMessage(MimeMessage message, string recipient)
    {
        Assert.Equal(Subject, message.Subject);
        var to = Assert.IsType<MailboxAddress>(Assert.Single(message.To));
        Assert.Equal(recipient, to.Address);
        Assert.Equal("Әлия Өмірбек", to.Name);
        Assert.Equal("no-reply@digital-almaty.kz", Assert.IsType<MailboxAddress>(Assert.Single(message.From)).Address);
        Assert.NotNull(message.TextBody);
        Assert.Equal(Body, message.TextBody.ReplaceLineEndings("\n").TrimEnd('\n'));
    }

    /// <summary>Other tests share the Maildir, so the message is found by its unique recipient.</summary>
    private static async Task<MimeMessage> WaitForMessageToAsync(string folder, string recipient, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (Directory.Exists(folder))
            {
                foreach (var file in Directory.GetFiles(folder))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => string.Equals(m.Address, recipient, StringComparison.OrdinalIgnoreCase)))
                    {
                        return message;
                    }

                    message.Dispose();
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No mail to {recipient} arrived in {folder} within {timeout.TotalSeconds} s.");
            }

            await Task.Delay(100);
        }
    }

    private sealed class ContentRoot(string path) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;

        public string ApplicationName { get; set; } = "DigitalAlmaty.Web";

        public string ContentRootPath { get; set; } = path;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
