using System.Globalization;
using Bunit;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Features.Agreement;
using DigitalAlmaty.Web.Features.Moderation;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Components;

/// <summary>Issue #15, item 6: the review panel links each clause a reader cited to its text in the version in force when they reported.</summary>
public sealed class ReviewFlagsClauseLinkTests : BunitContext
{
    private static readonly AgreementInForce Versions = new([(3, new DateOnly(2026, 12, 1)), (4, new DateOnly(2027, 2, 1))]);

    public ReviewFlagsClauseLinkTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru-RU");
        Services.AddLocalization();
    }

    [Fact]
    public void EachReport_LinksItsClause_ToTheVersionOfItsMoment()
    {
        OpenFlag[] flags =
        [
            new(ModerationClauses.PersonalData, "Телефон в описании.", new DateTimeOffset(2026, 12, 20, 9, 0, 0, TimeSpan.Zero), "Читатель 1"),
            new(ModerationClauses.Misleading, "Не то мероприятие.", new DateTimeOffset(2027, 2, 3, 9, 0, 0, TimeSpan.Zero), "Читатель 2"),
            new(ModerationClauses.PersonalData, "До всех редакций.", new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero), "Читатель 3"),
        ];

        var panel = Render<ReviewFlags>(p => p.Add(x => x.Flags, flags).Add(x => x.InForce, Versions));

        var reasons = panel.FindAll(".review-flags__reason");
        Assert.Equal("agreement/versions/3#4.3.9", reasons[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("agreement/versions/4#4.3.6", reasons[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("4.3.9 — содержит персональные данные", reasons[0].TextContent, StringComparison.Ordinal);
        // No version was in force yet: the clause is named, not linked.
        Assert.Null(reasons[2].QuerySelector("a"));
        Assert.Contains("4.3.9", reasons[2].TextContent, StringComparison.Ordinal);
    }
}
