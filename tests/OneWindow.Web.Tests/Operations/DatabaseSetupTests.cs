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
