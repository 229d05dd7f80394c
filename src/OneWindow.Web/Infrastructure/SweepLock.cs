using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Data;

namespace OneWindow.Web.Infrastructure;

/// <summary>
/// One sweeper at a time. On PostgreSQL a session-level advisory lock taken with <c>pg_try_advisory_lock</c>: a second
/// app instance finds it held and skips its tick, and a crashed instance's lock goes with its connection. On SQLite
/// (one process) a semaphore per key, so that one kind of sweep does not make another skip its tick. The unique alert
/// index stays the guarantee; the lock saves the double work.
/// </summary>
public static class SweepLock
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<long, SemaphoreSlim> InProcessLocks = new();

    /// <summary>Takes the lock for <paramref name="key"/> on the context's connection, or returns null when another holds it.</summary>
    public static async Task<IAsyncDisposable?> TryTakeAsync(OneWindowDbContext db, long key, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            var inProcess = InProcessLocks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
            return await inProcess.WaitAsync(0, ct) ? new Release(() => { inProcess.Release(); return Task.CompletedTask; }) : null;
        }
        await db.Database.OpenConnectionAsync(ct);
        // Plain commands on the context's connection: a lock is two round trips every tick, with nothing to translate.
        var connection = db.Database.GetDbConnection();
        if (await ScalarAsync(connection, $"SELECT pg_try_advisory_lock({key})", ct) is not true)
        {
            await db.Database.CloseConnectionAsync();
            return null;
        }
        return new Release(async () =>
        {
            await ScalarAsync(connection, $"SELECT pg_advisory_unlock({key})", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        });
    }

    private static async Task<object?> ScalarAsync(System.Data.Common.DbConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync(ct);
    }

    private sealed class Release(Func<Task> release) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await release();
    }
}
