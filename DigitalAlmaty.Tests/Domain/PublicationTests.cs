using DigitalAlmaty.Domain;
using DigitalAlmaty.Domain.Publications;
using DigitalAlmaty.Domain.Submissions;

namespace DigitalAlmaty.Tests.Domain;

public class PublicationTests
{
    private const string Editor = "editor-1";
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 6, 0, 0, TimeSpan.Zero);

    private static PublicationContent Ru(string title = "Заголовок", string body = "Текст новости") => new("ru", title, "Кратко", body);

    private static Publication Draft() => new(Guid.NewGuid(), PublicationKind.News, Editor, Now, [Ru()]);

    private static Publication InStatus(PublicationStatus status)
    {
        var p = Draft();
        switch (status)
        {
            case PublicationStatus.Scheduled:
                p.Schedule(Editor, Now.AddDays(1), Now);
                break;
            case PublicationStatus.Published:
                p.PublishNow(Editor, Now);
                break;
            case PublicationStatus.Unpublished:
                p.PublishNow(Editor, Now);
                p.Unpublish(Editor, Now);
                break;
        }

        Assert.Equal(status, p.Status);
        return p;
    }

    [Fact]
    public void NewPublication_IsADraft_NotVisible()
    {
        var p = Draft();
        Assert.Equal(PublicationStatus.Draft, p.Status);
        Assert.False(p.IsVisibleAt(Now.AddYears(1)));
        Assert.Equal(0, p.Revision);
    }

    [Fact]
    public void NoLanguage_IsRefused()
    {
        var ex = Assert.Throws<DomainRuleException>(() =>
            new Publication(Guid.NewGuid(), PublicationKind.Report, Editor, Now, [new PublicationContent("ru", " ", "", ""), new PublicationContent("kk", "", "", "")]));
        Assert.Equal(PublicationErrorCodes.NoLanguage, ex.Code);
    }

    [Fact]
    public void Limits_AreEnforced_PerLanguage()
    {
        var ex = Assert.Throws<DomainRuleException>(() => new Publication(Guid.NewGuid(), PublicationKind.News, Editor, Now,
        [
            Ru(),
            new PublicationContent("kk", new string('а', Publication.TitleMaxLength + 1), new string('б', Publication.SummaryMaxLength + 1), new string('в', Publication.BodyMaxLength + 1)),
        ]));
        Assert.Equal(PublicationErrorCodes.Invalid, ex.Code);
        Assert.Equal(["kk.Title", "kk.Summary", "kk.Body"], ex.FieldErrors.Select(e => e.Field));
        Assert.All(ex.FieldErrors, e => Assert.Equal(FieldErrorCodes.TooLong, e.Code));
    }

    [Fact]
    public void ALanguageWithAnyText_NeedsATitleAndABody()
    {
        var ex = Assert.Throws<DomainRuleException>(() => new Publication(Guid.NewGuid(), PublicationKind.News, Editor, Now,
            [Ru(), new PublicationContent("en", "", "Only a summary", "")]));
        Assert.Equal(["en.Title", "en.Body"], ex.FieldErrors.Select(e => e.Field));
    }

    [Fact]
    public void UnknownLanguage_IsRefused()
    {
        var ex = Assert.Throws<DomainRuleException>(() => new Publication(Guid.NewGuid(), PublicationKind.News, Editor, Now, [new PublicationContent("de", "Titel", "", "Text")]));
        Assert.Contains(ex.FieldErrors, e => e.Code == PublicationErrorCodes.UnknownLanguage);
    }

    [Fact]
    public void ExactLimits_AreAccepted_AndBlankLanguagesDropped()
    {
        var p = new Publication(Guid.NewGuid(), PublicationKind.Project, Editor, Now,
        [
            new PublicationContent("en", new string('t', Publication.TitleMaxLength), new string('s', Publication.SummaryMaxLength), new string('b', Publication.BodyMaxLength)),
            new PublicationContent("kk", "", "", ""),
            new PublicationContent("ru", "  Проект  ", "", "Тело"),
        ]);
        Assert.Equal(["ru", "en"], p.Languages);
        Assert.Equal("Проект", p.TextIn("ru")!.Title);
    }

    [Fact]
    public void TextFor_PrefersTheReader_ThenRussian_ThenWhateverExists()
    {
        var both = new Publication(Guid.NewGuid(), PublicationKind.News, Editor, Now, [Ru("Русский"), new PublicationContent("kk", "Қазақша", "", "Мәтін")]);
        Assert.Equal("Қазақша", both.TextFor("kk").Title);
        Assert.Equal("Русский", both.TextFor("en").Title);

        var englishOnly = new Publication(Guid.NewGuid(), PublicationKind.News, Editor, Now, [new PublicationContent("en", "English", "", "Body")]);
        Assert.Equal("English", englishOnly.TextFor("kk").Title);
    }

    [Theory]
    [InlineData(PublicationStatus.Draft)]
    [InlineData(PublicationStatus.Scheduled)]
    [InlineData(PublicationStatus.Unpublished)]
    public void Schedule_FromAnyStatusButPublished_SetsTheInstant(PublicationStatus from)
    {
        var p = InStatus(from);
        var at = Now.AddDays(3);
        p.Schedule("editor-2", at, Now);
        Assert.Equal(PublicationStatus.Scheduled, p.Status);
        Assert.Equal(at, p.PublishAt);
        Assert.Equal("editor-2", p.UpdatedBy);
    }

    [Fact]
    public void Schedule_WhenPublished_IsIllegal()
    {
        var p = InStatus(PublicationStatus.Published);
        var ex = Assert.Throws<DomainRuleException>(() => p.Schedule(Editor, Now.AddDays(1), Now));
        Assert.Equal(PublicationErrorCodes.IllegalMove, ex.Code);
        Assert.Equal(PublicationStatus.Published, p.Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    public void Schedule_NotInTheFuture_IsRefused(int minutes)
    {
        var p = Draft();
        var ex = Assert.Throws<DomainRuleException>(() => p.Schedule(Editor, Now.AddMinutes(minutes), Now));
        Assert.Equal(PublicationErrorCodes.NotInFuture, ex.Code);
        Assert.Equal(PublicationStatus.Draft, p.Status);
    }

    [Fact]
    public void Scheduled_BecomesVisible_OnlyWhenItsTimeComes()
    {
        var p = Draft();
        var at = Now.AddHours(2);
        p.Schedule(Editor, at, Now);
        Assert.False(p.IsVisibleAt(at.AddTicks(-1)));
        Assert.True(p.IsVisibleAt(at));
        Assert.True(p.IsVisibleAt(at.AddDays(1)));
    }

    [Theory]
    [InlineData(PublicationStatus.Draft)]
    [InlineData(PublicationStatus.Scheduled)]
    [InlineData(PublicationStatus.Unpublished)]
    public void PublishNow_FromAnyStatusButPublished_IsVisibleAtOnce(PublicationStatus from)
    {
        var p = InStatus(from);
        var later = Now.AddMinutes(5);
        p.PublishNow(Editor, later);
        Assert.Equal(PublicationStatus.Published, p.Status);
        Assert.Equal(later, p.PublishAt);
        Assert.True(p.IsVisibleAt(later));
    }

    [Fact]
    public void PublishNow_OfADueSchedule_KeepsTheScheduledDate()
    {
        var p = Draft();
        var at = Now.AddHours(1);
        p.Schedule(Editor, at, Now);
        p.PublishNow(Editor, at.AddHours(5));
        Assert.Equal(at, p.PublishAt);
    }

    [Fact]
    public void PublishNow_WhenPublished_IsIllegal()
    {
        var p = InStatus(PublicationStatus.Published);
        var ex = Assert.Throws<DomainRuleException>(() => p.PublishNow(Editor, Now.AddHours(1)));
        Assert.Equal(PublicationErrorCodes.IllegalMove, ex.Code);
        Assert.Equal(Now, p.PublishAt);
    }

    [Theory]
    [InlineData(PublicationStatus.Published)]
    [InlineData(PublicationStatus.Scheduled)]
    public void Unpublish_FromPublishedOrScheduled_HidesIt(PublicationStatus from)
    {
        var p = InStatus(from);
        p.Unpublish(Editor, Now.AddDays(2));
        Assert.Equal(PublicationStatus.Unpublished, p.Status);
        Assert.False(p.IsVisibleAt(Now.AddYears(1)));
    }

    [Theory]
    [InlineData(PublicationStatus.Draft)]
    [InlineData(PublicationStatus.Unpublished)]
    public void Unpublish_OfWhatIsNotOut_IsIllegal(PublicationStatus from)
    {
        var p = InStatus(from);
        var ex = Assert.Throws<DomainRuleException>(() => p.Unpublish(Editor, Now));
        Assert.Equal(PublicationErrorCodes.IllegalMove, ex.Code);
        Assert.Equal(from, p.Status);
    }

    [Theory]
    [InlineData(PublicationStatus.Draft)]
    [InlineData(PublicationStatus.Scheduled)]
    [InlineData(PublicationStatus.Published)]
    [InlineData(PublicationStatus.Unpublished)]
    public void Edit_InAnyStatus_ReplacesContent_AndKeepsStatus(PublicationStatus from)
    {
        var p = InStatus(from);
        var revision = p.Revision;
        var cover = Guid.NewGuid();
        var files = new[] { Guid.NewGuid(), Guid.NewGuid() };
        p.Edit("editor-2", Now.AddMinutes(1), [new PublicationContent("kk", "Жаңа", "", "Мәтін")], cover, [files[1], files[0], files[1]]);
        Assert.Equal(from, p.Status);
        Assert.Equal(["kk"], p.Languages);
        Assert.Equal(cover, p.CoverImageId);
        Assert.Equal([files[1], files[0]], p.AttachmentIds);
        Assert.Equal(revision + 1, p.Revision);
    }

    [Fact]
    public void Edit_WithInvalidContent_ChangesNothing()
    {
        var p = Draft();
        var ex = Assert.Throws<DomainRuleException>(() => p.Edit(Editor, Now, [new PublicationContent("ru", "", "", "")], null, []));
        Assert.Equal(PublicationErrorCodes.NoLanguage, ex.Code);
        Assert.Equal("Заголовок", p.TextIn("ru")!.Title);
        Assert.Equal(0, p.Revision);
    }

    [Fact]
    public void TooManyAttachments_AreRefused()
    {
        var p = Draft();
        var ex = Assert.Throws<DomainRuleException>(() =>
            p.Edit(Editor, Now, [Ru()], null, Enumerable.Range(0, Publication.MaxAttachments + 1).Select(_ => Guid.NewGuid())));
        Assert.Contains(ex.FieldErrors, e => e.Field == "Attachments");
    }

    [Theory]
    [InlineData("kk-KZ", "kk")]
    [InlineData("en-US", "en")]
    [InlineData("ru-RU", "ru")]
    [InlineData("de-DE", "ru")]
    [InlineData(null, "ru")]
    public void LanguageOfACulture(string? culture, string language) =>
        Assert.Equal(language, PublicationLanguages.FromCulture(culture));
}
