using System.Security.Claims;
using DigitalAlmaty.Domain.Claims;
using DigitalAlmaty.Domain.Publications;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Domain.Time;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Features.Agreement;
using DigitalAlmaty.Web.Features.Blocking;
using DigitalAlmaty.Web.Features.Claims;
using DigitalAlmaty.Web.Features.Flags;
using DigitalAlmaty.Web.Features.Inactivity;
using DigitalAlmaty.Web.Features.Moderation;
using DigitalAlmaty.Web.Features.PersonalData;
using DigitalAlmaty.Web.Features.Publications;
using DigitalAlmaty.Web.Features.Submissions;
using static DigitalAlmaty.Tests.Support.SubmissionSeed;
using static DigitalAlmaty.Tests.Web.PrincipalKind;

namespace DigitalAlmaty.Tests.Web;

/// <summary>The services behind interactive actions, with who may call each; one entry per action.</summary>
public static class AuthorizationMatrixServiceActions
{
    private static readonly PrincipalKind[] ModerationStaff = [Moderator, Admin];
    private static readonly PrincipalKind[] PublicationStaff = [Editor, Admin];
    private static readonly PrincipalKind[] AdminOnly = [Admin];
    private static readonly PrincipalKind[] TheAuthor = [Author];

    public static IReadOnlyList<AuthorizationMatrixServiceAction> All { get; } =
    [
        new("Moderation.Approve", ModerationStaff, async portal =>
        {
            var idea = await Seed(portal).IdeaAsync(portal.UserId(Author), "Идея ждёт решения", Submit(portal.UserId(Author)));
            return who => Decide(portal, who, idea.Id, idea.Revision, ModerationDecision.Approve("Публикуем."));
        }),
        new("Moderation.Hide (upholds readers' reports)", ModerationStaff, async portal =>
        {
            var id = await ReportedIdeaAsync(portal);
            var revision = await portal.WithDbAsync(db => Task.FromResult(db.Submissions.Single(s => s.Id == id).Revision));
            return who => Decide(portal, who, id, revision, ModerationDecision.Hide([ModerationClauses.Misleading], "Скрыто по жалобам."));
        }),
        new("Flags.Dismiss", ModerationStaff, async portal =>
        {
            var id = await ReportedIdeaAsync(portal);
            return async who => (await portal.WithServiceAsync<FlagService, FlagResult>(s => s.DismissAsync(who, id, "Нарушения нет."))).Succeeded;
        }),
        new("Flags.Report", [User, Editor, Moderator, Admin], async portal =>
        {
            var author = portal.UserId(Author);
            var idea = await Seed(portal).IdeaAsync(author, "Идея для жалобы", Submit(author), Approve());
            return async who => (await portal.WithServiceAsync<FlagService, FlagResult>(s =>
                s.ReportAsync(who, idea.Id, ModerationClauses.Misleading, "Сведения в идее не соответствуют действительности."))).Succeeded;
        }),
        new("Submission.SaveIdea over the author's draft", TheAuthor, async portal =>
        {
            var idea = await Seed(portal).IdeaAsync(portal.UserId(Author), "Черновик автора");
            return async who => (await portal.WithServiceAsync<SubmissionService, SubmissionResult>(s =>
                s.SaveIdeaAsync(who, idea.Id, IdeaContent("Перезаписанный заголовок"), idea.Revision))).Succeeded;
        }),
        new("Submission.Withdraw", TheAuthor, async portal =>
        {
            var idea = await Seed(portal).IdeaAsync(portal.UserId(Author), "Идея на модерации", Submit(portal.UserId(Author)));
            return async who => (await portal.WithServiceAsync<SubmissionService, SubmissionResult>(s => s.WithdrawAsync(who, idea.Id))).Succeeded;
        }),
        new("Submission.FindOwn (the editor's load)", TheAuthor, async portal =>
        {
            var idea = await Seed(portal).IdeaAsync(portal.UserId(Author), "Черновик для редактора");
            return async who => await portal.WithServiceAsync<SubmissionService, DigitalAlmaty.Domain.Ideas.Idea?>(s => s.FindOwnAsync<DigitalAlmaty.Domain.Ideas.Idea>(who, idea.Id)) is not null;
        }, IsRead: true),
        new("Publication.Save (new)", PublicationStaff, portal => Ready(async who => (await SavePublicationAsync(portal, who, null)).Succeeded)),
        new("Publication.Save (edit)", PublicationStaff, async portal =>
        {
            var id = await NewPublicationAsync(portal);
            return async who => (await SavePublicationAsync(portal, who, id)).Succeeded;
        }),
        new("Publication.PublishNow", PublicationStaff, async portal =>
        {
            var id = await NewPublicationAsync(portal);
            return async who => (await portal.WithServiceAsync<PublicationService, PublicationResult>(s => s.PublishNowAsync(who, id))).Succeeded;
        }),
        new("Publication.Unpublish", PublicationStaff, async portal =>
        {
            var id = await NewPublicationAsync(portal);
            var editor = await portal.PrincipalAsync(Editor);
            Assert.True((await portal.WithServiceAsync<PublicationService, PublicationResult>(s => s.PublishNowAsync(editor, id))).Succeeded);
            return async who => (await portal.WithServiceAsync<PublicationService, PublicationResult>(s => s.UnpublishAsync(who, id))).Succeeded;
        }),
        new("Claim.TakeInProgress", AdminOnly, async portal =>
        {
            var claim = await NewClaimAsync(portal);
            return async who => (await portal.WithServiceAsync<ClaimService, ClaimResult>(s => s.TakeInProgressAsync(who, claim.Id, claim.Revision))).Succeeded;
        }),
        new("Claim.Answer", AdminOnly, async portal =>
        {
            var claim = await NewClaimAsync(portal);
            return async who => (await portal.WithServiceAsync<ClaimService, ClaimResult>(s =>
                s.AnswerAsync(who, claim.Id, claim.Revision, "Ваше обращение рассмотрено."))).Succeeded;
        }),
        new("UserBlock.Block", AdminOnly, async portal =>
        {
            var (target, _) = await portal.NewUserAsync("Цель блокировки");
            return async who => (await portal.WithServiceAsync<UserBlockService, GovernanceResult>(s =>
                s.BlockAsync(who, target, new BlockRequest(DateTimeOffset.UtcNow.AddDays(7), false, ModerationClauses.RightsOfOthers, "Спам.")))).Succeeded;
        }),
        new("UserBlock.Unblock", AdminOnly, async portal =>
        {
            var (target, _) = await portal.NewUserAsync("Заблокированный");
            var admin = await portal.PrincipalAsync(Admin);
            Assert.True((await portal.WithServiceAsync<UserBlockService, GovernanceResult>(s =>
                s.BlockAsync(admin, target, new BlockRequest(null, true, ModerationClauses.RightsOfOthers, "Спам.")))).Succeeded);
            return async who => (await portal.WithServiceAsync<UserBlockService, GovernanceResult>(s => s.UnblockAsync(who, target))).Succeeded;
        }),
        new("AccountAnnulment.Run", AdminOnly, portal => Ready(async who =>
            await portal.WithServiceAsync<AccountAnnulment, AnnulmentRun?>(s => s.RunAsync(who, preview: false)) is not null)),
        new("Agreement.PublishVersion", AdminOnly, portal => Ready(async who =>
            (await portal.WithServiceAsync<AgreementService, GovernanceResult>(s => s.PublishAsync(who, new AgreementDraft(
                "# Соглашение\n\nНовая редакция.", AlmatyTime.Today(DateTimeOffset.UtcNow).AddDays(30), "Новая редакция.", IsNotable: true)))).Succeeded)),
        new("UserDataExport.Prepare", AdminOnly, async portal =>
        {
            var (target, _) = await portal.NewUserAsync("Субъект данных");
            return async who => (await portal.WithServiceAsync<UserDataExport, DataExportResult>(s =>
                s.PrepareForAdministratorAsync(who, target, "Запрос следователя № 42."))).Succeeded;
        }),
    ];

