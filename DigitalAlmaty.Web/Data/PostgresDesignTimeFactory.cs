using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DigitalAlmaty.Web.Data;

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPortalDbContext>
{
    // The running app registers Identity with AddDefaultIdentity, which sets Stores.MaxLengthForKeys
    // to 128 and so gives the login and token keys varchar(128) columns. The model built here must
    // match, or the app refuses to start on PostgreSQL with PendingModelChangesWarning. (On SQLite
    // both are TEXT, so that factory needs nothing.)
    public PostgresPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPortalDbContext>()
            .UseNpgsql("Host=localhost;Database=design")
            .UseApplicationServiceProvider(new ServiceCollection()
                .Configure<IdentityOptions>(o => o.Stores.MaxLengthForKeys = 128)
                .BuildServiceProvider())
            .Options);
}
