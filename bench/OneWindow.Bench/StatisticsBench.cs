using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Statistics;

namespace OneWindow.Bench;

/// <summary>
/// Issue 20's report over the kept daily figures, on the generated case load (<c>--load</c>): the figures are first
/// built from the cases by the check's repair, year by year, as an upgraded database would be; then the report's API for
/// a quarter by department and for a year by town is measured against two other sides in the same run — its ceiling,
/// the report's own statements sent raw (the grouped sums of the kept rows for the period, the previous period and the
/// year before, the stock in hand at each period's end (the month rows before its month and that month's days), the labels), and the figure to beat, the same counts taken
/// from the cases themselves by a raw scan.
/// </summary>
public static class StatisticsBench
{
    /// <summary>Up to this many cases the figures are built by the check's repair, as an upgrade would; above, in one pass (<see cref="KeptFiguresLoad"/>).</summary>
    private const long CheckedLoad = 200_000;

    public static async Task<IReadOnlyList<Scenario>> RunAsync(IServiceProvider services, BenchDatabase database, string baseUrl, int samples)
    {
        var q = BenchDatabase.Quote;
        var results = new List<Scenario>();
        var scanSamples = Math.Min(samples, 20);
        await using var raw = database.OpenRawConnection();
        await raw.OpenAsync();

        // 1. The kept figures of every generated case, year by year (the check holds a year's cases' contributions at once).
        DateTime first, last;
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
            first = await db.Cases.Where(c => c.ReceivedAt != null).MinAsync(c => c.ReceivedAt!.Value);
            last = await db.Cases.Where(c => c.ReceivedAt != null).MaxAsync(c => c.ReceivedAt!.Value);
        }
        var total = await BenchSql.ScalarAsync(raw, $"SELECT COUNT(*) FROM {q("Cases")}");
        var kept = await BenchSql.ScalarAsync(raw, $"SELECT COUNT(*) FROM {q("DailyFigures")}");
        if (database.Reused && long.Parse(kept!, CultureInfo.InvariantCulture) > 0)
        {
            // A kept data set keeps its figures (built when it was generated); the case scenarios' registrations, deleted
            // after them, leave today's rows a few thousand cases too high, which no period measured here contains.
            Console.WriteLine($"kept figures as the data set keeps them: {long.Parse(kept!, CultureInfo.InvariantCulture):N0} rows");
            scanSamples = long.Parse(total!, CultureInfo.InvariantCulture) > 2_000_000 ? 3 : scanSamples;
        }
        else if (long.Parse(total!, CultureInfo.InvariantCulture) <= CheckedLoad)
        {
            var built = Stopwatch.StartNew();
            var casesRead = 0;
            for (var y = ChinaTime.DateOf(first).Year; y <= ChinaTime.DateOf(last).Year; y++)
            {
                using var scope = services.CreateScope();
                var check = await scope.ServiceProvider.GetRequiredService<CheckFigures>().RunAsync(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31), repair: true, CancellationToken.None);
                casesRead += check.CasesRead;
            }
            var keptRows = await BenchSql.ScalarAsync(raw, $"SELECT COUNT(*) FROM {q("DailyFigures")}");
            Console.WriteLine($"kept figures built from the cases by check-figures --repair: {casesRead:N0} case-years read in {built.Elapsed.TotalSeconds:F1} s, {long.Parse(keptRows!, CultureInfo.InvariantCulture):N0} kept rows");
        }
        else
        {
            var (cases, rows, took) = await KeptFiguresLoad.BuildAsync(services, database);
            scanSamples = cases > 2_000_000 ? 3 : scanSamples; // a scan of ten million cases takes seconds
            Console.WriteLine($"kept figures built from the cases in one pass (CaseContribution, bulk-written): {cases:N0} cases read in {took.TotalSeconds:F1} s, {rows:N0} kept rows");
        }

        using var leader = await CaseLoadBench.SignInAsync(baseUrl, "supervisor");
        var today = ChinaTime.DateOf(DateTime.UtcNow);
        var thisQuarter = ReportPeriod.Quarter(today.Year, (today.Month - 1) / 3 + 1);
        var quarter = thisQuarter.Previous();
        var year = ReportPeriod.Year(today.Year - 1);

        foreach (var (period, by, level) in new[] { (quarter, Breakdown.Department, 9), (year, Breakdown.Region, 9), (year, Breakdown.Region, 12) })
        {
            var url = $"/api/v1/statistics/report?period={period.Name}&by={by}" + (by == Breakdown.Region ? $"&level={level}" : "");
            var keyColumn = by == Breakdown.Department ? "DepartmentId" : "RegionCode";
            var periods = new[] { period, period.Previous(), period.YearBefore() };
            var sumsSql = $"SELECT {q(keyColumn)}, {string.Join(", ", DailyFigure.MeasureColumns.Select(m => $"SUM({q(m)})"))}, " +
                $"SUM(CASE WHEN {q("Channel")} = {(int)CaseChannel.Online} THEN {q("Received")} ELSE 0 END) " +
                $"FROM {q("DailyFigures")} WHERE {q("Day")} >= @from AND {q("Day")} <= @to GROUP BY {q(keyColumn)}";
            // The stock in hand at each period's end as the report reads it (ADR 0035): the month rows before the end's month, then that month's days.
            var stockMonthsSql = $"SELECT {q(keyColumn)}, SUM({q("Received")} - {q("Closed")}) FROM {q("StockMonths")} WHERE {q("Month")} < @first GROUP BY {q(keyColumn)}";
            var stockDaysSql = $"SELECT {q(keyColumn)}, SUM({q("Received")} - {q("Closed")}) FROM {q("DailyFigures")} WHERE {q("Day")} >= @first AND {q("Day")} <= @to GROUP BY {q(keyColumn)}";
            var labelsSql = by == Breakdown.Department
                ? $"SELECT {q("Id")}, {q("Name")} FROM {q("Departments")}"
                : level == 9
                    ? $"SELECT {q("Code")}, {q("Name")} FROM {q("Regions")} WHERE {q("Code")} LIKE '431025___000'" // the county and its towns, the rows' keys
                    : $"SELECT {q("Code")}, {q("Name")} FROM {q("Regions")} WHERE {q("Code")} LIKE '431025%'"; // and its villages
            var ceiling = await Measure.RunAsync($"raw SQL: the report's statements over the kept rows, {period.Name} by {by}{(by == Breakdown.Region ? $" (level {level})" : "")} (ceiling)", samples, async () =>
            {
                foreach (var p in periods)
                {
                    await BenchSql.QueryAsync(raw, sumsSql, ("@from", Day(database, p.From)), ("@to", Day(database, p.To)));
                    var first = new DateOnly(p.To.Year, p.To.Month, 1);
                    await BenchSql.QueryAsync(raw, stockMonthsSql, ("@first", Day(database, first)));
                    await BenchSql.QueryAsync(raw, stockDaysSql, ("@first", Day(database, first)), ("@to", Day(database, p.To)));
                }
                await BenchSql.QueryAsync(raw, labelsSql);
            });
            results.Add(ceiling);

            // The figure to beat: received, concluded and on time by the same key counted from the cases of the three
            // periods, and the cases in hand at each period's end, each a scan of the cases.
            var caseKey = by == Breakdown.Department ? $"c.{q("DepartmentId")}" : $"SUBSTR(COALESCE(v.{q("RegionCode")}, c.{q("RegionCode")}), 1, {level})";
            var scanSql = $"SELECT {caseKey}, SUM(CASE WHEN c.{q("ReceivedAt")} >= @start AND c.{q("ReceivedAt")} < @end THEN 1 ELSE 0 END), " +
                $"SUM(CASE WHEN c.{q("Status")} = {(int)CaseStatus.Concluded} AND c.{q("ConcludedAt")} >= @start AND c.{q("ConcludedAt")} < @end THEN 1 ELSE 0 END), " +
                $"SUM(CASE WHEN c.{q("Status")} = {(int)CaseStatus.Concluded} AND c.{q("ConcludedAt")} >= @start AND c.{q("ConcludedAt")} < @end AND (c.{q("PromisedDueAt")} IS NULL OR c.{q("DecidedAt")} <= c.{q("PromisedDueAt")}) THEN 1 ELSE 0 END), " +
                $"SUM(CASE WHEN c.{q("ConcludedAt")} IS NULL OR c.{q("ConcludedAt")} >= @end THEN 1 ELSE 0 END) " +
                $"FROM {q("Cases")} c LEFT JOIN {q("Venues")} v ON v.{q("Id")} = c.{q("ReceivingVenueId")} " +
                $"WHERE c.{q("ParentCaseId")} IS NULL AND c.{q("ReceivedAt")} < @end GROUP BY {caseKey}";
            var scan = await Measure.RunAsync($"raw SQL: the same counts scanned from the cases, {period.Name} by {by}{(by == Breakdown.Region ? $" (level {level})" : "")} (to beat)", scanSamples, async () =>
            {
                foreach (var p in periods)
                {
                    await BenchSql.QueryAsync(raw, scanSql, ("@start", Instant(database, ChinaTime.StartOfDayUtc(p.From))), ("@end", Instant(database, ChinaTime.StartOfDayUtc(p.To.AddDays(1)))));
                }
            });
            results.Add(scan);

            var app = await Measure.RunAsync($"GET {url}", samples, () => CaseLoadBench.GetAsync(leader, url));
            results.Add(app.Against(ceiling));
            results.Add((app with { Name = "  the same against the scan of the cases" }).Against(scan));
        }

        // The assessment by department of the last quarter and of a year, read from the kept figures (the issue: a year
        // under a second), each against its own two grouped sums sent raw (the case figures and the service figures of
        // the period, by department).
        var caseSums = $"SELECT {q("DepartmentId")}, SUM({q("Decided")}), SUM({q("OnTime")}), SUM({q("WorkingDays")}), SUM({q("StatutoryDays")} + {q("ExtensionDays")}), " +
            $"SUM({q("Received")}), SUM({q("AcceptedPromptly")}) FROM {q("DailyFigures")} WHERE {q("Day")} >= @from AND {q("Day")} <= @to GROUP BY {q("DepartmentId")}";
        var serviceSums = $"SELECT {q("DepartmentId")}, SUM({q("Reminders")}), SUM({q("YellowCards")}), SUM({q("RedCards")}), SUM({q("ComplaintsUpheld")}), SUM({q("BadRatings")}) " +
            $"FROM {q("DailyServiceFigures")} WHERE {q("Day")} >= @from AND {q("Day")} <= @to GROUP BY {q("DepartmentId")}";
        foreach (var period in new[] { quarter, year })
        {
            var assessUrl = $"/supervision/assessment?period={period.Name}&kind=Department";
            var assessCeiling = await Measure.RunAsync($"raw SQL: the assessment's sums over the kept rows, {period.Name} by department (ceiling)", samples, async () =>
            {
                await BenchSql.QueryAsync(raw, caseSums, ("@from", Day(database, period.From)), ("@to", Day(database, period.To)));
                await BenchSql.QueryAsync(raw, serviceSums, ("@from", Day(database, period.From)), ("@to", Day(database, period.To)));
            });
            results.Add(assessCeiling);
            results.Add((await Measure.RunAsync($"GET {assessUrl} (HTML)", Math.Min(samples, 50), () => CaseLoadBench.GetAsync(leader, assessUrl))).Against(assessCeiling));
        }
        return results;
    }

    private static object Day(BenchDatabase database, DateOnly day) =>
        database.Provider == "Postgres" ? day : day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object Instant(BenchDatabase database, DateTime at) =>
        database.Provider == "Postgres" ? at : at.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}
