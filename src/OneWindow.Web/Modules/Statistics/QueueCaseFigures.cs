using OneWindow.Web.Data;
using OneWindow.Web.Modules.Cases;

namespace OneWindow.Web.Modules.Statistics;

/// <summary>
/// The kept daily figures' case hook (ADR 0024, 0042): on every move of a case, in the move's own transaction, the case
/// is queued for <see cref="SettleCaseFigures"/>, one small row in the save's own batch. Computing the case's
/// contribution and adding the difference to the day, month and year rows happens in the settlement sweep, for many
/// moves at once: in the move's transaction it cost a fifth of an intake's throughput (issue 20 allows a tenth).
/// </summary>
public sealed class QueueCaseFigures(OneWindowDbContext db, TimeProvider clock) : ICaseHook
{
    public Task PrepareAsync(CancellationToken ct) => Task.CompletedTask;

    public Task OnCaseMovedAsync(CaseMoved moved, CancellationToken ct)
    {
        // A case not received yet (an online draft, a submission before pre-review) has never added anything: a receipt
        // is never undone. A part of a joint case adds nothing to the case figures (the joint case counts once) but its
        // decision counts for the approver who made it in the staff figures (ADR 0043).
        if (moved.Case.ReceivedAt is not null)
        {
            db.Set<CaseFigureQueueEntry>().Add(new CaseFigureQueueEntry { CaseId = moved.Case.Id, QueuedAt = clock.GetUtcNow().UtcDateTime });
        }
        return Task.CompletedTask;
    }
}
