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

public sealed class SqliteSearchTests(SqliteSearchTests.SqliteFixture fixture)
    : SearchTests(fixture), IClassFixture<SqliteSearchTests.SqliteFixture>
{
    public sealed class SqliteFixture : Fixture;
}
