using Microsoft.EntityFrameworkCore;

namespace OneWindow.Web.Data;

/// <summary>
/// Something that must follow a commit (the outbox wakes its dispatcher), or forget its part of a unit that was undone.
/// Registered scoped, so it sees the request's or the sweep tick's unit.
/// </summary>
public interface IAfterCommit
{
    Task AfterCommitAsync(CancellationToken ct);

    void AfterRollback();
}

/// <summary>
/// The one way to write (ADR 0019): a request's or a sweep tick's write leases the connection, takes SQLite's write
/// gate (nothing on PostgreSQL), begins a transaction, runs the work, saves what it staged, commits, and then runs what
/// must follow the commit. Reads that need no gate are done before calling it, so the gate is held for the writes alone.
/// A failure rolls everything back and forgets what the work staged. A unit started inside another joins it: its part
/// is saved with the outer unit and committed or undone with it.
/// </summary>
public sealed class WriteUnit(OneWindowDbContext db, IEnumerable<IAfterCommit> afterCommit)
{
    /// <summary>
    /// Writes what the request staged (read and changed without the gate) as one unit: the common case of a use case
    /// that loads an aggregate, acts on it, adds its audit entry and saves.
    /// </summary>
    public Task SaveAsync(CancellationToken ct) => RunAsync(_ => Task.CompletedTask, ct);

    public Task RunAsync(Func<CancellationToken, Task> work, CancellationToken ct) =>
        RunAsync(async token =>
        {
            await work(token);
            return true;
        }, ct);

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            var inner = await work(ct);
            await db.SaveChangesAsync(ct);
            return inner;
        }
        await db.Database.OpenConnectionAsync(ct); // one leased connection for the whole unit
        T result;
        using (await db.EnterWriteGateAsync(ct))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                result = await work(ct);
                await db.SaveAllOrNothingAsync(ct);
                await tx.CommitAsync(ct);
            }
            catch
            {
                await RollBackAsync(tx);
                throw;
            }
        }
        // After the gate opens again: a slow follower must not hold up every other writer of the hall.
        foreach (var follower in afterCommit)
        {
            await follower.AfterCommitAsync(ct);
        }
        return result;
    }

    private async Task RollBackAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx)
    {
        try
        {
            await tx.RollbackAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
        {
            // The connection already gave the transaction up (a broken connection): nothing was committed.
        }
        db.ChangeTracker.Clear(); // nothing of a refused write stays staged in this request's context
        foreach (var follower in afterCommit)
        {
            follower.AfterRollback();
        }
    }
}
