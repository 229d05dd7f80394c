using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OneWindow.Web.Data;

namespace OneWindow.Web.Tests.Operations;

/// <summary>PostgreSQL connections prepare their repeated statements unless the operator has said otherwise.</summary>
public sealed class DatabaseSetupTests
{
    [Fact]
    public void A_connection_string_without_its_own_setting_gets_prepared_statements()
    {
        var given = "Host=db-primary;Database=onewindow;Username=onewindow;Maximum Pool Size=100";

        var used = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithPreparedStatements(given));

        Assert.Equal(DatabaseSetup.PreparedStatementsPerConnection, used.MaxAutoPrepare);
        Assert.Equal("db-primary", used.Host);
        Assert.Equal(100, used.MaxPoolSize);
    }

    [Theory]
    [InlineData("Host=db;Database=ow;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=ow;MaxAutoPrepare=20", 20)]
    [InlineData("Host=db;Database=ow;max auto prepare=7", 7)]
    public void An_operators_own_setting_is_kept_even_when_it_switches_preparing_off(string given, int expected)
    {
        Assert.Equal(given, DatabaseSetup.WithPreparedStatements(given));
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(given).MaxAutoPrepare);
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
