using Microsoft.EntityFrameworkCore;

namespace OneWindow.Web.Data;

public enum DatabaseProvider
{
    Sqlite = 1,
    Postgres = 2,
}

/// <summary>Chooses SQLite (the embedded default) or PostgreSQL from configuration.</summary>
public static class DatabaseSetup
{
    public static DatabaseProvider ProviderOf(IConfiguration configuration) =>
        string.Equals(configuration["Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;

    public static IServiceCollection AddOneWindowDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = ProviderOf(configuration);
        var connectionString = configuration.GetConnectionString("OneWindow");
        if (provider == DatabaseProvider.Sqlite)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                var dataDir = Path.Combine(contentRoot, "data");
                Directory.CreateDirectory(dataDir);
                connectionString = $"Data Source={Path.Combine(dataDir, "onewindow.db")}";
            }
            services.AddSingleton<SqliteWriteGate>();
        }
        else if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:OneWindow is empty.");
        }
        if (provider == DatabaseProvider.Postgres)
        {
            connectionString = WithConnectionDefaults(connectionString); // once, not per context
        }
        // Pooled: building a context and its options per request showed in the profile of every small request.
        services.AddSingleton<SealRecordsInterceptor>();
        services.AddDbContextPool<OneWindowDbContext>((app, options) =>
        {
            Configure(options.UseApplicationServiceProvider(app), provider, connectionString);
            options.AddInterceptors(app.GetRequiredService<SealRecordsInterceptor>());
            // What modules keep in the transaction of any save (the statistics' service figures, ADR 0030).
            options.AddInterceptors(app.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor>());
        });
        services.AddScoped<WriteUnit>();
        services.AddScoped<SchemaMigrator>();
        services.AddScoped<DatabaseBackup>();
        // The keys that seal records live outside the database (ADR 0017); every context seals new events with them.
        services.AddSingleton<Infrastructure.RecordKeyStore>();
        services.AddScoped<Infrastructure.RecordKeyCheck>();
        return services;
    }

    private static readonly SqliteWriteGateInterceptor GateInterceptor = new();

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(connectionString);
        }
        else
        {
            options.UseSqlite(connectionString);
            options.AddInterceptors(GateInterceptor);
        }
    }

    /// <summary>
    /// The pool settings the app's PostgreSQL connections run best with (ADR 0013), each added only when the operator
    /// has not set it (even to switch it off):
    /// <list type="bullet">
    /// <item><c>Max Auto Prepare</c>: every request runs the same few dozen statements, and unprepared each one is
    /// parsed and planned anew, which measured as more than a third of PostgreSQL's CPU per registration.</item>
    /// <item><c>No Reset On Close</c>: a connection handed back to the pool is not reset with seven commands before its
    /// next use. The app keeps no session state on a connection: no SET, temporary table, cursor or LISTEN, and the
    /// two session advisory locks (the sweep's and the migrator's) are released before the connection goes back.</item>
    /// </list>
    /// </summary>
    public static string WithConnectionDefaults(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var used = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            used.MaxAutoPrepare = PreparedStatementsPerConnection;
        }
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            used.NoResetOnClose = true;
        }
        return used.ConnectionString;
    }

    /// <summary>More than the distinct statements of the busiest paths (intake, actions, inbox, sweep), so they stay prepared.</summary>
    public const int PreparedStatementsPerConnection = 128;
}
