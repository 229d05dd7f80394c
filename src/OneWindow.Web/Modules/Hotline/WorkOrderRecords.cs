using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Hotline;
using OneWindow.Domain.Records;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>
/// Work orders as a kind of sealed record (ADR 0017, 0034): the <c>verify-chains</c> command and the start-up check reach
/// them through the same seam as cases, each order checked against its events (<see cref="WorkOrderRecordCheck"/>) and its files against the hashes its events entered (ADR 0036).
/// </summary>
public sealed class WorkOrderRecords(OneWindowDbContext db, ILogger<WorkOrderRecords> logger) : ISealedRecordKind
{
    public string Name => "work orders";

    /// <summary>
    /// Work orders were sealed under the record keys from their first event (ADR 0023): there is no record from before
    /// keys to seal. An order with an unsealed event is an edit; it is left as it is and shows as broken.
    /// </summary>
    public async Task<LegacySealing> SealLegacyAsync(RecordKeyRing keys, CancellationToken ct)
    {
        var unsealed = await db.Set<WorkOrderEvent>().AsNoTracking().Where(e => e.KeyId == null).Select(e => e.WorkOrderId).Distinct().CountAsync(ct);
        if (unsealed > 0)
        {
            logger.LogError("{Count} work orders have events without a record key: work orders were always sealed, so these are edits; they show as broken.", unsealed);
        }
        return new(0, unsealed);
    }

    /// <summary>Every order against its record, in key order, a page of orders and their events at a time.</summary>
    public async IAsyncEnumerable<RecordCheck> VerifyAllAsync(RecordKeyRing keys, [EnumeratorCancellation] CancellationToken ct)
    {
        Guid? after = null;
        while (true)
        {
            var orders = await db.Set<WorkOrder>().AsNoTracking().Where(o => after == null || o.Id.CompareTo(after.Value) > 0)
                .OrderBy(o => o.Id).Take(200).ToListAsync(ct);
            if (orders.Count == 0)
            {
                yield break;
            }
            var ids = orders.Select(o => o.Id).ToList();
            var events = (await db.Set<WorkOrderEvent>().AsNoTracking().Where(e => ids.Contains(e.WorkOrderId)).ToListAsync(ct))
                .GroupBy(e => e.WorkOrderId).ToDictionary(g => g.Key, g => (IReadOnlyList<WorkOrderEvent>)[.. g]);
            var files = await StoredFileHashesAsync(ids, ct);
            foreach (var o in orders)
            {
                yield return new RecordCheck(o.Number, WorkOrderRecordCheck.Verify(o, events.GetValueOrDefault(o.Id) ?? [], keys,
                    files.GetValueOrDefault(o.Id) ?? new Dictionary<Guid, string>()));
            }
            after = orders[^1].Id;
        }
    }

    /// <summary>
    /// The SHA-256 of each file of these orders as its content is stored now (ADR 0036), computed, not read from the
    /// rows (which an edit could change with the content); one file's content in memory at a time.
    /// </summary>
    private async Task<Dictionary<Guid, Dictionary<Guid, string>>> StoredFileHashesAsync(List<Guid> orderIds, CancellationToken ct)
    {
        var rows = await db.Set<WorkOrderFile>().AsNoTracking().Where(f => orderIds.Contains(f.WorkOrderId))
            .Select(f => new { f.WorkOrderId, f.Id, f.StoredFileId }).ToListAsync(ct);
        var hashes = new Dictionary<Guid, Dictionary<Guid, string>>();
        foreach (var row in rows)
        {
            var content = await db.StoredFiles.AsNoTracking().Where(s => s.Id == row.StoredFileId).Select(s => s.Content).FirstOrDefaultAsync(ct);
            var perOrder = hashes.TryGetValue(row.WorkOrderId, out var h) ? h : hashes[row.WorkOrderId] = [];
            perOrder[row.Id] = content is null ? "" : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        }
        return hashes;
    }
}
