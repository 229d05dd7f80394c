using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Audit;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Operations;

/// <summary>
/// On SQLite every kind of write queues on the one write gate (ADR 0019): a SaveChanges, an ExecuteUpdate, an
/// ExecuteDelete and a raw command alike; and a write inside a transaction that did not take the gate is refused.
/// PostgreSQL has no gate: there the test has nothing to prove.
/// </summary>
public sealed class WriteGateTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    [Fact]
    public async Task Every_kind_of_write_waits_while_the_gate_is_held()
    {
        if (TestDatabase.IsPostgres)
        {
            return;
        }
        var gate = app.Services.GetRequiredService<SqliteWriteGate>();
        var at = new DateTime(2026, 11, 22, 2, 0, 0, DateTimeKind.Utc);
        var key = Guid.NewGuid().ToString("N");
        await WriteAsync(db =>
        {
            db.AuditEntries.Add(new AuditEntry { At = at, Actor = "t", EntityType = "gate", EntityKey = key, Action = "seed" });
            return db.SaveChangesAsync();
        });

        Task[] writes;
        using (await gate.EnterAsync(CancellationToken.None))
        {
            writes =
            [
                WriteAsync(db =>
                {
                    db.AuditEntries.Add(new AuditEntry { At = at, Actor = "t", EntityType = "gate", EntityKey = key, Action = "save" });
                    return db.SaveChangesAsync();
                }),
                WriteAsync(db => db.AuditEntries.Where(a => a.EntityKey == key && a.Action == "seed").ExecuteUpdateAsync(s => s.SetProperty(a => a.Actor, "updated"))),
                WriteAsync(db => db.AuditEntries.Where(a => a.EntityKey == key && a.Action == "nothing").ExecuteDeleteAsync()),
                WriteAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
                    $"INSERT INTO \"AuditEntries\" (\"At\", \"Actor\", \"EntityType\", \"EntityKey\", \"Action\") VALUES ({at}, 't', 'gate', {key}, 'raw')")),
            ];
            await Task.Delay(500);
            Assert.All(writes, w => Assert.False(w.IsCompleted, "a write went through the held gate"));
        }
        await Task.WhenAll(writes).WaitAsync(TimeSpan.FromSeconds(30));
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            Assert.Equal(["raw", "save", "seed"], await db.AuditEntries.Where(a => a.EntityKey == key).Select(a => a.Action).OrderBy(a => a).ToListAsync());
            Assert.Equal("updated", await db.AuditEntries.Where(a => a.EntityKey == key && a.Action == "seed").Select(a => a.Actor).SingleAsync());
        }
    }

    [Fact]
    public async Task A_write_in_a_transaction_begun_outside_the_write_unit_is_refused()
    {
        if (TestDatabase.IsPostgres)
        {
            return;
        }
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                db.AuditEntries.Where(a => a.EntityKey == "none").ExecuteDeleteAsync());
            Assert.Contains("WriteUnit", refused.Message, StringComparison.Ordinal);
        }
    }

    private async Task WriteAsync(Func<OneWindowDbContext, Task> write)
    {
        await Task.Yield();
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            await write(db);
        }
    }
}
