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
        services.AddDbContext<OneWindowDbContext>(options => Configure(options, provider, connectionString));
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
}
