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
            case "migrate":
                await app.PrepareDatabaseAsync();
                Console.WriteLine("Database migrated and seeded.");
                return true;
            default:
                return false;
        }
    }
}
