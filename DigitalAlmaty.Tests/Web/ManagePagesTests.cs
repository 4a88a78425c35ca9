using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using DigitalAlmaty.Web.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace DigitalAlmaty.Tests.Web;

/// <summary>The account settings pages (/Identity/Account/Manage) end to end, through the real cookie sign-in.</summary>
public sealed class ManagePagesTests(ManagePagesTests.ManageFactory factory) : IClassFixture<ManagePagesTests.ManageFactory>
{
    private const string Password = "Almaty-Test-2026";
    private const string ManageUrl = "/Identity/Account/Manage";

    [Fact]
    public async Task Index_SavesDisplayName_AndHeaderShowsIt()
    {
        var email = await factory.CreateUserAsync("Старое Имя");
        using var client = await factory.SignedInClientAsync(email);

        var form = await GetAsync(client, ManageUrl);
        using var response = await PostFormAsync(client, ManageUrl, form, new()
        {
            ["Input.DisplayName"] = "  Айгерим   Сапарова ",
            ["Input.PreferredCulture"] = "ru-RU",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await GetAsync(client, response.Headers.Location!.OriginalString);
        Assert.Equal("Айгерим Сапарова", page.QuerySelector("[data-testid=display-name]")?.TextContent);
        Assert.Equal("Профиль сохранён.", page.QuerySelector("[data-testid=status-message]")?.TextContent);
        Assert.Equal("Айгерим Сапарова", (await factory.FindUserAsync(email)).DisplayName);
    }

    [Fact]
    public async Task Index_RejectsEmailLikeDisplayName_InKazakh()
    {
        var email = await factory.CreateUserAsync("Айгерим");
        using var client = await factory.SignedInClientAsync(email);

        var form = await GetAsync(client, ManageUrl + "?culture=kk-KZ");
        using var response = await PostFormAsync(client, ManageUrl + "?culture=kk-KZ", form, new()
        {
            ["Input.DisplayName"] = "aigerim@mail.kz",
            ["Input.PreferredCulture"] = "kk-KZ",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        const string kazakh = "Есімде электрондық пошта мекенжайы немесе сілтеме болмауы керек — оны басқа адамдар көреді.";
        Assert.Equal(kazakh, page.QuerySelector("#Input_DisplayName-error")?.TextContent.Trim());
        Assert.Contains(kazakh, page.QuerySelector("[data-testid=error-summary]")?.TextContent, StringComparison.Ordinal);
        var input = (IHtmlInputElement)page.QuerySelector("#Input_DisplayName")!;
        Assert.Equal("aigerim@mail.kz", input.Value);
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Equal("kk", page.DocumentElement.GetAttribute("lang"));
        var user = await factory.FindUserAsync(email);
        Assert.Equal("Айгерим", user.DisplayName);
        Assert.Equal("ru-RU", user.PreferredCulture);
    }

    [Fact]
    public async Task Index_NewPreferredLanguage_IsSavedAndApplied()
    {
        var email = await factory.CreateUserAsync("Dana");
        using var client = await factory.SignedInClientAsync(email);

        var form = await GetAsync(client, ManageUrl);
        using var response = await PostFormAsync(client, ManageUrl, form, new()
        {
            ["Input.DisplayName"] = "Dana",
            ["Input.PreferredCulture"] = "en-US",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await GetAsync(client, response.Headers.Location!.OriginalString);
        Assert.Equal("Your profile has been saved.", page.QuerySelector("[data-testid=status-message]")?.TextContent);
        Assert.Equal("en-US", (await factory.FindUserAsync(email)).PreferredCulture);
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_ShowsLocalizedError()
    {
        var email = await factory.CreateUserAsync("Ерлан");
        using var client = await factory.SignedInClientAsync(email);
        const string url = ManageUrl + "/ChangePassword";

        var form = await GetAsync(client, url);
        using var response = await PostFormAsync(client, url, form, new()
        {
            ["Input.OldPassword"] = "Not-The-Password-1",
            ["Input.NewPassword"] = "Brand-New-Pass-2026",
            ["Input.ConfirmPassword"] = "Brand-New-Pass-2026",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.Equal("Текущий пароль введён неверно.", page.QuerySelector("#Input_OldPassword-error")?.TextContent.Trim());
        Assert.All(page.QuerySelectorAll("input[type=password]"), i => Assert.Null(i.GetAttribute("value")));
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Assert.True(await users.CheckPasswordAsync((await users.FindByEmailAsync(email))!, Password));
    }

    [Fact]
    public async Task ChangePassword_Success_KeepsUserSignedIn()
    {
        var email = await factory.CreateUserAsync("Ерлан");
        using var client = await factory.SignedInClientAsync(email);
        const string url = ManageUrl + "/ChangePassword";

        var form = await GetAsync(client, url);
        using var response = await PostFormAsync(client, url, form, new()
        {
            ["Input.OldPassword"] = Password,
            ["Input.NewPassword"] = "Brand-New-Pass-2026",
            ["Input.ConfirmPassword"] = "Brand-New-Pass-2026",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await GetAsync(client, url);
        Assert.Equal("Пароль изменён.", page.QuerySelector("[data-testid=status-message]")?.TextContent);
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Assert.True(await users.CheckPasswordAsync((await users.FindByEmailAsync(email))!, "Brand-New-Pass-2026"));
    }

    [Fact]
    public async Task EnableAuthenticator_PageShowsQrSvg()
    {
        var email = await factory.CreateUserAsync("Асель");
        using var client = await factory.SignedInClientAsync(email);

        var page = await GetAsync(client, ManageUrl + "/EnableAuthenticator");

        var svg = page.QuerySelector("[data-testid=qr] svg");
        Assert.NotNull(svg);
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.False(string.IsNullOrWhiteSpace(svg.GetAttribute("aria-label")));
        Assert.NotNull(svg.GetAttribute("viewBox"));
        var shown = page.QuerySelector("[data-testid=shared-key]")!.TextContent;
        Assert.Matches("^[a-z2-7]{4}( [a-z2-7]{1,4})+$", shown);
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var key = await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(email))!);
        Assert.Equal(key, shown.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant());
        Assert.Equal("page", page.QuerySelector(".manage-nav a[aria-current=page]")?.GetAttribute("aria-current"));
        Assert.EndsWith("/TwoFactorAuthentication", page.QuerySelector(".manage-nav a.active")?.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnableAuthenticator_WithValidTotp_EnablesTwoFactor()
    {
        var email = await factory.CreateUserAsync("Асель");
        using var client = await factory.SignedInClientAsync(email);
        const string url = ManageUrl + "/EnableAuthenticator";

        var form = await GetAsync(client, url);
        var key = form.QuerySelector("[data-testid=shared-key]")!.TextContent;
        var code = Totp.Compute(key, DateTimeOffset.UtcNow);
        using var response = await PostFormAsync(client, url, form, new() { ["Input.Code"] = code[..3] + " " + code[3..] });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/ShowRecoveryCodes", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var codes = await GetAsync(client, response.Headers.Location.OriginalString);
        Assert.Equal(10, codes.QuerySelectorAll("[data-testid=recovery-codes] code").Length);
        var overview = await GetAsync(client, ManageUrl + "/TwoFactorAuthentication");
        Assert.Equal("Двухэтапный вход включён.", overview.QuerySelector("[data-testid=two-factor-state]")?.TextContent);
        Assert.True((await factory.FindUserAsync(email)).TwoFactorEnabled);
    }

    [Fact]
    public async Task EnableAuthenticator_WithWrongCode_ShowsErrorAndStaysOff()
    {
        var email = await factory.CreateUserAsync("Асель");
        using var client = await factory.SignedInClientAsync(email);
        const string url = ManageUrl + "/EnableAuthenticator";

        var form = await GetAsync(client, url);
        var key = form.QuerySelector("[data-testid=shared-key]")!.TextContent;
        var wrong = ((int.Parse(Totp.Compute(key, DateTimeOffset.UtcNow), System.Globalization.CultureInfo.InvariantCulture) + 500_000) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        using var response = await PostFormAsync(client, url, form, new() { ["Input.Code"] = wrong });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.StartsWith("Код не подошёл.", page.QuerySelector("#Input_Code-error")?.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(wrong, ((IHtmlInputElement)page.QuerySelector("#Input_Code")!).Value);
        Assert.NotNull(page.QuerySelector("[data-testid=qr] svg"));
        Assert.False((await factory.FindUserAsync(email)).TwoFactorEnabled);
    }

    [Fact]
    public async Task Email_ChangeToTakenAddress_ShowsSameMessageAsFreeAddress()
    {
        var email = await factory.CreateUserAsync("Мурат");
        var taken = await factory.CreateUserAsync("Другой человек");
        var free = $"free-{Guid.NewGuid():N}@example.kz";
        using var client = await factory.SignedInClientAsync(email);

        var freeMessage = await ChangeEmailAsync(client, free);
        var takenMessage = await ChangeEmailAsync(client, taken);

        Assert.Equal("Мы отправили ссылку для подтверждения на новый адрес. Адрес изменится, когда вы по ней перейдёте.", freeMessage);
        Assert.Equal(freeMessage, takenMessage);
        Assert.Single(factory.MailTo(free));
        Assert.Empty(factory.MailTo(taken));
        Assert.Equal(email, (await factory.FindUserAsync(email)).Email);
    }

    [Fact]
    public async Task ConfirmEmailChange_LinkFromMail_ChangesEmailAndUserName()
    {
        var email = await factory.CreateUserAsync("Мурат");
        var newEmail = $"new-{Guid.NewGuid():N}@example.kz";
        using var client = await factory.SignedInClientAsync(email);
        await ChangeEmailAsync(client, newEmail);

        var mail = Assert.Single(factory.MailTo(newEmail));
        var link = new Uri(Regex.Match(mail.TextBody ?? string.Empty, @"http://\S+/Identity/Account/ConfirmEmailChange\?\S+").Value);
        var page = await GetAsync(client, link.PathAndQuery);

        Assert.Equal("Адрес изменён. Теперь входите на портал с новым адресом.", page.QuerySelector("[data-testid=confirm-result]")?.TextContent);
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(newEmail);
        Assert.NotNull(user);
        Assert.Equal(newEmail, user.UserName);
        Assert.Null(await users.FindByEmailAsync(email));
        // Still signed in after the change: the settings page answers instead of sending to the sign-in page.
        using var settings = await client.GetAsync(new Uri(ManageUrl + "/Email", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
    }

    [Fact]
    public async Task ConfirmEmailChange_BadCode_ShowsGenericFailure()
    {
        var email = await factory.CreateUserAsync("Мурат");
        var user = await factory.FindUserAsync(email);
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var page = await GetAsync(client, $"/Identity/Account/ConfirmEmailChange?userId={user.Id}&email=x%40example.kz&code=bm90LWEtdG9rZW4");

        Assert.StartsWith("Не удалось изменить адрес", page.QuerySelector("[data-testid=confirm-result]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(email, (await factory.FindUserAsync(email)).Email);
    }

    [Theory]
    [InlineData(ManageUrl)]
    [InlineData(ManageUrl + "/Email")]
    [InlineData(ManageUrl + "/ChangePassword")]
    [InlineData(ManageUrl + "/TwoFactorAuthentication")]
    [InlineData(ManageUrl + "/EnableAuthenticator")]
    public async Task Manage_RequiresSignIn(string url)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ManageUrl + "/PersonalData")]
    [InlineData(ManageUrl + "/ExternalLogins")]
    [InlineData(ManageUrl + "/SetPassword")]
    public async Task Manage_PagesNotWrittenYet_AnswerNotFound(string url)
    {
        var email = await factory.CreateUserAsync("Гүлнар");
        using var client = await factory.SignedInClientAsync(email);

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<string?> ChangeEmailAsync(HttpClient client, string newEmail)
    {
        const string url = ManageUrl + "/Email";
        var form = await GetAsync(client, url);
        using var response = await PostFormAsync(client, url + "?handler=Change", form, new() { ["Input.NewEmail"] = newEmail });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await GetAsync(client, response.Headers.Location!.OriginalString);
        return page.QuerySelector("[data-testid=status-message]")?.TextContent;
    }

    private static async Task<IHtmlDocument> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ParseAsync(response);
    }

    private static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    private static async Task<HttpResponseMessage> PostFormAsync(
        HttpClient client, string url, IHtmlDocument page, Dictionary<string, string> fields)
    {
        var token = page.QuerySelector("form[method=post] input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token), "the page has no antiforgery token");
        fields["__RequestVerificationToken"] = token!;
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    /// <summary>RFC 6238 TOTP (HMAC-SHA1, 30-second steps, 6 digits), as an authenticator app computes it.</summary>
    private static class Totp
    {
        public static string Compute(string base32Key, DateTimeOffset now)
        {
            var key = Base32Decode(base32Key);
            var counter = now.ToUnixTimeSeconds() / 30;
            var message = BitConverter.GetBytes(counter);
            if (BitConverter.IsLittleEndian)
            {
                Array.Reverse(message);
            }

#pragma warning disable CA5350 // RFC 6238 authenticators use HMAC-SHA1; this only mirrors them in a test.
            var hash = HMACSHA1.HashData(key, message);
#pragma warning restore CA5350
            var offset = hash[^1] & 0x0f;
            var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
            return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        }

        private static byte[] Base32Decode(string text)
        {
            const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
            var output = new List<byte>();
            int buffer = 0, bits = 0;
            foreach (var ch in text.ToUpperInvariant().Where(c => c != ' ' && c != '='))
            {
                var value = alphabet.IndexOf(ch, StringComparison.Ordinal);
                Assert.True(value >= 0, $"not base32: {ch}");
                buffer = (buffer << 5) | value;
                bits += 5;
                if (bits >= 8)
                {
                    bits -= 8;
                    output.Add((byte)(buffer >> bits));
                    buffer &= (1 << bits) - 1;
                }
            }

            return [.. output];
        }
    }

    /// <summary>
    /// The real app on a private SQLite file and mail folder, plus a test-only endpoint that signs a user in
    /// with the real cookie (the sign-in page is not part of these pages).
    /// </summary>
    public sealed class ManageFactory : WebApplicationFactory<Program>
    {
        private readonly string root = Path.Combine(Path.GetTempPath(), "da-manage-tests-" + Guid.NewGuid().ToString("N"));

        private string MailDirectory => Path.Combine(root, "mail");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            Directory.CreateDirectory(root);
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Portal", $"Data Source={Path.Combine(root, "portal.db")}");
            builder.UseSetting("Email:PickupDirectory", MailDirectory);
            builder.UseSetting("Bootstrap:AdminEmail", string.Empty);
            builder.UseSetting("Bootstrap:AdminPassword", string.Empty);
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter, TestSignInEndpoint>());
        }

        public async Task<string> CreateUserAsync(string displayName)
        {
            var email = $"user-{Guid.NewGuid():N}@example.kz";
            using var scope = Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var result = await users.CreateAsync(
                new PortalUser
                {
                    UserName = email,
                    Email = email,
                    EmailConfirmed = true,
                    DisplayName = displayName,
                    CreatedAt = DateTimeOffset.UtcNow,
                },
                Password);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Code)));
            return email;
        }

        public async Task<PortalUser> FindUserAsync(string email)
        {
            using var scope = Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            return (await users.FindByEmailAsync(email))!;
        }

        public async Task<HttpClient> SignedInClientAsync(string email)
        {
            var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            using var response = await client.PostAsync(
                new Uri($"/__test/sign-in?email={Uri.EscapeDataString(email)}", UriKind.Relative), content: null);
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            return client;
        }

        public IReadOnlyList<MimeMessage> MailTo(string address) =>
            !Directory.Exists(MailDirectory)
                ? []
                : [.. Directory.GetFiles(MailDirectory, "*.eml")
                    .Select(path => MimeMessage.Load(path))
                    .Where(m => m.To.Mailboxes.Any(a => a.Address.Equals(address, StringComparison.OrdinalIgnoreCase)))];

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS later.
            }
        }

        private sealed class TestSignInEndpoint : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use(async (context, nextMiddleware) =>
                {
                    if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path == "/__test/sign-in")
                    {
                        var users = context.RequestServices.GetRequiredService<UserManager<PortalUser>>();
                        var user = await users.FindByEmailAsync(context.Request.Query["email"].ToString());
                        if (user is null)
                        {
                            context.Response.StatusCode = StatusCodes.Status404NotFound;
                            return;
                        }

                        await context.RequestServices.GetRequiredService<SignInManager<PortalUser>>().SignInAsync(user, isPersistent: false);
                        context.Response.StatusCode = StatusCodes.Status204NoContent;
                        return;
                    }

                    await nextMiddleware(context);
                });
                next(app);
            };
        }
    }
}
