using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Data;

namespace OneWindow.Web.Infrastructure;

/// <summary>
/// At start, before any request: makes sure this instance holds every record key the database's records are sealed
/// with (a fresh install makes its first key), records the current key's id, and seals the records written before
/// keys existed. One instance at a time on PostgreSQL (an advisory lock), so that no instance serves a request while
/// another is still sealing (ADR 0017).
/// </summary>
public sealed class RecordKeyCheck(OneWindowDbContext db, RecordKeyStore store, Modules.Cases.SealLegacyRecords legacy, TimeProvider clock, ILogger<RecordKeyCheck> logger)
{
    private const long LockKey = 0x4F6E65526B6579; // "OneRkey"

    public async Task RunAsync(CancellationToken ct)
    {
        var postgres = db.Database.IsNpgsql();
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        if (postgres)
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_lock({LockKey})", ct);
        }
        try
        {
            await EnsureKeysAsync(ct);
            await legacy.RunAsync(store.Ring, ct);
        }
        finally
        {
            if (postgres)
            {
                await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
            }
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task EnsureKeysAsync(CancellationToken ct)
    {
        var known = await db.RecordKeyIds.AsNoTracking().Select(k => k.Id).ToListAsync(ct);
        if (!store.HasKeys)
        {
            if (known.Count > 0)
            {
                throw new InvalidOperationException(
                    $"The database's records are sealed with the record key(s) {string.Join(", ", known)} and this instance has no record key: copy the key files into {store.Folder} (or set RecordKeys:Keys) from the host that holds them. See docs/deploy.md.");
            }
            if (!store.MayGenerate)
            {
                throw new InvalidOperationException($"No record key and RecordKeys:Generate is off: put a key file in {store.Folder} (the command new-record-key makes one).");
            }
            var made = store.Generate(clock);
            logger.LogWarning("Made the record key {KeyId} in {Folder}. Keep a copy apart from the database's backups: without it the records cannot be verified (docs/deploy.md).", made, store.Folder);
        }
        var ring = store.Ring;
        var missing = known.Where(id => !ring.Knows(id)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The database's records are also sealed with the record key(s) {string.Join(", ", missing)}, which this instance lacks: copy them into {store.Folder} (or RecordKeys:Keys). See docs/deploy.md.");
        }
        if (!known.Contains(ring.CurrentKeyId))
        {
            db.RecordKeyIds.Add(new RecordKeyId { Id = ring.CurrentKeyId, FirstUsedAt = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            logger.LogInformation("Records are sealed from now on with the record key {KeyId}.", ring.CurrentKeyId);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
