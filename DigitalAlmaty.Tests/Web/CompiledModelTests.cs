using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// The portal starts on compiled EF Core models (Data/CompiledModels). They are generated code: when
/// an entity or its configuration changes, they must be generated again (tools/compiled-models.sh),
/// or the portal would run on yesterday's model. Each compiled model is compared with the model EF
/// Core builds from the code right now, the way `dotnet ef dbcontext optimize` builds it.
/// </summary>
public sealed class CompiledModelTests
{
    private const string Regenerate = "The compiled model is out of date: run tools/compiled-models.sh.";

    [Fact]
    public void SqliteCompiledModel_MatchesTheModelBuiltFromTheCode()
    {
        using var built = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var compiled = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>()
            .UseSqlite("Data Source=design.db")
            .UseModel(DigitalAlmaty.Web.Data.CompiledModels.Sqlite.SqlitePortalDbContextModel.Instance).Options);

        Assert.IsType<DigitalAlmaty.Web.Data.CompiledModels.Sqlite.SqlitePortalDbContextModel>(compiled.Model);
        AssertSame(built, compiled);
    }

    [Fact]
    public void PostgresCompiledModel_MatchesTheModelBuiltFromTheCode()
    {
        using var built = new PostgresDesignTimeFactory().CreateDbContext([]);
        using var compiled = new PostgresPortalDbContext(new DbContextOptionsBuilder<PostgresPortalDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=design")
            .UseModel(DigitalAlmaty.Web.Data.CompiledModels.Postgres.PostgresPortalDbContextModel.Instance).Options);

        Assert.IsType<DigitalAlmaty.Web.Data.CompiledModels.Postgres.PostgresPortalDbContextModel>(compiled.Model);
        AssertSame(built, compiled);
    }

    private static void AssertSame(PortalDbContext built, PortalDbContext compiled) =>
        Assert.Equal(Describe(built.GetService<IDesignTimeModel>().Model), Describe(compiled.Model));

    /// <summary>
    /// What a running portal reads from its model, one line per fact: entities and their tables,
    /// properties with their types, facets, converters and columns, keys, indexes and relationships.
    /// </summary>
    private static string Describe(IModel model)
    {
        var lines = new List<string>();
        foreach (var entity in model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            lines.Add($"{entity.Name} -> {entity.GetTableName()} owned:{entity.IsOwned()} base:{entity.BaseType?.Name}");
            // Sorted: the two models list indexes and relationships in different orders.
            var facts = entity.GetDeclaredProperties().Select(p => $"  {p.Name} {p.ClrType.Name} column:{p.GetColumnName()} type:{p.GetColumnType()} "
                    + $"null:{p.IsNullable} max:{p.GetMaxLength()} unicode:{p.IsUnicode()} precision:{p.GetPrecision()} "
                    + $"converter:{p.GetTypeMapping().Converter?.GetType().Name} generated:{p.ValueGenerated} concurrency:{p.IsConcurrencyToken}")
                .Concat(entity.GetDeclaredKeys().Select(k => $"  key {string.Join(",", k.Properties.Select(p => p.Name))} primary:{k.IsPrimaryKey()}"))
                .Concat(entity.GetDeclaredIndexes().Select(i => $"  index {i.GetDatabaseName()} ({string.Join(",", i.Properties.Select(p => p.Name))}) unique:{i.IsUnique} filter:{i.GetFilter()}"))
                .Concat(entity.GetDeclaredForeignKeys().Select(f => $"  fk ({string.Join(",", f.Properties.Select(p => p.Name))}) -> {f.PrincipalEntityType.Name} delete:{f.DeleteBehavior} required:{f.IsRequired}"))
                .Concat(entity.GetDeclaredNavigations().Select(n => $"  navigation {n.Name} -> {n.TargetEntityType.Name} collection:{n.IsCollection}"));
            lines.AddRange(facts.Order(StringComparer.Ordinal));
        }

        foreach (var table in model.GetRelationalModel().Tables.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            lines.AddRange(table.Columns.OrderBy(c => c.Name, StringComparer.Ordinal)
                .Select(c => $"{table.Name}.{c.Name} {c.StoreType} null:{c.IsNullable} default:{c.DefaultValueSql} computed:{c.ComputedColumnSql}"));
        }

        return string.Join("\n", lines);
    }
}
