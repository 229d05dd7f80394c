using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using OneWindow.Web.Data;

namespace OneWindow.Bench;

/// <summary>
/// The ceiling of a computation that sends many statements (the dashboard's figures): every statement the app sent for
/// one run of it, recorded word for word with its parameters, then sent again raw on one open connection and each
/// result read to its end. It does the same work as the app's run, no less (no statement left out) and no more (no
/// context, no tracking, no mapping into records).
/// </summary>
public sealed class RecordedStatements
{
    private readonly List<(string Sql, List<(string Name, object? Value, System.Data.DbType Type, NpgsqlTypes.NpgsqlDbType? NpgsqlType)> Parameters)> _statements = [];

    public int Count => _statements.Count;

    /// <summary>The recorded run: its whole time, and the time its statements took to execute as EF timed them (to the first row).</summary>
    public (TimeSpan Run, TimeSpan InStatements) Timing { get; private set; }

    private TimeSpan _inStatements;

    /// <summary>Runs <paramref name="run"/> once on a context of its own whose every command is recorded.</summary>
    public static async Task<RecordedStatements> RecordAsync(BenchDatabase database, Func<OneWindowDbContext, Task> run)
    {
        var recorded = new RecordedStatements();
        var options = new DbContextOptionsBuilder<OneWindowDbContext>();
        DatabaseSetup.Configure(options, database.Provider == "Postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, database.ConnectionString);
        options.AddInterceptors(new Recorder(recorded));
        await using var db = new OneWindowDbContext(options.Options);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await run(db);
        recorded.Timing = (watch.Elapsed, recorded._inStatements);
        return recorded;
    }

    /// <summary>Sends every recorded statement again on <paramref name="raw"/> and reads every value of every row.</summary>
    public async Task ReplayAsync(DbConnection raw)
    {
        foreach (var (sql, parameters) in _statements)
        {
            await using var cmd = raw.CreateCommand();
            cmd.CommandText = sql;
            foreach (var (name, value, type, npgsqlType) in parameters)
            {
                var p = cmd.CreateParameter();
                p.ParameterName = name;
                p.Value = value ?? DBNull.Value;
                if (p is NpgsqlParameter np && npgsqlType is { } t)
                {
                    np.NpgsqlDbType = t;
                }
                else
                {
                    p.DbType = type;
                }
                cmd.Parameters.Add(p);
            }
            await using var reader = await cmd.ExecuteReaderAsync();
            do
            {
                while (await reader.ReadAsync())
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        _ = reader.GetValue(i);
                    }
                }
            }
            while (await reader.NextResultAsync());
        }
    }

    private sealed class Recorder(RecordedStatements into) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
        {
            into._statements.Add((command.CommandText, [.. command.Parameters.Cast<DbParameter>()
                .Select(p => (p.ParameterName, (object?)p.Value, p.DbType, p is NpgsqlParameter np ? np.NpgsqlDbType : (NpgsqlTypes.NpgsqlDbType?)null))]));
            return base.ReaderExecutingAsync(command, eventData, result, ct);
        }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken ct = default)
        {
            into._inStatements += eventData.Duration;
            return base.ReaderExecutedAsync(command, eventData, result, ct);
        }
    }
}
