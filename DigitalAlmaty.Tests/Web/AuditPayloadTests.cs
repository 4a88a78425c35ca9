using System.Globalization;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Data.Auditing;
using DigitalAlmaty.Web.Features.Admin;
using DigitalAlmaty.Web.Features.Agreement;
using DigitalAlmaty.Web.Features.Blocking;
using DigitalAlmaty.Web.Features.Claims;
using DigitalAlmaty.Web.Features.Flags;
using DigitalAlmaty.Web.Features.Inactivity;
using DigitalAlmaty.Web.Features.Moderation;
using DigitalAlmaty.Web.Features.PersonalData;
using DigitalAlmaty.Web.Features.Security;
using DigitalAlmaty.Web.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// The typed audit payloads: each one survives the trip through the stored JSON, rows written before
/// the payloads had types read as them, and the audit page's lines come from the payload in the
/// reader's language (or the stored text when no payload reads it).
/// </summary>
public sealed class AuditPayloadTests
{
    private static readonly DateTimeOffset Instant = new(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);

    public static TheoryData<string, object> Payloads() => new()
    {
        { "Submission.Reject", new ModerationDecisionAudit(["2.1.7", "4.3.6"], "Не про ИТ") },
        { "Submission.Approve", new ModerationDecisionAudit([], null) },
        { "Submission.Hide", new BlockHideAudit(["4.3.1"], "Противоправные публикации.") },
        { "Flags.Dismiss", new FlagsDismissalAudit(["4.3.2"], 3, "Даты проверены") },
        { "Agreement.Publish", new AgreementPublicationAudit("Первая редакция.", new DateOnly(2026, 4, 1)) },
        { "User.Block", new BlockAudit(["4.3.8"], "Спам.", BlockAudit.UntilText(Instant), HidePublished: true) },
        { "User.Block", new BlockAudit(["4.3.8"], "Спам.", BlockAudit.UntilText(null), HidePublished: false) },
        { "User.Unblock", new UnblockAudit() },
        { "User.RoleGranted", new StaffRoleAudit("Moderator", "Приказ № 12") },
        { "User.RoleRevoked", new StaffRoleAudit("Editor", "Перевод") },
        { "User.DataExport", new DataExportAudit("Запрос суда № 2-1234/2026") },
        { "User.ReportUnauthorisedAccess", new UnauthorisedAccessAudit(["4.3.3"]) },
        { "User.Annul", new AnnulmentAudit(["4.1.4"], Instant) },
        { "Accounts.AnnulmentRun", new AnnulmentRunAudit(["4.1.4"], 2, 1, 0) },
        { "Claim.TakeInProgress", new ClaimTakenAudit("2026-000123") },
        { "Claim.Answer", new ClaimAnswerAudit("2026-000123", new ClaimAnswerAudit.Text("Доступ восстановлен.")) },
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public void EveryPayload_ReadsBackAsItWasWritten_UnderItsAction(string action, object payload)
    {
        var json = Audit.Write(payload);

        var read = AuditPayloads.Read(action, json);

        Assert.NotNull(read);
        Assert.Equal(payload.GetType(), read.GetType());
        // Records compare by value, except their lists: compare the stored form instead.
        Assert.Equal(json, Audit.Write(read));
        Assert.Contains(action, AuditPayloads.Actions);
    }

    [Fact]
    public void TheStoredJson_KeepsTheShapeOfOlderRows()
    {
        Assert.Equal("""{"clauses":["4.3.1"],"message":"Противоправные публикации.","block":true}""",
            Audit.Write(new BlockHideAudit(["4.3.1"], "Противоправные публикации.")));
        Assert.Equal("""{"clauses":["4.3.2"],"flags":3,"message":null}""", Audit.Write(new FlagsDismissalAudit(["4.3.2"], 3, null)));
        Assert.Equal("""{"number":"2026-000123","extra":{"answer":"Ответ"}}""",
            Audit.Write(new ClaimAnswerAudit("2026-000123", new ClaimAnswerAudit.Text("Ответ"))));
        Assert.Equal("""{"message":"Сводка","effectiveFrom":"2026-04-01"}""",
            Audit.Write(new AgreementPublicationAudit("Сводка", new DateOnly(2026, 4, 1))));
    }

    /// <summary>Details exactly as the anonymous objects wrote them before the payloads had types.</summary>
    public static TheoryData<string, string, Type> OlderRows() => new()
    {
        { "Submission.Reject", """{"clauses":["2.1.7"],"message":"Не про ИТ"}""", typeof(ModerationDecisionAudit) },
        { "Submission.Hide", """{"clauses":["4.3.1"],"message":null}""", typeof(ModerationDecisionAudit) },
        { "Submission.Hide", """{"clauses":["4.3.1"],"message":"Противоправные публикации.","block":true}""", typeof(BlockHideAudit) },
        { "User.Block", """{"clauses":["4.3.8"],"message":"Спам.","until":"permanent","hidePublished":false}""", typeof(BlockAudit) },
        { "User.Annul", """{"clauses":["4.1.4"],"lastActivity":"2025-01-02T03:04:05.0000000+00:00"}""", typeof(AnnulmentAudit) },
        { "Claim.TakeInProgress", """{"number":"2026-000123","extra":null}""", typeof(ClaimTakenAudit) },
        { "Agreement.Publish", """{"message":"Первая редакция.","effectiveFrom":"2026-04-01"}""", typeof(AgreementPublicationAudit) },
    };

    [Theory]
    [MemberData(nameof(OlderRows))]
    public void RowsWrittenBeforeThePayloadsHadTypes_ReadAsTheirPayload(string action, string details, Type expected)
    {
        Assert.IsType(expected, AuditPayloads.Read(action, details));
    }

    [Theory]
    [InlineData("Submission.Reject", """{"reason":"другая форма"}""")]
    [InlineData("User.DataExport", """{"reason":null}""")]
    [InlineData("User.Block", "не JSON")]
    [InlineData("User.Block", "[1,2]")]
    [InlineData("Someone.Else", """{"message":"неизвестное действие"}""")]
    public void DetailsOfAnotherShape_OrAnUnknownAction_ReadAsNoPayload(string action, string details)
    {
        Assert.Null(AuditPayloads.Read(action, details));
    }

    [Fact]
    public void TheLines_ComeFromThePayload_InTheReadersLanguage()
    {
        var block = Audit.Write(new BlockAudit(["4.3.8"], "Спам.", BlockAudit.UntilText(null), HidePublished: true));
        var run = Audit.Write(new AnnulmentRunAudit(["4.1.4"], 2, 1, 0));
        var role = Audit.Write(new StaffRoleAudit("Moderator", "Приказ № 12"));

        Assert.Equal(["Пункты соглашения: 4.3.8", "Бессрочно", "Опубликованные материалы пользователя скрыты", "Сообщение: Спам."],
            LinesIn("ru-RU", "User.Block", block));
        Assert.Equal(["Келісім тармақтары: 4.1.4", "Алғашқы ескертулер: 2, соңғы ескертулер: 1, жойылды: 0"],
            LinesIn("kk-KZ", "Accounts.AnnulmentRun", run));
        Assert.Contains("Reason: Приказ № 12", LinesIn("en-US", "User.RoleGranted", role));
        Assert.Contains("Role: Moderator", LinesIn("en-US", "User.RoleGranted", role));
    }

    [Fact]
    public void ALongClaimAnswer_IsShortened_AndDetailsNoPayloadReads_AreShownAsStored()
    {
        var answer = Audit.Write(new ClaimAnswerAudit("2026-000123", new ClaimAnswerAudit.Text(new string('я', 1000))));
        var lines = LinesIn("ru-RU", "Claim.Answer", answer);
        Assert.Equal("Обращение № 2026-000123", lines[0]);
        Assert.EndsWith("…", lines[1], StringComparison.Ordinal);
        Assert.True(lines[1].Length < 400);

        Assert.Equal(["""{"hidden":2}"""], LinesIn("ru-RU", "Someone.Else", """{"hidden":2}"""));
        Assert.Equal(["<b>не JSON</b>"], LinesIn("ru-RU", "User.Block", "<b>не JSON</b>"));
        Assert.Empty(LinesIn("ru-RU", "User.Unblock", null));
    }

    private static List<string> LinesIn(string culture, string action, string? details)
    {
        var before = CultureInfo.CurrentUICulture;
        var beforeFormat = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
            var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
            var lines = new AuditDetailLines(new StringLocalizer<AdminText>(factory), new StringLocalizer<GovernanceText>(factory));
            return [.. lines.For(action, details)];
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
            CultureInfo.CurrentCulture = beforeFormat;
        }
    }
}
