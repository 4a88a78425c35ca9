using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// The sign-in page is no password oracle (issue #13, clause 4.4.6): whatever state an account is in,
/// a wrong password gets the answer an unknown address gets and counts toward lockout; the state is
/// told only after the right password, and never once the account is locked.
/// </summary>
public sealed class SignInOracleTests(SignInOracleTests.Fixture fixture) : IClassFixture<SignInOracleTests.Fixture>
{
    /// <summary>Counts password verifications, to show that every answer costs the same hashing.</summary>
    public sealed class Fixture : PortalFactory
    {
        public CountingPasswordHasher Hasher { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<PortalUser>>(sp =>
            {
                Hasher.Inner = new PasswordHasher<PortalUser>(sp.GetService<IOptions<PasswordHasherOptions>>());
                return Hasher;
            }));
        }
    }

    public sealed class CountingPasswordHasher : IPasswordHasher<PortalUser>
    {
        private int _verifications;

        public IPasswordHasher<PortalUser> Inner { get; set; } = new PasswordHasher<PortalUser>();

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(PortalUser user, string password) => Inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(PortalUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return Inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    public enum AccountState
    {
        Active,
        Blocked,
        ResetRequired,
        Unconfirmed,
    }

    private const string Password = "Oracle-Pass-2026";
    private const string WrongPassword = "Guessed-Pass-2026";

    private async Task<PortalUser> AccountAsync(AccountState state)
    {
        var user = await fixture.CreateUserAsync($"oracle-{Guid.NewGuid():N}@example.kz", Password, "Проверяемый " + state);
        using var scope = fixture.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var stored = (await users.FindByIdAsync(user.Id))!;
        switch (state)
        {
            case AccountState.Blocked:
                stored.BlockedUntil = DateTimeOffset.UtcNow.AddDays(30);
                stored.BlockClause = "4.3.9";
                stored.BlockReason = "Оскорбительные комментарии";
                break;
            case AccountState.ResetRequired:
                stored.PasswordResetRequired = true;
                break;
            case AccountState.Unconfirmed:
                stored.EmailConfirmed = false;
                break;
        }

        Assert.True((await users.UpdateAsync(stored)).Succeeded);
        return stored;
    }

    private static async Task<HtmlPage> SignInAsync(HttpClient client, string email, string password)
    {
        var login = await HtmlPage.GetAsync(client, "/Identity/Account/Login?culture=ru-RU");
        return await login.SubmitAsync(client, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
    }

    private async Task<PortalUser> StoredAsync(string id)
    {
        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Id == id);
    }

    /// <summary>What the page says, inputs aside (their values are what was typed).</summary>
    private static string Answer(HtmlPage page) =>
        string.Join(' ', page.Document.QuerySelector("main")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static async Task<string> UnknownAccountAnswerAsync(HttpClient client) =>
        Answer(await SignInAsync(client, $"nobody-{Guid.NewGuid():N}@example.kz", WrongPassword));

    [Theory]
    [InlineData(AccountState.Active)]
    [InlineData(AccountState.Blocked)]
    [InlineData(AccountState.ResetRequired)]
    [InlineData(AccountState.Unconfirmed)]
    public async Task WrongPassword_AnswersAsForAnUnknownAddress_AndCountsTowardLockout(AccountState state)
    {
        var user = await AccountAsync(state);
        using var client = fixture.CreatePortalClient();
        var unknown = await UnknownAccountAnswerAsync(client);

        var wrong = await SignInAsync(client, user.Email!, WrongPassword);

        Assert.Contains("Неверная почта или пароль", unknown, StringComparison.Ordinal);
        Assert.Equal(unknown, Answer(wrong));
        Assert.Equal(1, (await StoredAsync(user.Id)).AccessFailedCount);
    }

    [Theory]
    [InlineData(AccountState.Blocked, "[data-testid=blocked]")]
    [InlineData(AccountState.ResetRequired, "[data-testid=reset-required]")]
    [InlineData(AccountState.Unconfirmed, ".alert--error")]
    public async Task RightPassword_TellsTheAccountsState_WithoutSigningIn(AccountState state, string notice)
    {
        var user = await AccountAsync(state);
        using var client = fixture.CreatePortalClient();
        var unknown = await UnknownAccountAnswerAsync(client);

        var right = await SignInAsync(client, user.Email!, Password);

        Assert.NotEqual(unknown, Answer(right));
        Assert.NotNull(right.Document.QuerySelector(notice));
        Assert.Null(right.Document.QuerySelector("[data-testid=display-name]"));
    }

    [Theory]
    [InlineData(AccountState.Active)]
    [InlineData(AccountState.Blocked)]
    [InlineData(AccountState.ResetRequired)]
    [InlineData(AccountState.Unconfirmed)]
    public async Task AfterFiveWrongPasswords_TheRightOneIsRefused_AsForAnUnknownAddress(AccountState state)
    {
        var user = await AccountAsync(state);
        using var client = fixture.CreatePortalClient();
        var unknown = await UnknownAccountAnswerAsync(client);
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(client, user.Email!, WrongPassword);
        }

        var right = await SignInAsync(client, user.Email!, Password);

        var stored = await StoredAsync(user.Id);
        Assert.True(stored.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14), $"Locked until {stored.LockoutEnd}.");
        Assert.Equal(unknown, Answer(right));
        Assert.Null(right.Document.QuerySelector("[data-testid=display-name]"));
        Assert.Empty(right.Redirects);
        Assert.Null(right.Document.QuerySelector("[data-testid=blocked], [data-testid=reset-required]"));
    }

    [Fact]
    public async Task UnknownAndLockedAddresses_CostAPasswordCheck_LikeAWrongPassword()
    {
        var user = await AccountAsync(AccountState.Active);
        using var client = fixture.CreatePortalClient();
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(client, user.Email!, WrongPassword);
        }

        var before = fixture.Hasher.Verifications;
        await SignInAsync(client, $"nobody-{Guid.NewGuid():N}@example.kz", WrongPassword);
        var forUnknown = fixture.Hasher.Verifications - before;
        before = fixture.Hasher.Verifications;
        await SignInAsync(client, user.Email!, Password);
        var forLocked = fixture.Hasher.Verifications - before;

        Assert.Equal(1, forUnknown);
        Assert.Equal(1, forLocked);
    }
}
