using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace OneWindow.Web.Data;

/// <summary>
/// Backup and restore of the whole database. SQLite: an online, consistent copy with <c>VACUUM INTO</c> (writers may
/// go on meanwhile), restored by putting the copy in place while the app is stopped. PostgreSQL: <c>pg_dump</c> in its
/// custom format and <c>pg_restore --clean</c>, the tools of the server's own version (see docs/deploy.md for WAL
/// archiving and point-in-time recovery, which a production server needs as well).
/// </summary>
public sealed class DatabaseBackup(OneWindowDbContext db, ILogger<DatabaseBackup> logger)
{
    public async Task BackupAsync(string file, CancellationToken ct)
    {
        var path = Path.GetFullPath(file);
        if (File.Exists(path))
        {
            throw new InvalidOperationException($"{path} exists already; a backup never overwrites a file.");
        }
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlAsync($"VACUUM INTO {path}", ct);
        }
        else
        {
            await RunAsync("pg_dump", ["--format=custom", "--no-owner", "--file", path], ct);
        }
        logger.LogInformation("Backed up the database to {File} ({Bytes} bytes)", path, new FileInfo(path).Length);
    }

    public async Task RestoreAsync(string file, CancellationToken ct)
    {
        var path = Path.GetFullPath(file);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} does not exist.");
        }
        if (db.Database.IsSqlite())
        {
            var target = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            SqliteConnection.ClearAllPools();
            foreach (var side in new[] { target + "-wal", target + "-shm" })
            {
                File.Delete(side);
            }
            File.Copy(path, target, overwrite: true);
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
            await RunAsync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", path], ct);
        }
        logger.LogInformation("Restored the database from {File}", path);
    }

    /// <summary>Runs a PostgreSQL client tool against the configured database; the password goes by environment, not on the command line.</summary>
    private async Task RunAsync(string tool, IReadOnlyList<string> args, CancellationToken ct)
    {
        var cs = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args.Concat(["--host", cs.Host ?? "localhost", "--port", cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--username", cs.Username ?? "postgres", "--dbname", cs.Database ?? "postgres"]))
        {
            start.ArgumentList.Add(a);
        }
        if (!string.IsNullOrEmpty(cs.Password))
        {
            start.Environment["PGPASSWORD"] = cs.Password;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await errors}");
        }
    }
}
