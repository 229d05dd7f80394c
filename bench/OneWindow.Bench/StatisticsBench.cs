using System.Data.Common;
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
/// year before, each split into whole years, months and leftover days (ADR 0038), the stock in hand at each end from the
/// stock kept at the last month's end before it and the days since (ADR 0044), the labels), and the figure to beat, the same counts taken
/// from the cases themselves by a raw scan. Then the assessment of departments and of staff (ADR 0043) for a quarter and a
/// year, each against its own reads sent raw, the staff's also against the cases and events it used to read.
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
            // The case scenarios' own moves (today's) are settled into it by the app; a day before today means it was built.
            if (await BenchSql.ScalarAsync(raw, $"SELECT COUNT(*) FROM {q("StaffFigures")} WHERE {q("Day")} < @today", ("@today", Day(database, ChinaTime.DateOf(DateTime.UtcNow)))) == "0")
            {
                // A data set kept before the staff figures existed (ADR 0043): built once, the case figures left as they stand.
                var (cases, rows, took) = await KeptFiguresLoad.BuildAsync(services, database, staffOnly: true);
                Console.WriteLine($"staff figures built from the cases and their events in one pass: {cases:N0} cases read in {took.TotalSeconds:F1} s, {rows:N0} rows");
            }
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

        // The stock in hand at every month's end (ADR 0044), as the settlement keeps it. The app's sweep keeps it at its
        // first pass; it is dropped here (under the settlement's lock, so no pass is halfway through it) and kept again by
        // a timed pass, which is what an upgrade to schema 0046 costs, and no measured request runs beside it.
        using (var scope = services.CreateScope())
        {
            var settle = scope.ServiceProvider.GetRequiredService<SettleCaseFigures>();
            var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
            await settle.SettledAsync(async (_, ct) =>
            {
                await db.Set<StockedMonth>().ExecuteDeleteAsync(ct);
                return await db.Set<MonthEndStock>().ExecuteDeleteAsync(ct);
            }, CancellationToken.None);
            var building = Stopwatch.StartNew();
            await settle.RunToEndAsync(CancellationToken.None);
            var months = await BenchSql.ScalarAsync(raw, $"SELECT COUNT(*) FROM {q("StockedMonths")}");
            var stockRows = await BenchSql.ScalarAsync(raw, $"SELECT COUNT(*) FROM {q("MonthEndStocks")}");
            Console.WriteLine($"stock in hand at the months' ends kept from the month rows by one settlement pass: {months} months, " +
                $"{long.Parse(stockRows!, CultureInfo.InvariantCulture):N0} rows in {building.Elapsed.TotalSeconds:F1} s");
        }

        using var leader = await CaseLoadBench.SignInAsync(baseUrl, "supervisor");
        var today = ChinaTime.DateOf(DateTime.UtcNow);
        var thisQuarter = ReportPeriod.Quarter(today.Year, (today.Month - 1) / 3 + 1);
        var quarter = thisQuarter.Previous();
        var year = ReportPeriod.Year(today.Year - 1);

        // Any from–to range: five weeks from mid-month to mid-month, so that every end (its own, the five weeks before, the
        // year before) falls inside a month: the stock is a month's end plus the days since, the flows mostly day rows.
        if (!ReportPeriod.TryParse($"{quarter.From.AddDays(14):yyyy-MM-dd}..{quarter.From.AddDays(50):yyyy-MM-dd}", out var range))
        {
            throw new InvalidOperationException("The range's text did not parse.");
        }
        foreach (var (period, by, level) in new[] { (quarter, Breakdown.Department, 9), (range, Breakdown.Department, 9), (year, Breakdown.Region, 9), (year, Breakdown.Region, 12) })
        {
            var url = $"/api/v1/statistics/report?period={period.Name}&by={by}" + (by == Breakdown.Region ? $"&level={level}" : "");
            var keyColumn = by == Breakdown.Department ? "DepartmentId" : "RegionCode";
            var periods = new[] { period, period.Previous(), period.YearBefore() };
            // The report's statements (ADR 0038): each period split into whole years, months and ten days and the days left over, the
            // year and month rows read in one grouped statement and the leftover days' rows in another, each only when the
            // split has some; the stock in hand from the stock kept at a month's end and the split of the days since.
            var measures = $"{string.Join(", ", DailyFigure.MeasureColumns.Select(m => $"SUM({q(m)})"))}, SUM(CASE WHEN {q("Channel")} = {(int)CaseChannel.Online} THEN {q("Received")} ELSE 0 END)";
            var open = $"SUM({q("Received")} - {q("Closed")})";
            string SpansSql(string what) => $"SELECT {q(keyColumn)}, {what} FROM {q("PeriodFigures")} WHERE {{0}} GROUP BY {q(keyColumn)}";
            string DaysSql(string what) => $"SELECT {q(keyColumn)}, {what} FROM {q("DailyFigures")} WHERE {{0}} GROUP BY {q(keyColumn)}";
            var labelsSql = by == Breakdown.Department
                ? $"SELECT {q("Id")}, {q("Name")} FROM {q("Departments")}"
                : level == 9
                    ? $"SELECT {q("Code")}, {q("Name")} FROM {q("Regions")} WHERE {q("Code")} LIKE '431025___000'" // the county and its towns, the rows' keys
                    : $"SELECT {q("Code")}, {q("Name")} FROM {q("Regions")} WHERE {q("Code")} LIKE '431025%'"; // and its villages
            var stockSql = $"SELECT {q(keyColumn)}, SUM({q("InHand")}) FROM {q("MonthEndStocks")} WHERE {q("Month")} = @month GROUP BY {q(keyColumn)}";
            async Task CeilingAsync()
            {
                // The months kept, then at each end the stock kept at the last month's end before it and what moved since
                // (as KeptSums.InHandAtAsync, ADR 0044).
                var first = await BenchSql.ScalarAsync(raw, $"SELECT CAST(MIN({q("Month")}) AS TEXT) FROM {q("StockedMonths")}");
                var lastKept = await BenchSql.ScalarAsync(raw, $"SELECT CAST(MAX({q("Month")}) AS TEXT) FROM {q("StockedMonths")}");
                var stocked = first is null || lastKept is null ? null
                    : new StockedMonths(DateOnly.ParseExact(first, "yyyy-MM-dd", CultureInfo.InvariantCulture), DateOnly.ParseExact(lastKept, "yyyy-MM-dd", CultureInfo.InvariantCulture));
                foreach (var end in periods.Select(p => p.To).Distinct().Order())
                {
                    var month = stocked?.LastEndedBy(end);
                    if (month is { } m)
                    {
                        await BenchSql.QueryAsync(raw, stockSql, ("@month", Day(database, m)));
                    }
                    var since = month is { } n ? MonthEndStock.EndOf(n).AddDays(1) : DateOnly.MinValue;
                    if (since <= end)
                    {
                        await SplitQueryAsync(raw, database, PeriodSplit.Of(since, end), SpansSql(open), DaysSql(open));
                    }
                }
                foreach (var p in periods)
                {
                    await SplitQueryAsync(raw, database, PeriodSplit.Of(p.From, p.To), SpansSql(measures), DaysSql(measures));
                }
                await BenchSql.QueryAsync(raw, labelsSql);
            }

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

            var (ceiling, app) = await Measure.PairAsync(samples,
                ($"raw SQL: the report's statements over the kept rows, {period.Name} by {by}{(by == Breakdown.Region ? $" (level {level})" : "")} (ceiling)", CeilingAsync),
                ($"GET {url}", () => CaseLoadBench.GetAsync(leader, url)));
            results.Add(ceiling);
            results.Add(app);
            results.Add((app with { Name = "  the same against the scan of the cases" }).Against(scan));
        }

        // The assessment by department of the last quarter and of a year, read from the kept figures (the issue: a year
        // under a second), each against its own two grouped sums sent raw (the case figures and the service figures of
        // the period, by department).
        // The assessment reads all the measures by department over the period's years, months and leftover days (ADR 0038), as the report does.
        var assessMeasures = $"{string.Join(", ", DailyFigure.MeasureColumns.Select(m => $"SUM({q(m)})"))}, SUM(CASE WHEN {q("Channel")} = {(int)CaseChannel.Online} THEN {q("Received")} ELSE 0 END)";
        var caseSpans = $"SELECT {q("DepartmentId")}, {assessMeasures} FROM {q("PeriodFigures")} WHERE {{0}} GROUP BY {q("DepartmentId")}";
        var caseDays = $"SELECT {q("DepartmentId")}, {assessMeasures} FROM {q("DailyFigures")} WHERE {{0}} GROUP BY {q("DepartmentId")}";
        var serviceSums = $"SELECT {q("DepartmentId")}, SUM({q("Reminders")}), SUM({q("YellowCards")}), SUM({q("RedCards")}), SUM({q("ComplaintsUpheld")}), SUM({q("BadRatings")}) " +
            $"FROM {q("DailyServiceFigures")} WHERE {q("Day")} >= @from AND {q("Day")} <= @to GROUP BY {q("DepartmentId")}";
        foreach (var period in new[] { quarter, year })
        {
            var assessUrl = $"/supervision/assessment?period={period.Name}&kind=Department";
            var (assessCeiling, assessApp) = await Measure.PairAsync(Math.Min(samples, 50),
                ($"raw SQL: the assessment's sums over the kept rows, {period.Name} by department (ceiling)", async () =>
                {
                    await SplitQueryAsync(raw, database, PeriodSplit.Of(period.From, period.To), caseSpans, caseDays);
                    await BenchSql.QueryAsync(raw, serviceSums, ("@from", Day(database, period.From)), ("@to", Day(database, period.To)));
                }),
                ($"GET {assessUrl} (HTML)", () => CaseLoadBench.GetAsync(leader, assessUrl)));
            results.Add(assessCeiling);
            results.Add(assessApp);
        }

        // The staff's assessment (ADR 0043), read from the kept staff figures and the period's alerts by handler, against
        // those two grouped reads sent raw; and against what it used to read, the period's cases with their deciding and
        // accepting events (the figure to beat; a quarter, as before).
        var staffSums = $"SELECT {q("ActorId")}, {string.Join(", ", DailyStaffFigure.MeasureColumns.Select(m => $"SUM({q(m)})"))} FROM {q("StaffFigures")} " +
            $"WHERE {q("Day")} >= @from AND {q("Day")} <= @to GROUP BY {q("ActorId")}";
        var alertSums = $"SELECT {q("HandlerId")}, {q("Severity")}, COUNT(*) FROM {q("SupervisionAlerts")} WHERE {q("RaisedAt")} >= @start AND {q("RaisedAt")} < @end GROUP BY {q("HandlerId")}, {q("Severity")}";
        var staffRows = await BenchSql.ScalarAsync(raw, $"SELECT COUNT(*) FROM {q("StaffFigures")}");
        Console.WriteLine($"kept staff figures: {long.Parse(staffRows!, CultureInfo.InvariantCulture):N0} rows");
        foreach (var period in new[] { quarter, year })
        {
            (string, object)[] days = [("@from", Day(database, period.From)), ("@to", Day(database, period.To)),
                ("@start", Instant(database, ChinaTime.StartOfDayUtc(period.From))), ("@end", Instant(database, ChinaTime.EndOfDayUtc(period.To)))];
            var staffCeiling = await Measure.RunAsync($"raw SQL: the staff figures and the alerts by handler, {period.Name} (ceiling)", samples, async () =>
            {
                await BenchSql.QueryAsync(raw, staffSums, days);
                await BenchSql.QueryAsync(raw, alertSums, days);
            });
            results.Add(staffCeiling);
            // The scoring's every statement (the staff list with their roles as well), recorded and sent again raw, against the scoring itself.
            if (!Domain.Assessment.AssessmentPeriod.TryParse(period.Name, out var assessed))
            {
                throw new InvalidOperationException($"{period.Name} is not an assessment period.");
            }
            Task ScoreStaffAsync(IServiceProvider scoped, OneWindowDbContext db) =>
                ActivatorUtilities.CreateInstance<Web.Modules.Assessment.AssessUnits>(scoped, db).ScoreAsync(Web.Modules.Assessment.AssessedKind.Staff, assessed, CancellationToken.None);
            RecordedStatements scoring;
            using (var scope = services.CreateScope())
            {
                scoring = await RecordedStatements.RecordAsync(database, db => ScoreStaffAsync(scope.ServiceProvider, db));
            }
            var scoringCeiling = await Measure.RunAsync($"raw SQL: the staff scoring's {scoring.Count} statements, {period.Name}, recorded and sent again (ceiling)", samples, () => scoring.ReplayAsync(raw));
            results.Add(scoringCeiling);
            results.Add((await Measure.RunAsync($"AssessUnits.ScoreAsync(Staff, {period.Name}): the facts read and scored", samples, async () =>
            {
                using var scope = services.CreateScope();
                await ScoreStaffAsync(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<OneWindowDbContext>());
            })).Against(scoringCeiling));
            var staffUrl = $"/supervision/assessment?period={period.Name}&kind=Staff";
            var staffApp = await Measure.RunAsync($"GET {staffUrl} (HTML)", Math.Min(samples, 50), () => CaseLoadBench.GetAsync(leader, staffUrl));
            results.Add(staffApp.Against(staffCeiling));
            if (period == quarter)
            {
                var concludedSql = $"SELECT e.{q("ActorId")}, c.{q("RegionCode")}, c.{q("ClockStartAt")}, c.{q("DecidedAt")}, c.{q("PromisedDueAt")}, c.{q("StatutoryLimitDays")}, c.{q("ExtensionDays")}, c.{q("Pauses")} " +
                    $"FROM {q("Cases")} c JOIN {q("CaseEvents")} e ON e.{q("CaseId")} = c.{q("Id")} AND e.{q("Action")} = 'decided' " +
                    $"WHERE c.{q("ConcludedAt")} >= @start AND c.{q("ConcludedAt")} < @end AND c.{q("Status")} = {(int)CaseStatus.Concluded} AND c.{q("DecidedAt")} IS NOT NULL AND NOT c.{q("IsJoint")}";
                var acceptedSql = $"SELECT e.{q("ActorId")}, c.{q("RegionCode")}, c.{q("ReceivedAt")}, c.{q("AcceptedAt")}, c.{q("DeemedAccepted")} " +
                    $"FROM {q("Cases")} c JOIN {q("CaseEvents")} e ON e.{q("CaseId")} = c.{q("Id")} AND e.{q("Action")} = 'accepted' " +
                    $"WHERE c.{q("ReceivedAt")} >= @start AND c.{q("ReceivedAt")} < @end AND c.{q("ParentCaseId")} IS NULL";
                var staffScan = await Measure.RunAsync($"raw SQL: the quarter's cases with their deciding and accepting events (to beat)", scanSamples, async () =>
                {
                    await BenchSql.QueryAsync(raw, concludedSql, days);
                    await BenchSql.QueryAsync(raw, acceptedSql, days);
                    await BenchSql.QueryAsync(raw, alertSums, days);
                });
                results.Add(staffScan);
                results.Add((staffApp with { Name = "  the same against the scan of the cases and events" }).Against(staffScan));
            }
        }
        return results;
    }

    /// <summary>
    /// A split period's two statements (their filter in place of <c>{0}</c>), each only when the split has rows of its
    /// kind (as <see cref="KeptSums"/> does), each filtering on the ranges the period has and no others, as the app's
    /// <see cref="PeriodSplit.Spans"/> and <see cref="PeriodSplit.Days"/> send them.
    /// </summary>
    private static async Task SplitQueryAsync(DbConnection raw, BenchDatabase database, PeriodSplit split, string spansSql, string daysSql)
    {
        if (split.HasSpans)
        {
            var (tens1, tens2) = split.TenDays;
            await FilteredQueryAsync(raw, database, spansSql, "Start",
                [(FigureSpan.Month, split.MonthsBefore), (FigureSpan.Month, split.MonthsAfter), (FigureSpan.Year, split.Years), (FigureSpan.TenDays, tens1), (FigureSpan.TenDays, tens2)]);
        }
        if (split.HasDays)
        {
            var (before, after) = split.FewDays;
            await FilteredQueryAsync(raw, database, daysSql, "Day", [(null, before), (null, after)]);
        }
    }

    private static Task FilteredQueryAsync(DbConnection raw, BenchDatabase database, string sql, string column, (FigureSpan? Span, (DateOnly From, DateOnly To) Range)[] ranges)
    {
        var q = BenchDatabase.Quote;
        var present = ranges.Where(r => r.Range.From <= r.Range.To).ToArray();
        var where = string.Join(" OR ", present.Select((r, i) =>
            (r.Span is { } s ? $"({q("Span")} = {(int)s} AND " : "(") + $"{q(column)} >= @a{i} AND {q(column)} <= @b{i})"));
        var parameters = present.SelectMany((r, i) => new[] { ($"@a{i}", Day(database, r.Range.From)), ($"@b{i}", Day(database, r.Range.To)) }).ToArray();
        return BenchSql.QueryAsync(raw, string.Format(CultureInfo.InvariantCulture, sql, where), parameters);
    }

    private static object Day(BenchDatabase database, DateOnly day) =>
        database.Provider == "Postgres" ? day : day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object Instant(BenchDatabase database, DateTime at) =>
        database.Provider == "Postgres" ? at : at.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}