    private static Task<Func<ClaimsPrincipal, Task<bool>>> Ready(Func<ClaimsPrincipal, Task<bool>> act) => Task.FromResult(act);

    private static SubmissionSeed Seed(AuthorizationMatrixFixture portal) => new(portal);

    private static async Task<bool> Decide(AuthorizationMatrixFixture portal, ClaimsPrincipal who, Guid id, int revision, ModerationDecision decision) =>
        (await portal.WithServiceAsync<ModerationService, ModerationResult>(s => s.DecideAsync(who, id, revision, decision))).Succeeded;

    private static async Task<Guid> ReportedIdeaAsync(AuthorizationMatrixFixture portal)
    {
        var author = portal.UserId(Author);
        var idea = await Seed(portal).IdeaAsync(author, "Идея с жалобой", Submit(author), Approve());
        var reader = await portal.PrincipalAsync(User);
        var reported = await portal.WithServiceAsync<FlagService, FlagResult>(s =>
            s.ReportAsync(reader, idea.Id, ModerationClauses.Misleading, "Сведения в идее не соответствуют действительности."));
        Assert.True(reported.Succeeded, reported.ErrorCode);
        return idea.Id;
    }

    private static async Task<Guid> NewPublicationAsync(AuthorizationMatrixFixture portal)
    {
        var saved = await SavePublicationAsync(portal, await portal.PrincipalAsync(Editor), null);
        Assert.True(saved.Succeeded, saved.ErrorCode);
        return saved.Id!.Value;
    }

    private static Task<PublicationResult> SavePublicationAsync(AuthorizationMatrixFixture portal, ClaimsPrincipal who, Guid? id) =>
        portal.WithServiceAsync<PublicationService, PublicationResult>(s => s.SaveAsync(who, id, PublicationKind.News,
            [new PublicationContent("ru", "Новость отдела", "Кратко о новости.", "Текст новости.")], null, []));

    private static async Task<WrittenClaim> NewClaimAsync(AuthorizationMatrixFixture portal)
    {
        var form = new ClaimForm("Заявитель", "claimant@example.kz", ClaimTopic.Other, "Тема", "Текст обращения.", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)));
        var filed = await portal.WithServiceAsync<ClaimService, ClaimResult>(s => s.FileAsync(new ClaimsPrincipal(new ClaimsIdentity()), form, null, "ru-RU"));
        Assert.True(filed.Succeeded, filed.ErrorCode);
        return filed.Claim!;
    }
}
