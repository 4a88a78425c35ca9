using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Domain.Claims;
using DigitalAlmaty.Domain.Time;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Web;

/// <summary>Written claims (7.1, 7.2, 7.4) through the real form, the service and the mailbox.</summary>
public sealed partial class ClaimTests(ClaimTests.Fixture fixture) : IClassFixture<ClaimTests.Fixture>
{
    public sealed class Fixture() : PortalFactory(new Dictionary<string, string?> { ["Claims:MaxAttachmentBytes"] = "4096" });

    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    internal static Dictionary<string, string> ValidFields(string email, string topic = "Block", DateOnly? grounds = null) => new()
    {
        ["Input.Name"] = "Айгерим Садыкова",
        ["Input.Email"] = email,
        ["Input.Topic"] = topic,
        ["Input.Subject"] = "Блокировка без объяснения",
        ["Input.Text"] = "Мою учётную запись заблокировали, прошу пересмотреть решение.\nВторая строка.",
        ["Input.GroundsArose"] = (grounds ?? Today.AddDays(-2)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static DateOnly Today => AlmatyTime.Today(DateTimeOffset.UtcNow);

    /// <summary>Posts the claim form as a browser does: multipart, with its hidden fields (antiforgery, handler) and an optional file.</summary>
    internal static async Task<HtmlPage> PostClaimAsync(HttpClient client, HtmlPage form, IDictionary<string, string> fields, (string Name, byte[] Bytes)? file = null)
    {
        var element = form.Document.QuerySelector("form[data-testid=claim-form]") as IHtmlFormElement
            ?? throw new InvalidOperationException("No claim form on the page.");
        var content = new MultipartFormDataContent();
        foreach (var hidden in element.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().Where(h => !fields.ContainsKey(h.Name!)))
        {
            content.Add(new StringContent(hidden.Value), hidden.Name!);
        }

        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        if (file is { } f)
        {
            var bytes = new ByteArrayContent(f.Bytes);
            bytes.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            content.Add(bytes, "Attachment", f.Name);
        }

        var action = form.Response.RequestMessage!.RequestUri!.PathAndQuery;
        return await HtmlPage.ReadAsync(await client.PostAsync(action, content), client);
    }

    private async Task<WrittenClaim> StoredAsync(string number)
    {
        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Claims.AsNoTracking().SingleAsync(c => c.Number == number);
    }

    private static string FiledNumber(HtmlPage page)
    {
        var filed = page.Document.QuerySelector("[data-testid=claim-filed]") ?? throw new InvalidOperationException("Not filed: " + page.Text);
        return NumberPattern().Match(filed.TextContent).Value;
    }

    [GeneratedRegex(@"\d{4}-\d{6}")]
    private static partial Regex NumberPattern();

    private static ClaimsPrincipal Principal(string userId, params string[] roles) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], "Test"));

    private async Task<T> WithServiceAsync<T>(Func<ClaimService, Task<T>> use)
    {
        using var scope = fixture.Services.CreateScope();
        return await use(scope.ServiceProvider.GetRequiredService<ClaimService>());
    }

    [Fact]
    public async Task Anonymous_FilesAClaim_GetsANumberAndDueDate_AndAnAcknowledgement()
    {
        using var client = fixture.CreatePortalClient();
        var form = await HtmlPage.GetAsync(client, "/claims/new?culture=ru-RU");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Equal(string.Empty, form.Value("#claim-name"));
        // Every field has a label.
        foreach (var field in form.Document.QuerySelectorAll("form[data-testid=claim-form] input:not([type=hidden]), form[data-testid=claim-form] select, form[data-testid=claim-form] textarea"))
        {
            Assert.NotNull(form.Document.QuerySelector($"label[for={field.Id}]"));
        }

        var email = $"claimant-{Guid.NewGuid():N}@example.kz";
        var filed = await PostClaimAsync(client, form, ValidFields(email));

        var number = FiledNumber(filed);
        Assert.Matches(@"^\d{4}-\d{6}$", number);
        var claim = await StoredAsync(number);
        Assert.Null(claim.ClaimantUserId);
        Assert.Equal("ru-RU", claim.Culture);
        Assert.Equal(ClaimStatus.New, claim.Status);
        Assert.Equal(Today.AddDays(15), claim.DueOn);
        Assert.Equal(Today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), number[..4]);
        Assert.Contains("Мою учётную запись заблокировали", claim.Text, StringComparison.Ordinal);
        var dueText = claim.DueOn.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("ru-RU"));
        Assert.Contains(dueText, filed.Text, StringComparison.Ordinal);

        var ack = await fixture.Mailbox.WaitForAsync(email);
        Assert.Contains(number, ack.Subject, StringComparison.Ordinal);
        Assert.Contains(number, ack.TextBody, StringComparison.Ordinal);
        Assert.Contains(dueText, ack.TextBody, StringComparison.Ordinal);
        Assert.Contains("зарегистрировано", ack.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedIn_FormIsPrefilled_AndTheClaimIsLinkedToTheAccount()
    {
        var (userId, email) = await fixture.NewUserAsync("Ерлан Нурланов");
        using var client = await fixture.SignedInClientAsync(email);
        var form = await HtmlPage.GetAsync(client, "/claims/new");
        Assert.Equal("Ерлан Нурланов", form.Value("#claim-name"));
        Assert.Equal(email, form.Value("#claim-email"));

        var fields = ValidFields(email);
        fields.Remove("Input.Name");
        fields["Input.Name"] = form.Value("#claim-name")!;
        var filed = await PostClaimAsync(client, form, fields);

        var claim = await StoredAsync(FiledNumber(filed));
        Assert.Equal(userId, claim.ClaimantUserId);
        Assert.Equal("Ерлан Нурланов", claim.ClaimantName);
    }

    [Fact]
    public async Task InvalidPost_KeepsEverythingTyped_AndExplainsEachField_InTheReadersLanguage()
    {
        using var client = fixture.CreatePortalClient();
        var form = await HtmlPage.GetAsync(client, "/claims/new?culture=kk-KZ");
        var fields = ValidFields("not-an-address");
        fields["Input.GroundsArose"] = Today.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        fields["Input.Subject"] = string.Empty;

        var answer = await PostClaimAsync(client, form, fields, ("скан.pdf", Pdf));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Null(answer.Document.QuerySelector("[data-testid=claim-filed]"));
        Assert.NotNull(answer.Document.QuerySelector("[data-testid=claim-errors]"));
        Assert.Equal("Айгерим Садыкова", answer.Value("#claim-name"));
        Assert.Equal("not-an-address", answer.Value("#claim-email"));
        Assert.Equal(fields["Input.GroundsArose"], answer.Value("#claim-grounds"));
        Assert.Equal(fields["Input.Text"].Replace("\n", "\r\n", StringComparison.Ordinal).Replace("\r\r", "\r", StringComparison.Ordinal).ReplaceLineEndings(),
            (answer.Document.QuerySelector("#claim-text") as IHtmlTextAreaElement)!.Value.ReplaceLineEndings());
        Assert.Equal("Block", (answer.Document.QuerySelector("#claim-topic") as IHtmlSelectElement)!.Value);
        Assert.Equal("true", answer.Document.QuerySelector("#claim-email")!.GetAttribute("aria-invalid"));
        Assert.Contains("claim-email-error", answer.Document.QuerySelector("#claim-email")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.NotNull(answer.Document.QuerySelector("#claim-email")!.GetAttribute("autofocus"));
        Assert.Contains("Электрондық пошта мекенжайын", answer.Document.QuerySelector("#claim-email-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("бүгінгі", answer.Document.QuerySelector("#claim-grounds-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("толтырыңыз", answer.Document.QuerySelector("#claim-subject-error")!.TextContent, StringComparison.Ordinal);
        // The file is not kept while there are errors, and the form says so.
        Assert.Contains("қайта таңдаңыз", answer.Document.QuerySelector("#claim-attachment-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attachment_IsCheckedByContentAndSize_AndOnlyAdminsMayOpenIt()
    {
        using var client = fixture.CreatePortalClient();
        var form = await HtmlPage.GetAsync(client, "/claims/new");

        var renamed = await PostClaimAsync(client, form, ValidFields("a@example.kz"), ("справка.pdf", "just text, not a PDF"u8.ToArray()));
        Assert.Contains("PDF", renamed.Document.QuerySelector("#claim-attachment-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Айгерим Садыкова", renamed.Value("#claim-name"));

        var large = new byte[5000];
        Pdf.CopyTo(large, 0);
        var tooLarge = await PostClaimAsync(client, await HtmlPage.GetAsync(client, "/claims/new"), ValidFields("a@example.kz"), ("big.pdf", large));
        Assert.Contains("4 КБ", tooLarge.Document.QuerySelector("#claim-attachment-error")!.TextContent, StringComparison.Ordinal);

        var email = $"file-{Guid.NewGuid():N}@example.kz";
        var filed = await PostClaimAsync(client, await HtmlPage.GetAsync(client, "/claims/new"), ValidFields(email), ("скан.pdf", Pdf));
        var claim = await StoredAsync(FiledNumber(filed));
        Assert.NotNull(claim.AttachmentId);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/files/{claim.AttachmentId}")).StatusCode);
        var (_, moderatorEmail) = await fixture.NewUserAsync("Модератор", PortalRoles.Moderator);
        using var moderator = await fixture.SignedInClientAsync(moderatorEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await moderator.GetAsync($"/files/{claim.AttachmentId}")).StatusCode);
        var (_, adminEmail) = await fixture.NewUserAsync("Администратор", PortalRoles.Admin);
        using var admin = await fixture.SignedInClientAsync(adminEmail);
        var download = await admin.GetAsync($"/files/{claim.AttachmentId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task TheForm_IsNeverServedFromTheOutputCache()
    {
        using var first = fixture.CreatePortalClient();
        using var second = fixture.CreatePortalClient();
        var a = await HtmlPage.GetAsync(first, "/claims/new");
        var b = await HtmlPage.GetAsync(second, "/claims/new");

        Assert.Contains("no-store", a.Response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        var token = (HtmlPage page) => (page.Document.QuerySelector("form[data-testid=claim-form] input[name=__RequestVerificationToken]") as IHtmlInputElement)!.Value;
        Assert.NotEqual(token(a), token(b));
    }

    [Fact]
    public async Task TermsClaim_FiledMoreThanTenDaysAfterItsGrounds_IsFlagged()
    {
        using var client = fixture.CreatePortalClient();
        var late = await PostClaimAsync(client, await HtmlPage.GetAsync(client, "/claims/new"), ValidFields("late@example.kz", "AgreementTerms", Today.AddDays(-11)));
        var inTime = await PostClaimAsync(client, await HtmlPage.GetAsync(client, "/claims/new"), ValidFields("intime@example.kz", "AgreementTerms", Today.AddDays(-10)));
        var otherTopic = await PostClaimAsync(client, await HtmlPage.GetAsync(client, "/claims/new"), ValidFields("other@example.kz", "Content", Today.AddDays(-40)));

        Assert.NotNull(late.Document.QuerySelector("[data-testid=claim-late]"));
        Assert.True((await StoredAsync(FiledNumber(late))).IsAfterTermsWindow);
        Assert.Null(inTime.Document.QuerySelector("[data-testid=claim-late]"));
        Assert.False((await StoredAsync(FiledNumber(inTime))).IsAfterTermsWindow);
        Assert.False((await StoredAsync(FiledNumber(otherTopic))).IsAfterTermsWindow);

        var admin = await fixture.NewUserAsync("Админ реестра", PortalRoles.Admin);
        var rows = await WithServiceAsync(s => s.ListAsync(Principal(admin.Id, PortalRoles.Admin), null));
        Assert.True(rows.Single(r => r.Number == FiledNumber(late)).IsAfterTermsWindow);
    }

    [Fact]
    public async Task Admin_TakesAndAnswers_TheAnswerIsStoredAuditedAndMailedInTheClaimsLanguage()
    {
        using var client = fixture.CreatePortalClient();
        var email = $"kk-{Guid.NewGuid():N}@example.kz";
        var filed = await PostClaimAsync(client, await HtmlPage.GetAsync(client, "/claims/new?culture=kk-KZ"), ValidFields(email));
        var claim = await StoredAsync(FiledNumber(filed));
        await fixture.Mailbox.WaitForAsync(email);
        var (adminId, _) = await fixture.NewUserAsync("Әкімші", PortalRoles.Admin);
        var admin = Principal(adminId, PortalRoles.Admin);

        var taken = await WithServiceAsync(s => s.TakeInProgressAsync(admin, claim.Id, claim.Revision));
        Assert.True(taken.Succeeded, taken.ErrorCode);
        var stale = await WithServiceAsync(s => s.AnswerAsync(admin, claim.Id, claim.Revision, "Жауап"));
        Assert.Equal(ClaimResult.Conflict, stale.ErrorCode);

        var answered = await WithServiceAsync(s => s.AnswerAsync(admin, claim.Id, taken.Claim!.Revision, "Сіздің тіркелгіңіз **қалпына келтірілді**."));

        Assert.True(answered.Succeeded, answered.ErrorCode);
        Assert.False(answered.MailFailed);
        var stored = await StoredAsync(claim.Number);
        Assert.Equal(ClaimStatus.Answered, stored.Status);
        Assert.Equal("Сіздің тіркелгіңіз **қалпына келтірілді**.", stored.Answer);
        Assert.Equal(adminId, stored.AnsweredBy);
        var letter = await fixture.Mailbox.WaitForAsync(email, count: 2);
        Assert.Contains($"№ {claim.Number} өтінішке жауап", letter.Subject, StringComparison.Ordinal);
        Assert.Contains("<strong>қалпына келтірілді</strong>", letter.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("қалпына келтірілді", letter.TextBody, StringComparison.Ordinal);

        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var audit = await db.AuditLog.AsNoTracking().Where(a => a.SubjectType == "Claim" && a.SubjectId == claim.Id.ToString()).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["Claim.TakeInProgress", "Claim.Answer"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(adminId, a.ActorId));
        Assert.Equal("Answered", audit[1].After);
        Assert.Contains("қалпына келтірілді", audit[1].Details, StringComparison.Ordinal);

        var again = await WithServiceAsync(s => s.AnswerAsync(admin, claim.Id, stored.Revision, "Ещё"));
        Assert.Equal(ClaimErrorCodes.IllegalMove, again.ErrorCode);
    }

    [Fact]
    public async Task NonAdmins_AreRefused_OnTheServer_AndNothingChanges()
    {
        using var client = fixture.CreatePortalClient();
        var filed = await PostClaimAsync(client, await HtmlPage.GetAsync(client, "/claims/new"), ValidFields("refused@example.kz"));
        var claim = await StoredAsync(FiledNumber(filed));
        var (userId, userEmail) = await fixture.NewUserAsync("Пользователь");
        var (moderatorId, moderatorEmail) = await fixture.NewUserAsync("Модератор", PortalRoles.Moderator);
        var (editorId, _) = await fixture.NewUserAsync("Редактор", PortalRoles.Editor);

        foreach (var who in new[] { Principal(userId), Principal(moderatorId, PortalRoles.Moderator), Principal(editorId, PortalRoles.Editor), new ClaimsPrincipal(new ClaimsIdentity()) })
        {
            Assert.Equal(ClaimResult.NotAllowed, (await WithServiceAsync(s => s.TakeInProgressAsync(who, claim.Id, claim.Revision))).ErrorCode);
            Assert.Equal(ClaimResult.NotAllowed, (await WithServiceAsync(s => s.AnswerAsync(who, claim.Id, claim.Revision, "Ответ"))).ErrorCode);
            Assert.Empty(await WithServiceAsync(s => s.ListAsync(who, null)));
            Assert.Null(await WithServiceAsync(s => s.GetAsync(who, claim.Id)));
        }

        Assert.Equal(ClaimStatus.New, (await StoredAsync(claim.Number)).Status);

        var anonymous = await client.GetAsync("/admin/claims");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/Identity/Account/Login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        foreach (var email in new[] { userEmail, moderatorEmail })
        {
            using var signedIn = await fixture.SignedInClientAsync(email);
            foreach (var path in new[] { "/admin/claims", $"/admin/claims/{claim.Id}" })
            {
                var refused = await signedIn.GetAsync(path);
                Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
                Assert.Contains("AccessDenied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Register_ShowsDaysLeft_AndOverdueClaimsStandOut()
    {
        using var client = fixture.CreatePortalClient();
        var filed = await PostClaimAsync(client, await HtmlPage.GetAsync(client, "/claims/new"), ValidFields("register@example.kz"));
        var number = FiledNumber(filed);
        // An older claim, past its due date.
        await using (var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            var old = new WrittenClaim(Guid.NewGuid(), $"2000-{Random.Shared.Next(100000, 999999)}", new ClaimForm("Старое", "old@example.kz", ClaimTopic.Other, "Старое обращение", "Текст", Today.AddDays(-30)),
                DateTimeOffset.UtcNow.AddDays(-20), "ru-RU", null, null);
            db.Claims.Add(old);
            await db.SaveChangesAsync();
            number = number + "|" + old.Number;
        }

        var (_, adminEmail) = await fixture.NewUserAsync("Администратор реестра", PortalRoles.Admin);
        using var admin = await fixture.SignedInClientAsync(adminEmail);
        var page = await HtmlPage.GetAsync(admin, "/admin/claims?culture=ru-RU");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var fresh = page.Document.QuerySelector($"tr[data-number='{number.Split('|')[0]}']")!;
        Assert.Equal("false", fresh.GetAttribute("data-overdue"));
        Assert.Equal("15", fresh.QuerySelector("[data-testid=days-left]")!.TextContent.Trim());
        var overdue = page.Document.QuerySelector($"tr[data-number='{number.Split('|')[1]}']")!;
        Assert.Equal("true", overdue.GetAttribute("data-overdue"));
        Assert.Contains("claim-row--overdue", overdue.ClassName, StringComparison.Ordinal);
        Assert.Equal("просрочено на 5 дн.", overdue.QuerySelector("[data-testid=days-left]")!.TextContent.Trim());
        // Overdue and most urgent first.
        var order = page.Document.QuerySelectorAll("tr.claim-row").Select(r => r.GetAttribute("data-number")).ToList();
        Assert.True(order.IndexOf(number.Split('|')[1]) < order.IndexOf(number.Split('|')[0]));

        var answeredOnly = await HtmlPage.GetAsync(admin, "/admin/claims?status=Answered");
        Assert.Null(answeredOnly.Document.QuerySelector($"tr[data-number='{number.Split('|')[0]}']"));
    }

    [Fact]
    public async Task EntryLinks_FooterAndAgreement_LeadToTheForm()
    {
        using var client = fixture.CreatePortalClient();
        var home = await HtmlPage.GetAsync(client, "/?culture=kk-KZ");
        var footerLink = home.Document.QuerySelector("footer a[href='claims/new']");
        Assert.NotNull(footerLink);
        Assert.Equal("Өтініштер", footerLink.TextContent.Trim());
        var agreement = await HtmlPage.GetAsync(client, "/agreement");
        Assert.NotNull(agreement.Document.QuerySelector("[data-testid=agreement-claims] a[href='claims/new']"));
    }
}
