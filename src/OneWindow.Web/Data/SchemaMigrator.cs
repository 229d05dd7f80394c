using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace OneWindow.Web.Data;

/// <summary>
/// Applies the versioned SQL scripts under <c>Data/Migrations/{Sqlite|Postgres}</c> in name order, each once,
/// each in its own transaction, and records them in <c>__schema_migrations</c>. On PostgreSQL an advisory
/// lock keeps two starting instances from migrating at once. See docs/decisions/0002-versioned-sql-migrations.md.
/// </summary>
public sealed class SchemaMigrator(OneWindowDbContext db, ILogger<SchemaMigrator> logger, TimeProvider clock)
{
    private const long PostgresLockKey = 0x4F6E6557696E; // "OneWin"

    public static IReadOnlyList<(string Id, string Sql)> Scripts(bool postgres)
    {
        var folder = postgres ? ".Data.Migrations.Postgres." : ".Data.Migrations.Sqlite.";
        var assembly = Assembly.GetExecutingAssembly();
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.Contains(folder, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                var id = n[(n.IndexOf(folder, StringComparison.Ordinal) + folder.Length)..^4];
                return (id, reader.ReadToEnd());
            })];
    }

    /// <summary>Applies every script not applied yet, or only those up to <paramref name="upTo"/> (an upgrade test starts from an older schema).</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(string? upTo = null, CancellationToken cancellationToken = default)
    {
        var postgres = db.Database.IsNpgsql();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var locked = false;
        try
        {
            if (postgres)
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({PostgresLockKey})", cancellationToken);
                locked = true;
            }
            else
            {
                // Write-ahead logging (kept in the file once set): readers no longer wait for a writer, and a commit
                // appends to the log instead of rewriting pages through a rollback journal. synchronous stays FULL:
                // an acknowledged case survives a power cut, not only a crashed process.
                await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL", cancellationToken);
            }
            await ExecuteAsync(connection, null,
                "CREATE TABLE IF NOT EXISTS __schema_migrations (id varchar(200) PRIMARY KEY, applied_at varchar(40) NOT NULL)", cancellationToken);
            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = "SELECT id FROM __schema_migrations";
                await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    applied.Add(reader.GetString(0));
                }
            }
            var done = new List<string>();
            foreach (var (id, sql) in Scripts(postgres).Where(s => !applied.Contains(s.Id) && (upTo is null || string.CompareOrdinal(s.Id, upTo) <= 0)))
            {
                await using var tx = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, tx, sql, cancellationToken);
                await using (var record = connection.CreateCommand())
                {
                    record.Transaction = tx;
                    record.CommandText = "INSERT INTO __schema_migrations (id, applied_at) VALUES (@id, @at)";
                    AddParameter(record, "@id", id);
                    AddParameter(record, "@at", clock.GetUtcNow().UtcDateTime.ToString("O"));
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }
                await tx.CommitAsync(cancellationToken);
                logger.LogInformation("Applied schema migration {Migration}", id);
                done.Add(id);
            }
            return done;
        }
        finally
        {
            if (locked)
            {
                // Released here, also after a failed script: pooled connections are not reset (DatabaseSetup), so a
                // lock left on one would make the next migration wait for ever.
                try
                {
                    await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({PostgresLockKey})", CancellationToken.None);
                }
                catch (System.Data.Common.DbException e) when (connection.State != System.Data.ConnectionState.Open)
                {
                    logger.LogWarning(e, "The migration lock went with its broken connection");
                }
            }
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        // No limit: an index built over ten million cases takes minutes, and a migration cut off at the connection's
        // 30 s would leave the instance unable to start (the migration lock keeps other instances waiting meanwhile).
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
