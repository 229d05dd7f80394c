using Npgsql;

namespace OneWindow.Web.Tests.Infrastructure;

/// <summary>
/// Where a test host keeps its data: a fresh SQLite file, or, when ONEWINDOW_TEST_POSTGRES holds a connection
/// string to a server (./test.sh starts a throwaway one), a fresh PostgreSQL database. Either is dropped after.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public static string? PostgresServer => Environment.GetEnvironmentVariable("ONEWINDOW_TEST_POSTGRES") is { Length: > 0 } s ? s : null;
    public static bool IsPostgres => PostgresServer is not null;

    public string Provider { get; }
    public string ConnectionString { get; }
    private readonly string? _file;
    private readonly string? _databaseName;

    public TestDatabase()
    {
        if (PostgresServer is { } server)
        {
            _databaseName = "ow_test_" + Guid.NewGuid().ToString("N")[..16];
            using (var admin = new NpgsqlConnection(server))
            {
                admin.Open();
                using var cmd = admin.CreateCommand();
                cmd.CommandText = $"CREATE DATABASE \"{_databaseName}\"";
                cmd.ExecuteNonQuery();
            }
            Provider = "Postgres";
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = _databaseName, Pooling = true }.ConnectionString;
        }
        else
        {
            _file = Path.Combine(Path.GetTempPath(), "onewindow-test-" + Guid.NewGuid().ToString("N") + ".db");
            Provider = "Sqlite";
            ConnectionString = $"Data Source={_file};Pooling=False";
        }
    }

    public void Dispose()
    {
        if (_databaseName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var admin = new NpgsqlConnection(PostgresServer);
            admin.Open();
            using var cmd = admin.CreateCommand();
            cmd.CommandText = $"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)";
            cmd.ExecuteNonQuery();
        }
        if (_file is not null)
        {
            foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" })
            {
                try { File.Delete(f); } catch (IOException) { }
            }
        }
    }
}
