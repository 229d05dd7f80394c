using Microsoft.EntityFrameworkCore;

namespace OneWindow.Web.Data;

/// <summary>SQLite's one writer: every save and writing statement queues on the write gate (PostgreSQL needs none).</summary>
public sealed partial class OneWindowDbContext
{
    // Set while this context holds the write gate: for a unit of work, a SaveChanges, or one writing statement.
    private bool _holdsWriteGate;
    private IDisposable? _commandHold;

    /// <summary>
    /// Holds the SQLite write gate for a unit of several statements (the write unit takes it around its transaction);
    /// SaveChanges and writing statements inside it do not take it again. On PostgreSQL it holds nothing.
    /// </summary>
    public async Task<IDisposable?> EnterWriteGateAsync(CancellationToken cancellationToken)
    {
        if (writeGate is null || _holdsWriteGate || !Database.IsSqlite())
        {
            return null;
        }
        var held = await writeGate.EnterAsync(cancellationToken);
        _holdsWriteGate = true;
        return new GateHold(this, held);
    }

    private IDisposable? EnterWriteGate()
    {
        if (writeGate is null || _holdsWriteGate || !Database.IsSqlite())
        {
            return null;
        }
        var held = writeGate.Enter();
        _holdsWriteGate = true;
        return new GateHold(this, held);
    }

    /// <summary>A writing statement outside a unit of work (ExecuteUpdate, ExecuteDelete, raw SQL) queues on the gate for itself.</summary>
    internal async Task HoldGateForCommandAsync(System.Data.Common.DbCommand command, bool writes, CancellationToken ct)
    {
        if (writes && RefuseOrNeedGate(command))
        {
            _commandHold = await EnterWriteGateAsync(ct);
        }
    }

    internal void HoldGateForCommand(System.Data.Common.DbCommand command, bool writes)
    {
        if (writes && RefuseOrNeedGate(command))
        {
            _commandHold = EnterWriteGate();
        }
    }

    internal void ReleaseCommandGate()
    {
        var hold = _commandHold;
        _commandHold = null;
        hold?.Dispose();
    }

    private bool RefuseOrNeedGate(System.Data.Common.DbCommand command)
    {
        if (writeGate is null || _holdsWriteGate)
        {
            return false;
        }
        if (command.Transaction is not null)
        {
            throw new InvalidOperationException("A write inside a transaction that was not begun under the write gate: write through WriteUnit.");
        }
        return true;
    }

    /// <summary>Released once: a writer may open the gate before its scope ends.</summary>
    private sealed class GateHold(OneWindowDbContext context, IDisposable held) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                context._holdsWriteGate = false;
                held.Dispose();
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        using var _ = EnterWriteGate();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // SQLite has one writer; queueing here avoids the long tails of its busy-retry under concurrent writers.
        using var _ = await EnterWriteGateAsync(cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Saves inside the caller's transaction without EF's savepoint around the save: for a unit of work that is
    /// undone as a whole when the save fails, where the savepoint would be two statements for nothing.
    /// </summary>
    public async Task SaveAllOrNothingAsync(CancellationToken cancellationToken)
    {
        Database.AutoSavepointsEnabled = false;
        try
        {
            await SaveChangesAsync(cancellationToken);
        }
        finally
        {
            Database.AutoSavepointsEnabled = true;
        }
    }
}
