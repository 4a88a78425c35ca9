using System.Reflection;
using System.Text.RegularExpressions;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Features.Admin;
using DigitalAlmaty.Web.Features.Catalog;
using DigitalAlmaty.Web.Features.Claims;
using DigitalAlmaty.Web.Features.Flags;
using DigitalAlmaty.Web.Features.Moderation;
using DigitalAlmaty.Web.Features.Operations;
using DigitalAlmaty.Web.Features.Publications;
using DigitalAlmaty.Web.Features.Submissions;
using Microsoft.AspNetCore.Components;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// The features' route helpers and the pages' literal <c>@page</c> directives say the same thing:
/// every address a helper builds is answered by some page's template.
/// </summary>
public sealed class RouteHelpersTests
{
    private static readonly Guid Id = Guid.Parse("3f2b8c1e-5d4a-4e6b-9c7d-0a1b2c3d4e5f");

    public static TheoryData<string> Addresses() =>
    [
        SubmissionRoutes.Mine, SubmissionRoutes.MyItem(Id),
        SubmissionRoutes.Item(SubmissionKind.Idea, Id), SubmissionRoutes.Item(SubmissionKind.Event, Id),
        SubmissionRoutes.New(SubmissionKind.Idea), SubmissionRoutes.New(SubmissionKind.Event),
        SubmissionRoutes.Edit(SubmissionKind.Idea, Id), SubmissionRoutes.Edit(SubmissionKind.Event, Id),
        FlagRoutes.Report(SubmissionKind.Idea, Id), FlagRoutes.Report(SubmissionKind.Event, Id),
        CatalogRoutes.Ideas, CatalogRoutes.Events, PublicationRoutes.News, PublicationRoutes.NewsItem(Id),
        ModerationRoutes.Queue, ModerationRoutes.Item(Id),
        ClaimRoutes.New, ClaimRoutes.Register, ClaimRoutes.Item(Id),
        AdminRoutes.Users, AdminRoutes.Audit, AdminRoutes.Inactive, OperationsRoutes.System,
    ];

    private static readonly Lazy<List<Regex>> Templates = new(() =>
        [.. typeof(DigitalAlmaty.Web.PortalStartup).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => new Regex("^" + Regex.Replace(r.Template.TrimStart('/'), @"\{[^}]+\}", "[^/]+") + "$", RegexOptions.IgnoreCase))]);

    [Theory]
    [MemberData(nameof(Addresses))]
    public void EveryHelper_BuildsAnAddressAPageAnswers(string address)
    {
        Assert.DoesNotContain("/", address[..1], StringComparison.Ordinal);
        Assert.Contains(Templates.Value, template => template.IsMatch(address.Split('?')[0]));
    }

    [Fact]
    public void AnAddressNoPageAnswers_IsNotMatched()
    {
        Assert.DoesNotContain(Templates.Value, template => template.IsMatch("ideas/" + Id + "/nowhere"));
    }
}
