using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Data;

namespace OneWindow.Web;

/// <summary>
/// Administrative commands run instead of the web server:
/// <c>dotnet run --project src/OneWindow.Web -- &lt;command&gt;</c>.
/// </summary>
internal static class Commands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        var positional = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) && !a.Contains('=', StringComparison.Ordinal)).ToArray();
        if (positional.Length == 0)
        {
            return false;
        }
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
        switch (positional[0])
        {
            case "schema-script":
                // Prints the schema EF Core would create for the configured provider: the starting point of a new migration script.
                Console.WriteLine(db.Database.GenerateCreateScript());
                return true;
            case "import-county" when positional.Length == 2:
                await app.PrepareDatabaseAsync();
                using (var importScope = app.Services.CreateScope())
                {
                    var result = await importScope.ServiceProvider.GetRequiredService<Modules.Organization.ImportCounty>().RunAsync(positional[1], "command-line");
                    Console.WriteLine($"{result.CountyName} ({result.CountyCode}): {result.Towns} towns, {result.Villages} villages, {result.Added} added.");
                }
                return true;
            case "verify-chains":
                // Checks every case against its record (the sealed chain, the row's count and last seal, the facts the
                // events establish), a case at a time in key order; exits non-zero on any break.
                var keys = scope.ServiceProvider.GetRequiredService<Infrastructure.RecordKeyStore>().Ring;
                var broken = 0;
                var checkedCases = 0;
                Guid? after = null;
                while (true)
                {
                    var cases = await db.Cases.AsNoTracking().Where(c => after == null || c.Id.CompareTo(after.Value) > 0)
                        .OrderBy(c => c.Id).Take(500).ToListAsync();
                    if (cases.Count == 0)
                    {
                        break;
                    }
                    foreach (var c in cases)
                    {
                        var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == c.Id).ToListAsync();
                        var result = Domain.Cases.CaseRecordCheck.Verify(c, events, keys);
                        checkedCases++;
                        if (!result.IsIntact)
                        {
                            broken++;
                            Console.WriteLine($"BROKEN {c.Number}: {result.Problem}");
                        }
                    }
                    after = cases[^1].Id;
                }
                Console.WriteLine($"{checkedCases} cases checked, {broken} broken records.");
                Environment.ExitCode = broken == 0 ? 0 : 1;
                return true;
            case "new-record-key":
                // Rotation: a new key in the key folder becomes the one that seals new events; the old keys stay to
                // verify what they sealed. Copy the new key file to every instance before restarting them (docs/deploy.md).
                var store = scope.ServiceProvider.GetRequiredService<Infrastructure.RecordKeyStore>();
                var id = store.Generate(TimeProvider.System);
                Console.WriteLine($"Made the record key {id} in {store.Folder}; it seals new events after the next start. Copy it to every instance and keep a copy apart from the database's backups.");
                return true;
            case "backup" when positional.Length == 2:
                await scope.ServiceProvider.GetRequiredService<DatabaseBackup>().BackupAsync(positional[1], CancellationToken.None);
                Console.WriteLine($"Backed up to {positional[1]}.");
                return true;
            case "restore" when positional.Length == 2:
                // Run with the app stopped: the backup replaces the whole database.
                await scope.ServiceProvider.GetRequiredService<DatabaseBackup>().RestoreAsync(positional[1], CancellationToken.None);
                Console.WriteLine($"Restored from {positional[1]}; run verify-chains to check every case's record.");
                return true;
            case "migrate":
                await app.PrepareDatabaseAsync();
                Console.WriteLine("Database migrated and seeded.");
                return true;
            default:
                return false;
        }
    }
}
