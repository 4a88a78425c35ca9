using System.Net;
using DigitalAlmaty.Domain.Events;
using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Tests.Domain;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Catalog;
using DigitalAlmaty.Web.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Web;

public sealed class SearchQueryTests
{
    [Fact]
    public void TheLastWord_IsAPrefix_OnlyFromTwoCharacters()
    {
        Assert.Equal("\"остановки\" \"авт\"*", SearchQuery.Parse("Остановки авт").ToFts5());
        Assert.Equal("'остановки' & 'авт':*", SearchQuery.Parse("Остановки авт").ToTsQuery());
        Assert.Equal("\"остановки\" \"а\"", SearchQuery.Parse("остановки а").ToFts5());
        Assert.Equal("'остановки' & 'а'", SearchQuery.Parse("остановки а").ToTsQuery());
        Assert.Equal("\"и\"", SearchQuery.Parse("и").ToFts5());
    }
}
