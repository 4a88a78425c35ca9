using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Data;

public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options);
