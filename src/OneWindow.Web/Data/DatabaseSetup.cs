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
            connectionString = WithPreparedStatements(connectionString); // once, not per context
        }
        // Pooled: building a context and its options per request showed in the profile of every small request.
        services.AddDbContextPool<OneWindowDbContext>((app, options) => Configure(options.UseApplicationServiceProvider(app), provider, connectionString));
        services.AddScoped<SchemaMigrator>();
        services.AddScoped<DatabaseBackup>();
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(connectionString);
        }
        else
        {
            options.UseSqlite(connectionString);
        }
    }

    /// <summary>
    /// Lets Npgsql prepare the statements a connection runs again and again (ADR 0013): every request runs the same
    /// few dozen queries, and unprepared each one is parsed and planned anew, which measured as more than a third of
    /// PostgreSQL's CPU per registration. An operator's own <c>Max Auto Prepare</c> (even 0) is kept.
    /// </summary>
    public static string WithPreparedStatements(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.ContainsKey("Max Auto Prepare") || given.ContainsKey("MaxAutoPrepare"))
        {
            return connectionString;
        }
        return new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = PreparedStatementsPerConnection }.ConnectionString;
    }

    /// <summary>More than the distinct statements of the busiest paths (intake, actions, inbox, sweep), so they stay prepared.</summary>
    public const int PreparedStatementsPerConnection = 128;
}
