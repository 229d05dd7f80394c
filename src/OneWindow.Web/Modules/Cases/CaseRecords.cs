using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Records;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Cases;

/// <summary>
/// Cases as a kind of sealed record (ADR 0017): each case checked against its events (<see cref="CaseRecordCheck"/>),
/// and the upgrade's one step for the records written before record keys existed.
/// </summary>
public sealed class CaseRecords(OneWindowDbContext db, WriteUnit unit, ILogger<CaseRecords> logger) : ISealedRecordKind
{
    private const int Batch = 200;

    public string Name => "cases";

    /// <summary>
    /// Seals each case whose events carry no key id, once its unkeyed SHA-256 chain is whole and its row agrees with
    /// it in every fact the events establish (<see cref="CaseRecordCheck.VerifyLegacy"/>). A record that does not
    /// check out is left unsealed, logged, and shows as broken wherever it is verified. Nothing is sealed when any
    /// event is sealed under another key than the current one: that database has had keys before.
    /// </summary>
    public async Task<LegacySealing> SealLegacyAsync(RecordKeyRing keys, CancellationToken ct)
    {
        var current = keys.CurrentKeyId;
        if (await db.CaseEvents.AnyAsync(e => e.KeyId != null && e.KeyId != current, ct))
        {
            var unsealed = await db.CaseEvents.Where(e => e.KeyId == null).Select(e => e.CaseId).Distinct().CountAsync(ct);
            if (unsealed > 0)
            {
                logger.LogError("{Count} case records have events without a record key, in a database whose records are sealed with other keys: they are edits, not records from before keys, and are left unsealed (they show as broken).", unsealed);
            }
            return new(0, unsealed);
        }
        var (sealedCount, broken) = (0, 0);
        Guid? after = null;
        while (true)
        {
            var ids = await db.CaseEvents.AsNoTracking()
                .Where(e => e.KeyId == null && (after == null || e.CaseId.CompareTo(after.Value) > 0))
                .Select(e => e.CaseId).Distinct().OrderBy(id => id).Take(Batch).ToListAsync(ct);
            if (ids.Count == 0)
            {
                break;
            }
            // One unit per batch: its cases and events are read, checked and sealed under the gate.
            await unit.RunAsync(async t =>
            {
                var cases = await db.Cases.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, t);
                var events = (await db.CaseEvents.Where(e => ids.Contains(e.CaseId)).ToListAsync(t))
                    .GroupBy(e => e.CaseId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Sequence).ToList());
                foreach (var id in ids)
                {
                    var c = cases.GetValueOrDefault(id);
                    var chain = events.GetValueOrDefault(id) ?? [];
                    var check = c is null ? null : CaseRecordCheck.VerifyLegacy(c, chain);
                    if (c is not null && check is { IsIntact: true })
                    {
                        c.ResealLegacyRecord(chain, keys);
                        sealedCount++;
                    }
                    else
                    {
                        broken++;
                        logger.LogError("The record of case {Case} did not check out before sealing ({Problem}); it is left unsealed and shows as broken.",
                            c?.Number ?? id.ToString(), check?.Problem ?? "no case row");
                    }
                }
            }, ct);
            db.ChangeTracker.Clear();
            after = ids[^1];
        }
        if (sealedCount + broken > 0)
        {
            logger.LogInformation("Sealed {Sealed} case records written before record keys existed; {Broken} did not check out.", sealedCount, broken);
        }
        return new(sealedCount, broken);
    }

    /// <summary>Every case against its record (the sealed chain, the row's count and last seal, the facts the events establish), in key order.</summary>
    public async IAsyncEnumerable<RecordCheck> VerifyAllAsync(RecordKeyRing keys, [EnumeratorCancellation] CancellationToken ct)
    {
        Guid? after = null;
        while (true)
        {
            var cases = await db.Cases.AsNoTracking().Where(c => after == null || c.Id.CompareTo(after.Value) > 0)
                .OrderBy(c => c.Id).Take(500).ToListAsync(ct);
            if (cases.Count == 0)
            {
                yield break;
            }
            foreach (var c in cases)
            {
                var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == c.Id).ToListAsync(ct);
                yield return new RecordCheck(c.Number, CaseRecordCheck.Verify(c, events, keys));
            }
            after = cases[^1].Id;
        }
    }
}
