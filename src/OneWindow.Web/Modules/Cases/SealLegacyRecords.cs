using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Records;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Cases;

/// <summary>
/// The upgrade's one step for records written before record keys existed (their events chained by plain SHA-256,
/// which anyone who can write to the database can recompute): each case's unkeyed chain is checked whole and agreeing
/// with its case row, then sealed under the current key. A record that does not check out is left unsealed, reported
/// in the log, and shown as broken wherever it is verified; it is never sealed as if it were sound (ADR 0017).
/// </summary>
public sealed class SealLegacyRecords(OneWindowDbContext db, ILogger<SealLegacyRecords> logger)
{
    private const int Batch = 200;

    public async Task<(int Sealed, int Broken)> RunAsync(RecordKeyRing keys, CancellationToken ct)
    {
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
            using (await db.EnterWriteGateAsync(ct))
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var cases = await db.Cases.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
                var events = (await db.CaseEvents.Where(e => ids.Contains(e.CaseId)).ToListAsync(ct))
                    .GroupBy(e => e.CaseId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Sequence).ToList());
                foreach (var id in ids)
                {
                    if (cases.TryGetValue(id, out var c) && events.TryGetValue(id, out var chain) && LegacyProblem(c, chain) is null)
                    {
                        c.ResealLegacyRecord(chain, keys);
                        sealedCount++;
                    }
                    else
                    {
                        broken++;
                        logger.LogError("The record of case {Case} did not check out before sealing ({Problem}); it is left unsealed and shows as broken.",
                            c?.Number ?? id.ToString(), c is null ? "no case row" : LegacyProblem(c, events.GetValueOrDefault(id) ?? []));
                    }
                }
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
            db.ChangeTracker.Clear();
            after = ids[^1];
        }
        if (sealedCount + broken > 0)
        {
            logger.LogInformation("Sealed {Sealed} case records written before record keys existed; {Broken} did not check out.", sealedCount, broken);
        }
        return (sealedCount, broken);
    }

    /// <summary>What is wrong with an unkeyed record, or null when its chain is whole and its case row agrees with it.</summary>
    private static string? LegacyProblem(Case c, IReadOnlyList<CaseEvent> chain)
    {
        var previous = EventChain.GenesisHash;
        for (var i = 0; i < chain.Count; i++)
        {
            var e = chain[i];
            if (e.KeyId is not null || e.Sequence != i + 1 || e.PreviousHash != previous || e.LegacyHash() != e.Hash)
            {
                return $"event {e.Sequence}";
            }
            previous = e.Hash;
        }
        return chain.Count == c.EventCount && previous == c.LastEventHash ? null : "the case row and its events differ";
    }
}
