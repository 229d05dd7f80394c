using Npgsql;

namespace OneWindow.Web.Tests.Infrastructure;

/// <summary>
/// Where a test host keeps its data: a fresh SQLite file, or, when ONEWINDOW_TEST_POSTGRES holds a connection
/// string to a server (./test.sh starts a throwaway one), a fresh PostgreSQL database. Either is dropped after.
/// A host of the demo county starts from a copy of one seeded database (<see cref="SeededCopy"/>) instead of
/// migrating and seeding its own: that was most of each host's start, and a hundred hosts start in one run.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public static string? PostgresServer => Environment.GetEnvironmentVariable("ONEWINDOW_TEST_POSTGRES") is { Length: > 0 } s ? s : null;
    public static bool IsPostgres => PostgresServer is not null;

    public string Provider { get; }
    public string ConnectionString { get; }
    private readonly string? _file;
    private readonly string? _databaseName;

    /// <summary>An empty database: the app migrates and seeds it on start.</summary>
    public TestDatabase() : this(template: null) { }

    /// <summary>
    /// A copy of a database the app has migrated and seeded with the demo county (with the tests' settings and clock),
    /// made once per test process. Its start then finds every script applied and the county there.
    /// </summary>
    public static TestDatabase SeededCopy() => new(SeededTemplate.Value);

    private TestDatabase(TestDatabase? template)
    {
        if (PostgresServer is { } server)
        {
            _databaseName = "ow_test_" + Guid.NewGuid().ToString("N")[..16];
            var create = template is null
                ? $"CREATE DATABASE \"{_databaseName}\""
                : $"CREATE DATABASE \"{_databaseName}\" TEMPLATE \"{template._databaseName}\"";
            CreateDatabase(server, create);
            Provider = "Postgres";
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = _databaseName, Pooling = true }.ConnectionString;
        }
        else
        {
            _file = Path.Combine(Path.GetTempPath(), "onewindow-test-" + Guid.NewGuid().ToString("N") + ".db");
            if (template is not null)
            {
                File.Copy(template._file!, _file);
                if (File.Exists(template._file + "-wal"))
                {
                    File.Copy(template._file + "-wal", _file + "-wal");
                }
            }
            Provider = "Sqlite";
            ConnectionString = $"Data Source={_file};Pooling=False";
        }
    }

    private static readonly Lazy<TestDatabase> SeededTemplate = new(MakeSeededTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    private static TestDatabase MakeSeededTemplate()
    {
        var template = new TestDatabase();
        using (var host = OneWindowFactory.On(template))
        {
            _ = host.Services; // starts the app: every schema script, the roles, the calendar, the demo county
        }
        // The pooled connections' sessions would keep PostgreSQL from copying the database; SQLite's connections are
        // not pooled and the last one to close folds its write-ahead log into the file.
        NpgsqlConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => template.Dispose();
        return template;
    }

    private static void CreateDatabase(string server, string statement)
    {
        // PostgreSQL refuses to copy a template while another session is on it; an autovacuum worker may be for a moment.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var admin = new NpgsqlConnection(server);
                admin.Open();
                using var cmd = admin.CreateCommand();
                cmd.CommandText = statement;
                cmd.ExecuteNonQuery();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                Thread.Sleep(250);
            }
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
