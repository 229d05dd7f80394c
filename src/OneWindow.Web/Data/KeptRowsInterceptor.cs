using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OneWindow.Web.Data;

/// <summary>
/// The shape every kept-figures interceptor shares (ADR 0030, 0032): before a save, what it changes in the kept rows is
/// computed from the tracked entities (<see cref="DeltasAsync"/>) and held for that context; after the save succeeds
/// the deltas are added to the rows in the same transaction (<see cref="AddAsync"/>, one upsert each); a save that
/// fails or is cancelled adds nothing. A subclass says only what its rows are.
/// </summary>
public abstract class KeptRowsInterceptor<TKey, TValues> : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<(TKey Key, TValues Values)>> _pending = new();

    /// <summary>What the staged changes add to the kept rows, one entry per row (none: nothing to keep).</summary>
    protected abstract Task<List<(TKey Key, TValues Values)>> DeltasAsync(OneWindowDbContext db, CancellationToken ct);

    /// <summary>Adds one row's delta, inside the save's transaction.</summary>
    protected abstract Task AddAsync(OneWindowDbContext db, TKey key, TValues values, CancellationToken ct);

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is OneWindowDbContext db)
        {
            var deltas = await DeltasAsync(db, cancellationToken);
            if (deltas.Count > 0)
            {
                _pending.AddOrUpdate(db, deltas);
            }
            else
            {
                _pending.Remove(db);
            }
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is OneWindowDbContext db && _pending.TryGetValue(db, out var deltas))
        {
            _pending.Remove(db);
            foreach (var (key, values) in deltas)
            {
                await AddAsync(db, key, values, cancellationToken);
            }
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } db)
        {
            _pending.Remove(db);
        }
    }

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            _pending.Remove(db);
        }
        return Task.CompletedTask;
    }
}
