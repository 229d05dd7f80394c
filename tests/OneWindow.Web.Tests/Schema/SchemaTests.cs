using OneWindow.Web.Modules.Audit;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging.Abstractions;
using OneWindow.Web.Data;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Schema;

/// <summary>The hand-written migration scripts must build exactly the schema the EF model describes.</summary>
public class SchemaTests
{
    private static readonly DateTime RecordedAt = new(2026, 11, 22, 2, 0, 0, DateTimeKind.Utc);

    private static OneWindowDbContext Context(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<OneWindowDbContext>();
        DatabaseSetup.Configure(options, database.Provider == "Postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, database.ConnectionString);
        return new OneWindowDbContext(options.Options);
    }

    [Fact]
    public async Task The_migrated_schema_matches_the_model()
    {
        using var migratedDb = new TestDatabase();
        using var modelDb = new TestDatabase();
        await using var migrated = Context(migratedDb);
        await new SchemaMigrator(migrated, NullLogger<SchemaMigrator>.Instance, TimeProvider.System).MigrateAsync();
        await using var model = Context(modelDb);
        await CreateFromModelAsync(model);

        var expected = await DescribeAsync(model);
        var actual = await DescribeAsync(migrated);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Migrating_again_applies_nothing_and_keeps_the_data()
    {
        using var database = new TestDatabase();
        await using (var first = Context(database))
        {
            var applied = await new SchemaMigrator(first, NullLogger<SchemaMigrator>.Instance, TimeProvider.System).MigrateAsync();
            Assert.Contains("0001_initial", applied);
            first.AuditEntries.Add(new AuditEntry { At = RecordedAt, Actor = "t", EntityType = "T", EntityKey = "k", Action = "kept" });
            await first.SaveChangesAsync();
        }
        await using var second = Context(database);
        Assert.Empty(await new SchemaMigrator(second, NullLogger<SchemaMigrator>.Instance, TimeProvider.System).MigrateAsync());
        Assert.Equal(1, await second.AuditEntries.CountAsync(a => a.Action == "kept"));
    }

    [Fact]
    public async Task A_database_at_the_first_migration_upgrades_to_the_model_and_keeps_its_data()
    {
        using var database = new TestDatabase();
        await using (var old = Context(database))
        {
            Assert.Equal(["0001_initial"], await new SchemaMigrator(old, NullLogger<SchemaMigrator>.Instance, TimeProvider.System).MigrateAsync(upTo: "0001_initial"));
            old.AuditEntries.Add(new AuditEntry { At = RecordedAt, Actor = "t", EntityType = "T", EntityKey = "k", Action = "before-upgrade" });
            await old.SaveChangesAsync();
        }
        await using var upgraded = Context(database);
        var applied = await new SchemaMigrator(upgraded, NullLogger<SchemaMigrator>.Instance, TimeProvider.System).MigrateAsync();
        Assert.DoesNotContain("0001_initial", applied);
        Assert.Contains("0002_cases", applied);
        Assert.Equal(1, await upgraded.AuditEntries.CountAsync(a => a.Action == "before-upgrade"));
        using var modelDb = new TestDatabase();
        await using var model = Context(modelDb);
        await CreateFromModelAsync(model);
        Assert.Equal(await DescribeAsync(model), await DescribeAsync(upgraded));
    }

    /// <summary>The database EF builds from the model, with the indexes over complex-type columns it cannot declare itself.</summary>
    private static async Task CreateFromModelAsync(OneWindowDbContext model)
    {
        await model.Database.EnsureCreatedAsync();
        foreach (var sql in ColumnIndexes.CreateStatements(model.GetService<IDesignTimeModel>().Model))
        {
            await model.Database.ExecuteSqlRawAsync(sql);
        }
    }

    [Fact]
    public void Declared_column_indexes_name_real_columns()
    {
        using var database = new TestDatabase();
        using var db = Context(database);
        var model = db.GetService<IDesignTimeModel>().Model;
        var statements = ColumnIndexes.CreateStatements(model).ToList();
        Assert.Contains(statements, s => s.Contains("\"IX_Cases_ConcludedFigures\"", StringComparison.Ordinal));
        var columns = model.GetEntityTypes().SelectMany(e => e.GetFlattenedProperties().Select(p => p.GetColumnName())).ToHashSet();
        foreach (var sql in statements)
        {
            var named = sql[(sql.IndexOf('(', StringComparison.Ordinal) + 1)..sql.IndexOf(')', StringComparison.Ordinal)].Split(", ").Select(c => c.Trim('"'));
            Assert.All(named, c => Assert.Contains(c, columns));
        }
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        Assert.Equal(SchemaMigrator.Scripts(postgres: false).Select(s => s.Id), SchemaMigrator.Scripts(postgres: true).Select(s => s.Id));
    }

    /// <summary>Every table's columns (type, nullability) and indexes (columns, uniqueness, partial or not), as sorted lines.</summary>
    private static async Task<List<string>> DescribeAsync(OneWindowDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var lines = new List<string>();
        if (db.Database.IsNpgsql())
        {
            lines.AddRange(await QueryAsync(connection, """
                SELECT table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '') || ' ' || is_nullable
                FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '__schema_migrations'
                """));
            lines.AddRange(await QueryAsync(connection, """
                SELECT tablename || ' ' || regexp_replace(indexdef, '^.* USING ', '') || CASE WHEN indexdef LIKE 'CREATE UNIQUE%' THEN ' unique' ELSE '' END || ' ' || indexname
                FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '__schema_migrations'
                """));
            lines.AddRange(await QueryAsync(connection, """
                SELECT conrelid::regclass::text || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
                WHERE connamespace = 'public'::regnamespace AND contype IN ('f', 'p') AND conrelid::regclass::text <> '__schema_migrations'
                """));
        }
        else
        {
            var tables = await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__schema_migrations'");
            foreach (var table in tables)
            {
                lines.AddRange((await QueryAsync(connection, $"SELECT name || ' ' || type || ' ' || \"notnull\" || ' pk' || pk FROM pragma_table_info('{table}')")).Select(l => table + "." + l));
                foreach (var index in await QueryAsync(connection, $"SELECT name || '|' || \"unique\" || '|' || partial FROM pragma_index_list('{table}') WHERE origin = 'c'"))
                {
                    var parts = index.Split('|');
                    var columns = await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{parts[0]}') ORDER BY seqno", sort: false);
                    lines.Add($"{table} index {parts[0]} ({string.Join(",", columns)}) unique={parts[1]} partial={parts[2]}");
                }
                lines.AddRange((await QueryAsync(connection, $"SELECT \"table\" || '.' || \"to\" || ' <- ' || \"from\" || ' ' || on_delete FROM pragma_foreign_key_list('{table}')")).Select(l => table + " fk " + l));
            }
        }
        await connection.CloseAsync();
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<string>> QueryAsync(DbConnection connection, string sql, bool sort = true)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        var result = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result.Add(reader.GetString(0));
        }
        if (sort)
        {
            result.Sort(StringComparer.Ordinal);
        }
        return result;
    }
}
