using System.Security.Claims;
using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Domain.Claims;
using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Domain.Publications;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Agreement;
using DigitalAlmaty.Web.Features.Blocking;
using DigitalAlmaty.Web.Features.Claims;
using DigitalAlmaty.Web.Features.Files;
using DigitalAlmaty.Web.Features.PersonalData;
using DigitalAlmaty.Web.Features.Publications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DigitalAlmaty.Tests.Support.SubmissionSeed;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// One portal with one real account per <see cref="PrincipalKind"/> (signed in through the real
/// sign-in page), and the items the matrix's routes point at: drafts and published items of the
/// author, publications, files, a claim, an agreement version and export tokens.
/// </summary>
public sealed class AuthorizationMatrixFixture : PortalFactory, IAsyncLifetime
{
    private readonly Dictionary<PrincipalKind, HttpClient> _clients = [];
    private readonly Dictionary<PrincipalKind, string> _userIds = [];
    private readonly Dictionary<string, Func<Task<string>>> _values = new(StringComparer.Ordinal);

    public static IReadOnlyList<PrincipalKind> Kinds { get; } = Enum.GetValues<PrincipalKind>();

    public string UserId(PrincipalKind kind) => _userIds[kind];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The blocked account's cookie is checked against its security stamp on its next request, as a minute later in production.
        builder.ConfigureTestServices(services =>
            services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero));
    }

    public HttpClient Client(PrincipalKind kind) => _clients[kind];

    /// <summary>Replaces every {name} of <paramref name="url"/> by the fixture's value (fresh for tokens used once).</summary>
    public async Task<string> ResolveAsync(string url)
    {
        foreach (var (name, value) in _values)
        {
            var slot = "{" + name + "}";
            if (url.Contains(slot, StringComparison.Ordinal))
            {
                url = url.Replace(slot, await value(), StringComparison.Ordinal);
            }
        }

        return url;
    }

    /// <summary>The principal the application builds from the account's cookie (roles included); empty for the anonymous visitor.</summary>
    public async Task<ClaimsPrincipal> PrincipalAsync(PrincipalKind kind)
    {
        if (kind == PrincipalKind.Anonymous)
        {
            return new ClaimsPrincipal(new ClaimsIdentity());
        }

        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>();
        return await factory.CreateAsync((await users.FindByIdAsync(_userIds[kind]))!);
    }

    public async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> use)
        where TService : notnull
    {
        using var scope = Services.CreateScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> read)
    {
        var databases = Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await databases.CreateDbContextAsync();
        return await read(db);
    }

    public async Task InitializeAsync()
    {
        foreach (var kind in Kinds.Where(k => k != PrincipalKind.Anonymous))
        {
            var (id, email) = await NewUserAsync($"Matrix {kind}", RolesOf(kind));
            _userIds[kind] = id;
            _clients[kind] = await SignedInClientAsync(email);
        }

        _clients[PrincipalKind.Anonymous] = CreatePortalClient();
        var admin = await PrincipalAsync(PrincipalKind.Admin);
        var editor = await PrincipalAsync(PrincipalKind.Editor);
        var blocked = await WithServiceAsync<UserBlockService, GovernanceResult>(s => s.BlockAsync(admin, _userIds[PrincipalKind.Blocked],
            new BlockRequest(null, Permanent: true, "4.3.5", "Блокировка для матрицы доступа.")));
        Assert.True(blocked.Succeeded, blocked.ErrorCode);

        await SeedSubmissionsAsync();
        await SeedPublicationsAsync(editor);
        await SeedClaimAsync();
        var version = await WithServiceAsync<AgreementService, GovernanceResult>(s => s.PublishAsync(admin,
            new AgreementDraft("# Соглашение\n\nТекст для матрицы доступа.", DigitalAlmaty.Domain.Time.AlmatyTime.Today(DateTimeOffset.UtcNow), "Первая версия.", IsNotable: false)));
        Assert.True(version.Succeeded, version.ErrorCode);
        Value("agreementVersion", version.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Value("adminExportToken", async () =>
        {
            var prepared = await WithServiceAsync<UserDataExport, DataExportResult>(s =>
                s.PrepareForAdministratorAsync(admin, _userIds[PrincipalKind.User], "Запрос суда для матрицы доступа."));
            return prepared.Token!;
        });
        Value("selfExportToken", () => WithServiceAsync<UserDataExport, string>(s => s.KeepForSelfAsync(_userIds[PrincipalKind.User])));
        Value("unknownId", Guid.NewGuid().ToString("D"));
    }

    private static string[] RolesOf(PrincipalKind kind) => kind switch
    {
        PrincipalKind.Editor => [PortalRoles.Editor],
        PrincipalKind.Moderator => [PortalRoles.Moderator],
        PrincipalKind.Admin => [PortalRoles.Admin],
        _ => [],
    };

    private void Value(string name, string value) => _values[name] = () => Task.FromResult(value);

    private void Value(string name, Func<Task<string>> value) => _values[name] = value;

    private async Task SeedSubmissionsAsync()
    {
        var author = _userIds[PrincipalKind.Author];
        var seed = new SubmissionSeed(this);
        var store = Services.GetRequiredService<FileStore>();
        var publicCover = await store.SaveImageAsync(author, new MemoryStream(CoverImageTests.TinyPng), "public.png", perUserQuota: false);
        var privateCover = await store.SaveImageAsync(author, new MemoryStream(CoverImageTests.TinyPng), "private.png", perUserQuota: false);

        var published = await seed.IdeaAsync(author, "Опубликованная идея матрицы", Cover(publicCover.FileId), Submit(author), Approve());
        var draft = await seed.IdeaAsync(author, "Черновик идеи матрицы", Cover(privateCover.FileId));
        var waiting = await seed.IdeaAsync(author, "Идея матрицы на модерации", Submit(author));
        Value("publishedIdea", published.Id.ToString("D"));
        Value("draftIdea", draft.Id.ToString("D"));
        Value("waitingIdea", waiting.Id.ToString("D"));
        Value("publicFile", publicCover.FileId!.Value.ToString("D"));
        Value("privateFile", privateCover.FileId!.Value.ToString("D"));

        var publishedEvent = await seed.EventAsync(author, "Опубликованное событие матрицы", Submit(author), Approve());
        var draftEvent = await seed.EventAsync(author, "Черновик события матрицы");
        var waitingEvent = await seed.EventAsync(author, "Событие матрицы на модерации", Submit(author));
        Value("publishedEvent", publishedEvent.Id.ToString("D"));
        Value("draftEvent", draftEvent.Id.ToString("D"));
        Value("waitingEvent", waitingEvent.Id.ToString("D"));
    }

    private static Action<DigitalAlmaty.Domain.Submissions.Submission, DateTimeOffset> Cover(Guid? fileId) => (s, at) =>
    {
        var idea = (Idea)s;
        idea.Edit(idea.AuthorId, IdeaContent(idea.Title) with { CoverImageId = fileId }, at);
    };

    private async Task SeedPublicationsAsync(ClaimsPrincipal editor)
    {
        foreach (var kind in new[] { PublicationKind.News, PublicationKind.Report, PublicationKind.Project })
        {
            var published = await SavePublicationAsync(editor, kind, $"Опубликовано: {kind}");
            var live = await WithServiceAsync<PublicationService, PublicationResult>(s => s.PublishNowAsync(editor, published));
            Assert.True(live.Succeeded, live.ErrorCode);
            Value($"published{kind}", published.ToString("D"));
            Value($"draft{kind}", (await SavePublicationAsync(editor, kind, $"Черновик: {kind}")).ToString("D"));
        }

        var store = Services.GetRequiredService<FileStore>();
        var staffFile = await store.SaveAttachmentAsync(_userIds[PrincipalKind.Editor], new MemoryStream(CoverImageTests.PdfBytes), "draft.pdf", perUserQuota: false);
        Value("staffPrivateFile", staffFile.FileId!.Value.ToString("D"));
    }

    private async Task<Guid> SavePublicationAsync(ClaimsPrincipal editor, PublicationKind kind, string title)
    {
        var saved = await WithServiceAsync<PublicationService, PublicationResult>(s => s.SaveAsync(editor, null, kind,
            [new PublicationContent("ru", title, "Краткое описание публикации.", "Текст публикации для матрицы доступа.")], null, []));
        Assert.True(saved.Succeeded, saved.ErrorCode);
        return saved.Id!.Value;
    }

    private async Task SeedClaimAsync()
    {
        var upload = new ClaimUpload("claim.pdf", CoverImageTests.PdfBytes.Length, () => new MemoryStream(CoverImageTests.PdfBytes));
        var form = new ClaimForm("Заявитель Матрицы", "claimant@example.kz", ClaimTopic.Other, "Тема обращения", "Текст обращения для матрицы.", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)));
        var filed = await WithServiceAsync<ClaimService, ClaimResult>(s =>
            s.FileAsync(new ClaimsPrincipal(new ClaimsIdentity()), form, upload, "ru-RU"));
        Assert.True(filed.ErrorCode is null, filed.ErrorCode);
        Value("claim", filed.Claim!.Id.ToString("D"));
        Value("claimFile", filed.Claim.AttachmentId!.Value.ToString("D"));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await DisposeAsync();
    }
}
