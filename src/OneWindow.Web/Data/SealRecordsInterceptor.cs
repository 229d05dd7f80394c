using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OneWindow.Domain.Cases;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Data;

/// <summary>
/// Seals every case's (and every other chained record's) new events under the current record key as they are saved, whoever saves them, so no writer can
/// forget it; an unsealed event about to be written is refused (ADR 0017).
/// </summary>
public sealed class SealRecordsInterceptor(RecordKeyStore keys) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Seal(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Seal(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Seal(DbContext? db)
    {
        if (db is null)
        {
            return;
        }
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false; // SaveChanges detects the changes once, after the seals
        try
        {
            foreach (var entry in db.ChangeTracker.Entries<Case>())
            {
                if (entry.Entity.HasUnsealedEvents)
                {
                    entry.Entity.SealNewEvents(keys.Ring);
                }
            }
            // Other kinds of record (a hotline work order) seal through the domain's interface, the same way.
            foreach (var entry in db.ChangeTracker.Entries<Domain.Records.IChainedRecord>())
            {
                if (entry.Entity.HasUnsealedEvents)
                {
                    entry.Entity.SealNewEvents(keys.Ring);
                }
            }
            foreach (var entry in db.ChangeTracker.Entries<CaseEvent>())
            {
                if (entry.State == EntityState.Added && !entry.Entity.IsSealed)
                {
                    throw new InvalidOperationException($"Event {entry.Entity.Sequence} of case {entry.Entity.CaseId} is not sealed: append events through their case.");
                }
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }
}
