using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Data;

namespace OneWindow.Web;

/// <summary>
/// Administrative commands run instead of the web server:
/// <c>dotnet run --project src/OneWindow.Web -- &lt;command&gt;</c>.
/// </summary>
internal static class Commands
{
    /// <summary>The flags of the commands themselves; any other <c>--name</c> is a host setting whose value follows it (<c>--contentRoot /srv/app</c>).</summary>
    private static readonly HashSet<string> Flags = ["--repair"];

    /// <summary>
    /// The command and its arguments: what is neither an option, nor a <c>name=value</c> setting, nor the value of a
    /// host setting given as <c>--name value</c> (which would otherwise count as one more argument, and a command
    /// expecting exactly two would not run).
    /// </summary>
    internal static string[] Positional(string[] args)
    {
        var positional = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                if (!a.Contains('=', StringComparison.Ordinal) && !Flags.Contains(a) && i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    i++; // its value
                }
                continue;
            }
            if (!a.Contains('=', StringComparison.Ordinal))
            {
                positional.Add(a);
            }
        }
        return [.. positional];
    }

    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        var positional = Positional(args);
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
                // Checks every record of every sealed kind against its seals (for a case: the sealed chain, the row's
                // count and last seal, the facts the events establish), one at a time in key order; exits non-zero on any break.
                var keys = scope.ServiceProvider.GetRequiredService<Infrastructure.RecordKeyStore>().Ring;
                var broken = 0;
                foreach (var kind in scope.ServiceProvider.GetServices<Infrastructure.ISealedRecordKind>())
                {
                    var checkedRecords = 0;
                    var brokenOfKind = 0;
                    await foreach (var record in kind.VerifyAllAsync(keys, CancellationToken.None))
                    {
                        checkedRecords++;
                        if (!record.Result.IsIntact)
                        {
                            brokenOfKind++;
                            Console.WriteLine($"BROKEN {record.Record}: {record.Result.Problem}");
                        }
                    }
                    broken += brokenOfKind;
                    Console.WriteLine($"{checkedRecords} {kind.Name} checked, {brokenOfKind} broken records.");
                }
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
            case "load-notice" when positional.Length >= 2:
                await app.PrepareDatabaseAsync();
                await LoadNoticeAsync(app, positional[1], positional.Length > 2 ? string.Join(' ', positional[2..]) : null,
                    args.FirstOrDefault(a => a.StartsWith("--year=", StringComparison.Ordinal))?["--year=".Length..]);
                return true;
            case "check-figures" when positional.Length >= 3:
                // On a live, migrated database (run `migrate` first after an upgrade).
                await CheckFiguresAsync(app, positional[1], positional[2], args.Contains("--repair"));
                return true;
            case "migrate":
                await app.PrepareDatabaseAsync();
                Console.WriteLine("Database migrated and seeded.");
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// <c>check-figures &lt;from&gt; &lt;to&gt; [--repair]</c> (days, <c>2026-10-01</c>): recounts the kept daily figures of the
    /// period from the cases and prints every row that differs; with <c>--repair</c> corrects them and the cases'
    /// remembered contributions (ADR 0024), then the month and year rows of the months and years the period touches
    /// against their days' rows (ADR 0038). After an upgrade to schema 0027, run it once over the whole history with
    /// <c>--repair</c> to bring in the cases that moved before. Exits 1 when it found differences and did not repair them.
    /// </summary>
    private static async Task CheckFiguresAsync(WebApplication app, string from, string to, bool repair)
    {
        if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", out var first) || !DateOnly.TryParseExact(to, "yyyy-MM-dd", out var last) || last < first)
        {
            await Console.Error.WriteLineAsync("Usage: check-figures <from yyyy-MM-dd> <to yyyy-MM-dd> [--repair]");
            Environment.ExitCode = 2;
            return;
        }
        using var scope = app.Services.CreateScope();
        var check = await scope.ServiceProvider.GetRequiredService<Modules.Statistics.CheckFigures>().RunAsync(first, last, repair, CancellationToken.None);
        foreach (var d in check.Differences)
        {
            Console.WriteLine($"{(check.Repaired ? "REPAIRED" : "DIFFERS")} {d.Key.Day:yyyy-MM-dd} department {d.Key.DepartmentId} item {d.Key.ItemCode} venue {d.Key.VenueId} window {d.Key.WindowId} {d.Key.Channel} region {d.Key.RegionCode}: kept [{d.Kept}] counted [{d.Counted}]");
        }
        foreach (var d in check.StaffDifferences)
        {
            Console.WriteLine($"{(check.Repaired ? "REPAIRED" : "DIFFERS")} {d}");
        }
        Console.WriteLine($"{first:yyyy-MM-dd}..{last:yyyy-MM-dd}: {check.CasesRead} cases read, {check.RowsCompared} kept rows compared, {check.Differences.Count} rows differ, {check.StaffDifferences.Count} staff rows differ, " +
            $"{check.StatesCorrected} case contributions {(check.Repaired ? "corrected" : "differ")}{(check.Repaired ? "; repaired." : ".")}");
        // The month and year rows (ADR 0038) of the months and years the period touches, against their days' rows.
        foreach (var d in check.PeriodDifferences)
        {
            var span = d.Span switch
            {
                Modules.Statistics.FigureSpan.Month => $"month {d.Key.Day:yyyy-MM}",
                Modules.Statistics.FigureSpan.TenDays => $"ten days {d.Key.Day:yyyy-MM-dd}",
                _ => $"year {d.Key.Day:yyyy}",
            };
            Console.WriteLine($"{(check.Repaired ? "REPAIRED" : "DIFFERS")} {span} department {d.Key.DepartmentId} item {d.Key.ItemCode} venue {d.Key.VenueId} window {d.Key.WindowId} {d.Key.Channel} region {d.Key.RegionCode}: kept [{d.Kept}] days' rows [{d.Days}]");
        }
        Console.WriteLine($"{check.PeriodDifferences.Count} ten-day, month and year rows differ from their days{(check.Repaired && check.PeriodDifferences.Count > 0 ? "; repaired." : ".")}");
        // The stock in hand kept at the months' ends (ADR 0044), from the period's month on, against the month and year rows.
        foreach (var d in check.StockDifferences)
        {
            Console.WriteLine($"{(check.Repaired ? "REPAIRED" : "DIFFERS")} {d}");
        }
        Console.WriteLine($"{check.StockDifferences.Count} month-end stock rows differ from the figures{(check.Repaired && check.StockDifferences.Count > 0 ? "; repaired." : ".")}");
        // The service figures (ratings, alerts, upheld complaints; ADR 0030) of the same period.
        var service = await scope.ServiceProvider.GetRequiredService<Modules.Statistics.CheckServiceFigures>().RunAsync(first, last, repair, CancellationToken.None);
        foreach (var d in service.Differences)
        {
            Console.WriteLine($"{(service.Repaired ? "REPAIRED" : "DIFFERS")} service {d.Key.Day:yyyy-MM-dd} department {d.Key.DepartmentId} item {d.Key.ItemCode} venue {d.Key.VenueId} window {d.Key.WindowId} {d.Key.Channel} region {d.Key.RegionCode}: kept [{d.Kept}] counted [{d.Counted}]");
        }
        Console.WriteLine($"{first:yyyy-MM-dd}..{last:yyyy-MM-dd}: {service.RecordsRead} ratings, alerts and complaints read, {service.RowsCompared} kept service rows compared, " +
            $"{service.Differences.Count} service rows differ{(service.Repaired ? "; repaired." : ".")}");
        // The work-order figures (ADR 0032) of the same period, recounted from the orders' events.
        var hotline = await scope.ServiceProvider.GetRequiredService<Modules.Hotline.Report.CheckHotlineFigures>().RunAsync(first, last, repair, CancellationToken.None);
        foreach (var d in hotline.Differences)
        {
            Console.WriteLine($"{(hotline.Repaired ? "REPAIRED" : "DIFFERS")} hotline {d.Key.Day:yyyy-MM-dd} {d.Key.Dimension} {d.Key.Member}: kept [{d.Kept}] counted [{d.Counted}]");
        }
        foreach (var d in hotline.MonthDifferences)
        {
            Console.WriteLine($"{(hotline.Repaired ? "REPAIRED" : "DIFFERS")} hotline month {d.Key.Day:yyyy-MM} {d.Key.Dimension} {d.Key.Member}: kept [{d.Kept}] counted [{d.Counted}]");
        }
        // The hotline check reads whole months (its month rows are compared whole, ADR 0040).
        Console.WriteLine($"{hotline.From:yyyy-MM-dd}..{hotline.To:yyyy-MM-dd}: {hotline.OrdersRead} work orders read, {hotline.RowsCompared} kept hotline rows compared, " +
            $"{hotline.Differences.Count} hotline day rows and {hotline.MonthDifferences.Count} month rows differ{(hotline.Repaired ? "; repaired." : ".")}");
        // The fee figures by fee item (ADR 0039) of the same period, recounted from the cases paid in it.
        var fees = await scope.ServiceProvider.GetRequiredService<Modules.Statistics.CheckFeeFigures>().RunAsync(first, last, repair, CancellationToken.None);
        foreach (var d in fees.Differences)
        {
            Console.WriteLine($"{(fees.Repaired ? "REPAIRED" : "DIFFERS")} fee {d.Key.Day:yyyy-MM-dd} department {d.Key.DepartmentId} item {d.Key.ItemCode} fee {d.Key.FeeName} venue {d.Key.VenueId} region {d.Key.RegionCode}: kept [{d.Kept}] counted [{d.Counted}]");
        }
        Console.WriteLine($"{first:yyyy-MM-dd}..{last:yyyy-MM-dd}: {fees.CasesRead} cases read for fees, {fees.RowsCompared} kept fee rows compared, " +
            $"{fees.Differences.Count} fee rows differ{(fees.Repaired ? "; repaired." : ".")}");
        Environment.ExitCode = (check.Agrees || check.Repaired) && (service.Agrees || service.Repaired) && (hotline.Agrees || hotline.Repaired)
            && (fees.Agrees || fees.Repaired) ? 0 : 1;
    }

    /// <summary>
    /// <c>load-notice &lt;file&gt; [reference] [--year=2027]</c>: a year's holiday notice from a holiday-cn <c>{year}.json</c> or
    /// lines of <c>日期,休|班,节日</c>, loaded as the admin page does; then the recount of open due dates runs to its end and
    /// the records it moved are printed, for the center to tell the applicants.
    /// </summary>
    private static async Task LoadNoticeAsync(WebApplication app, string file, string? reference, string? yearOption)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        try
        {
            var (yearInFile, days) = Modules.Calendar.HolidayNoticeText.Parse(await File.ReadAllTextAsync(file));
            var year = int.TryParse(yearOption, out var y) ? y : yearInFile
                ?? throw new Domain.DomainRuleException("calendar.notice-year", "请用 --year= 说明通知所属的年份。", "year");
            var change = await services.GetRequiredService<Modules.Calendar.LoadHolidayNotice>().LoadAsync(
                new Modules.Calendar.HolidayNoticeRequest(year, reference ?? $"国务院办公厅关于{year}年部分节假日安排的通知", days), "command-line", CancellationToken.None);
            await services.GetRequiredService<Modules.Calendar.Changes.CalendarChangeWorker>().RunUntilDoneAsync(CancellationToken.None);
            var list = services.GetRequiredService<Modules.Calendar.Changes.CalendarChangeList>();
            var view = await list.GetAsync(change.Id, CancellationToken.None);
            Console.WriteLine($"{year}: {days.Count} days loaded; {view.RecordsChecked} open records recounted, {view.RecordsMoved} moved (/admin/calendar/changes/{change.Id}).");
            await list.WriteCsvAsync(change.Id, Console.OpenStandardOutput(), CancellationToken.None, byteOrderMark: false);
        }
        catch (Domain.DomainRuleException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            Environment.ExitCode = 1;
        }
    }
}
