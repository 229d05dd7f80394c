using OneWindow.Web.Modules.Calendar;
using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Calendar.Changes;

/// <summary>
/// The recount a calendar change starts: every registered kind of record (<see cref="IDueDateRecords"/>), in turn,
/// its open records by key, <see cref="BatchSize"/> to a transaction under the write gate, never a year of records
/// in one go. The change keeps where the recount is, in the same transaction as the batch, so that a restart
/// resumes it; recounting a record twice finds nothing the second time. The moved records are listed on the change.
/// </summary>
public sealed class RecountDueDates(OneWindowDbContext db, WriteUnit unit, IEnumerable<IDueDateRecords> kinds, TimeProvider clock, ILogger<RecountDueDates> logger)
{
    /// <summary>Records per transaction: as the supervision sweep's unit, the SQLite write gate is held some tens of milliseconds.</summary>
    public const int BatchSize = 50;

    private const int Attempts = 3;

    private readonly List<IDueDateRecords> _kinds = [.. kinds.OrderBy(k => k.Kind, StringComparer.Ordinal)];

    /// <summary>
    /// Runs the changes not yet complete, oldest first, that were made no later than <paramref name="madeBy"/>, for at
    /// most <paramref name="maxBatches"/> batches. Returns how many batches ran.
    /// </summary>
    public async Task<int> RunPendingAsync(DateTime madeBy, int maxBatches, CancellationToken ct)
    {
        for (var batch = 0; batch < maxBatches; batch++)
        {
            var next = await db.CalendarChanges.AsNoTracking().Where(c => c.CompletedAt == null && c.CreatedAt <= madeBy)
                .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
            if (next is not { } id)
            {
                return batch;
            }
            await BatchAsync(id, ct);
        }
        return maxBatches;
    }

    /// <summary>One batch of one change; returns whether the change is complete.</summary>
    public async Task<bool> BatchAsync(Guid changeId, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            try
            {
                return await unit.RunAsync(async t =>
                {
                    var change = await db.CalendarChanges.FirstAsync(c => c.Id == changeId, t);
                    if (change.CompletedAt is null)
                    {
                        await RecountNextAsync(change, t);
                    }
                    return change.CompletedAt is not null;
                }, ct);
            }
            catch (DbUpdateException e) when (attempt < Attempts)
            {
                // Someone acted on a record of the batch meanwhile (its revision moved): the batch goes again, read anew.
                logger.LogInformation(e, "Calendar change {Change}: a record changed during its recount; the batch goes again", changeId);
            }
        }
    }

    private async Task RecountNextAsync(CalendarChange change, CancellationToken ct)
    {
        var index = change.Stage is null ? 0 : _kinds.FindIndex(k => k.Kind == change.Stage);
        if (index < 0 || index >= _kinds.Count)
        {
            change.CompletedAt = clock.GetUtcNow().UtcDateTime; // nothing (left) to recount
            return;
        }
        var kind = _kinds[index];
        var batch = await kind.RecountAsync(change, change.Stage == kind.Kind ? change.After : null, BatchSize, clock.GetUtcNow().UtcDateTime, ct);
        db.CalendarChangeEntries.AddRange(batch.Moved);
        change.RecordsChecked += batch.Checked;
        if (batch.Checked == BatchSize)
        {
            (change.Stage, change.After) = (kind.Kind, batch.Last);
        }
        else if (index + 1 < _kinds.Count)
        {
            (change.Stage, change.After) = (_kinds[index + 1].Kind, null);
        }
        else
        {
            (change.Stage, change.After) = (kind.Kind, batch.Last);
            change.CompletedAt = clock.GetUtcNow().UtcDateTime;
        }
    }
}
