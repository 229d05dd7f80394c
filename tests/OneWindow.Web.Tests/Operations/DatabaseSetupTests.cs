using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OneWindow.Web.Data;

namespace OneWindow.Web.Tests.Operations;

/// <summary>
/// PostgreSQL connections prepare their repeated statements and go back to the pool without a reset, unless the
/// operator has said otherwise; and nothing the app does leaves session state on a pooled connection.
/// </summary>
public sealed class DatabaseSetupTests
{
    [Fact]
    public void A_connection_string_without_its_own_settings_gets_prepared_statements_and_no_reset()
    {
        var given = "Host=db-primary;Database=onewindow;Username=onewindow;Maximum Pool Size=100";

        var used = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithConnectionDefaults(given));

        Assert.Equal(DatabaseSetup.PreparedStatementsPerConnection, used.MaxAutoPrepare);
        Assert.True(used.NoResetOnClose);
        Assert.Equal("db-primary", used.Host);
        Assert.Equal(100, used.MaxPoolSize);
    }

    [Theory]
    [InlineData("Host=db;Database=ow;Max Auto Prepare=0;No Reset On Close=false", 0, false)]
    [InlineData("Host=db;Database=ow;MaxAutoPrepare=20", 20, true)]
    [InlineData("Host=db;Database=ow;max auto prepare=7;NoResetOnClose=false", 7, false)]
    [InlineData("Host=db;Database=ow;no reset on close=false", DatabaseSetup.PreparedStatementsPerConnection, false)]
    public void An_operators_own_settings_are_kept_even_when_they_switch_a_default_off(string given, int prepared, bool noReset)
    {
        var used = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithConnectionDefaults(given));

        Assert.Equal(prepared, used.MaxAutoPrepare);
        Assert.Equal(noReset, used.NoResetOnClose);
        Assert.Equal("db", used.Host);
    }

    [Fact]
    public async Task After_a_migration_and_a_sweep_no_pooled_connection_still_holds_an_advisory_lock()
    {
        using var app = new Infrastructure.OneWindowFactory();
        using (var scope = app.Services.CreateScope())
        {
            // A second migration (nothing to apply) and a sweep tick: the two users of session advisory locks.
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
            await scope.ServiceProvider.GetRequiredService<Web.Modules.Supervision.SupervisionSweep>().RunOnceAsync(CancellationToken.None);
        }
        if (app.Database.Provider != "Postgres")
        {
            return; // SQLite's connections keep no locks between uses
        }
        // The pooled connections are still open (not reset): a lock left on one would show here.
        await using var look = new NpgsqlConnection(app.Database.ConnectionString);
        await look.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND d.datname = current_database()", look);
        Assert.Equal(0L, await cmd.ExecuteScalarAsync());
    }
}

/// <summary>The contexts are pooled; a leased one still holds SQLite's single writer gate, and gives it back clean.</summary>
public sealed class PooledContextTests : IDisposable
{
    private readonly Infrastructure.OneWindowFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_pooled_context_queues_sqlite_writers_on_the_one_gate_and_a_lease_returns_without_the_gate()
    {
        OneWindowDbContext first;
        using (var scope = _app.Services.CreateScope())
        {
            first = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
            var held = await first.EnterWriteGateAsync(CancellationToken.None);
            if (_app.Database.Provider == "Postgres")
            {
                Assert.Null(held); // PostgreSQL has no gate: its rows lock themselves
                return;
            }
            Assert.NotNull(held);
            using var other = _app.Services.CreateScope();
            var second = other.ServiceProvider.GetRequiredService<OneWindowDbContext>();
            Assert.NotSame(first, second);
            var waiting = second.EnterWriteGateAsync(CancellationToken.None);
            await Task.Delay(100);
            Assert.False(waiting.IsCompleted); // the same gate: the second writer waits for the first
            held!.Dispose();
            (await waiting)!.Dispose();
            first.Database.AutoSavepointsEnabled = false; // state a unit of work may leave behind
        }
        using (var again = _app.Services.CreateScope())
        {
            var leased = again.ServiceProvider.GetRequiredService<OneWindowDbContext>();
            Assert.True(leased.Database.AutoSavepointsEnabled);
            using var gate = await leased.EnterWriteGateAsync(CancellationToken.None);
            Assert.NotNull(gate);
        }
    }
}
