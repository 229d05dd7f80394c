using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Data;

namespace OneWindow.Web.Infrastructure;

/// <summary>
/// At start, before any request: makes sure this instance holds every record key the database's records are sealed
/// with (a fresh install makes its first key) and records the current key's id. The start that makes the install's
/// first key — no key on this host, none listed by the database — is also the one upgrade step that seals records
/// written before keys existed, each kind's through <see cref="ISealedRecordKind"/>. That the step is due is
/// recorded outside the database, by the marker it leaves in the key folder until it is done: nothing a writer to
/// the database can do makes a later start seal an unkeyed record. One instance at a time on PostgreSQL (an
/// advisory lock), so that no instance serves a request while another is still sealing (ADR 0017).
/// </summary>
public sealed class RecordKeyCheck(OneWindowDbContext db, WriteUnit unit, RecordKeyStore store, IEnumerable<ISealedRecordKind> kinds, TimeProvider clock, ILogger<RecordKeyCheck> logger)
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
            if (store.LegacySealingPending)
            {
                // Made with the first key just now, or left by a start that stopped before the step was done.
                foreach (var kind in kinds)
                {
                    var done = await kind.SealLegacyAsync(store.Ring, ct);
                    logger.LogInformation("Upgrade: {Sealed} {Kind} records from before record keys sealed, {Broken} left unsealed.", done.Sealed, kind.Name, done.Broken);
                }
                store.LegacySealingDone();
            }
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
            // This install's first key: the records written before keys (an upgrade) are sealed with it, once.
            store.MarkLegacySealingPending();
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
            await unit.RunAsync(_ =>
            {
                db.RecordKeyIds.Add(new RecordKeyId { Id = ring.CurrentKeyId, FirstUsedAt = clock.GetUtcNow().UtcDateTime });
                return Task.CompletedTask;
            }, ct);
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
