using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Data.Auditing;
using DigitalAlmaty.Web.Features.Blocking;
using DigitalAlmaty.Web.Features.PersonalData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// <see cref="Audit.Record"/> writes into the caller's unit of work, and /admin/audit shows each row's
/// typed details in the reader's language, older rows included; what no payload reads stays visible, encoded.
/// </summary>
public sealed class AuditLogPageTests(AuditLogPageTests.Fixture fixture) : IClassFixture<AuditLogPageTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    private IDbContextFactory<PortalDbContext> Databases => fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();

    [Fact]
    public async Task Record_AddsTheLine_ToTheCallersContext_AndSavesNothingItself()
    {
        var subject = Guid.NewGuid().ToString("N");
        await using var db = await Databases.CreateDbContextAsync();

        var entry = Audit.Record(db, DateTimeOffset.UtcNow, "actor", DataExportAudit.Exported, AuditSubject.User(subject), new DataExportAudit("Запрос суда"));

        Assert.Equal(EntityState.Added, db.Entry(entry).State);
        Assert.Equal(0, await CountAsync(subject));
        await db.SaveChangesAsync();
        Assert.Equal(1, await CountAsync(subject));
        var stored = await CountAsync(subject, a => a.Action == "User.DataExport" && a.SubjectType == "User" && a.Details == """{"reason":"Запрос суда"}""");
        Assert.Equal(1, stored);
    }

    [Fact]
    public async Task ThePage_ShowsTypedDetails_InEachLanguage_AndOlderOrUnknownRowsAsStored()
    {
        var (adminId, adminEmail) = await fixture.NewUserAsync("Администратор журнала", PortalRoles.Admin);
        var subject = Guid.NewGuid().ToString("N");
        await using (var db = await Databases.CreateDbContextAsync())
        {
            var at = DateTimeOffset.UtcNow.AddMinutes(-3);
            Audit.Record(db, at, adminId, BlockAudit.Blocked, AuditSubject.User(subject),
                new BlockAudit(["4.3.8"], "Реклама.", BlockAudit.UntilText(null), HidePublished: true), before: "Active", after: "Blocked");
            // As the anonymous objects wrote it before the payloads had types.
            db.AuditLog.Add(new AuditEntry
            {
                At = at.AddMinutes(1), ActorId = adminId, Action = "User.RoleGranted", SubjectType = "User", SubjectId = subject,
                Before = "-", After = "Moderator", Details = """{"role":"Moderator","reason":"Приказ № 12"}""",
            });
            db.AuditLog.Add(new AuditEntry
            {
                At = at.AddMinutes(2), ActorId = adminId, Action = "Legacy.Action", SubjectType = "User", SubjectId = subject,
                Details = """{"note":"<script>alert(1)</script>"}""",
            });
            await db.SaveChangesAsync();
        }

        using var client = await fixture.SignedInClientAsync(adminEmail);
        var expected = new Dictionary<string, string[]>
        {
            ["ru-RU"] = ["Пункты соглашения: 4.3.8", "Бессрочно", "Опубликованные материалы пользователя скрыты", "Сообщение: Реклама.", "Роль: Модератор", "Основание: Приказ № 12"],
            ["kk-KZ"] = ["Келісім тармақтары: 4.3.8", "Мерзімсіз", "Пайдаланушының жарияланған материалдары жасырылды", "Хабарлама: Реклама.", "Негіз: Приказ № 12"],
            ["en-US"] = ["Agreement clauses: 4.3.8", "Permanent", "The user's published items were hidden", "Message: Реклама.", "Role: Moderator", "Reason: Приказ № 12"],
        };
        foreach (var (culture, lines) in expected)
        {
            var page = await HtmlPage.GetAsync(client, $"/admin/audit?subject={subject}&culture={culture}");
            var details = page.Document.QuerySelectorAll(".audit-row__details div").Select(d => d.TextContent.Trim()).ToList();
            Assert.All(lines, line => Assert.Contains(line, details));

            var legacy = page.Document.QuerySelector("[data-action='Legacy.Action'] .audit-row__details")!;
            Assert.Equal("""{"note":"<script>alert(1)</script>"}""", legacy.TextContent.Trim());
            Assert.Empty(legacy.QuerySelectorAll("script"));
        }
    }

    private async Task<int> CountAsync(string subject, System.Linq.Expressions.Expression<Func<AuditEntry, bool>>? also = null)
    {
        await using var db = await Databases.CreateDbContextAsync();
        var rows = db.AuditLog.Where(a => a.SubjectId == subject);
        return await (also is null ? rows : rows.Where(also)).CountAsync();
    }
}
