using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OneWindow.Web.Data;

/// <summary>
/// SQLite has one writer: every write queues on the app's write gate instead of meeting SQLite's busy-retry. The write
/// unit holds the gate for its transaction and SaveChanges for its own; this interceptor catches the rest — an
/// <c>ExecuteUpdate</c>, an <c>ExecuteDelete</c> or a raw command that writes — and holds the gate for that statement.
/// A write inside a transaction that was not begun under the gate (not through the write unit) is refused: it would
/// hold SQLite's write lock beside the gate.
/// </summary>
public sealed class SqliteWriteGateInterceptor : DbCommandInterceptor
{
    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Context(eventData)?.HoldGateForCommand(command, IsWrite(command));
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (Context(eventData) is { } db)
        {
            await db.HoldGateForCommandAsync(command, IsWrite(command), cancellationToken);
        }
        return result;
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Context(eventData)?.ReleaseCommandGate();
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Context(eventData)?.ReleaseCommandGate();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Context(eventData)?.HoldGateForCommand(command, IsWrite(command));
        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (Context(eventData) is { } db)
        {
            await db.HoldGateForCommandAsync(command, IsWrite(command), cancellationToken);
        }
        return result;
    }

    // A writing statement run as a reader (INSERT … RETURNING) holds SQLite's lock until its reader is closed.
    public override InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        (eventData.Context as OneWindowDbContext)?.ReleaseCommandGate();
        return result;
    }

    public override ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        (eventData.Context as OneWindowDbContext)?.ReleaseCommandGate();
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Context(eventData)?.ReleaseCommandGate();

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Context(eventData)?.ReleaseCommandGate();
        return Task.CompletedTask;
    }

    private static OneWindowDbContext? Context(CommandEventData eventData) => eventData.Context as OneWindowDbContext;

    /// <summary>Whether a statement writes: what it starts with, past comments and whitespace (a CTE may precede a write).</summary>
    public static bool IsWrite(DbCommand command)
    {
        var sql = command.CommandText.AsSpan().TrimStart();
        while (sql.StartsWith("--"))
        {
            var end = sql.IndexOf('\n');
            sql = end < 0 ? [] : sql[(end + 1)..].TrimStart();
        }
        foreach (var verb in (ReadOnlySpan<string>)["INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER", "WITH"])
        {
            if (sql.StartsWith(verb, StringComparison.OrdinalIgnoreCase))
            {
                return verb != "WITH" || sql.ToString().Contains("INSERT", StringComparison.OrdinalIgnoreCase)
                    || sql.ToString().Contains("UPDATE", StringComparison.OrdinalIgnoreCase) || sql.ToString().Contains("DELETE", StringComparison.OrdinalIgnoreCase);
            }
        }
        return false;
    }
}
