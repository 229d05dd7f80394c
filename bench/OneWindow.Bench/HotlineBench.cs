using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Hotline.Report;
using OneWindow.Web.Modules.Statistics;

namespace OneWindow.Bench;

/// <summary>
/// The hotline report (issue 19, ADR 0032) at <c>--hotline N</c> work orders (1,000,000 by default): the orders are
/// generated straight into the table by raw SQL over the fifteen months before today (the columns the scan reads; no
/// events rows), each with the story of events it stands for (registered; answered on the spot, or dispatched,
/// sometimes returned and re-dispatched, signed, replied, accepted, called back, sometimes reopened and concluded), and
/// those events are folded by the app's own <see cref="HotlineFold"/> into the kept rows, written with one INSERT each.
/// Then the last full quarter's report by unit with its hot topics (<c>GET /api/v1/hotline/report</c>) is measured
/// against its ceiling — the report's own statements sent raw over the kept rows — and against the figure to beat, the
/// same counts taken from the orders by a raw scan.
/// </summary>
public static class HotlineBench
{
    public static async Task<IReadOnlyList<Scenario>> RunAsync(IServiceProvider services, BenchDatabase database, string baseUrl, int count, int seed, int samples)
    {
        var q = BenchDatabase.Quote;
        var results = new List<Scenario>();
        await using var raw = database.OpenRawConnection();
        await raw.OpenAsync();
        List<Guid> units;
        List<string> categories, places;
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
            units = await db.Set<OneWindow.Web.Modules.Hotline.HotlineUnit>().Select(u => u.DepartmentId).ToListAsync();
            categories = await db.Set<HotlineCategory>().Where(c => !db.Set<HotlineCategory>().Any(x => x.ParentCode == c.Code)).Select(c => c.Code).ToListAsync();
            places = await db.Regions.Where(r => r.Code.StartsWith("431025") && !r.Code.EndsWith("000")).Select(r => r.Code).ToListAsync();
            places.AddRange(await db.Regions.Where(r => r.Code.StartsWith("431025") && r.Code.EndsWith("000") && r.Code != "431025000000").Select(r => r.Code).ToListAsync());
        }
        var today = ChinaTime.DateOf(DateTime.UtcNow);
        var firstDay = today.AddMonths(-15);
        var days = today.DayNumber - firstDay.DayNumber;
        var random = new Random(seed);
        var kept = new Dictionary<HotlineFigureKey, HotlineValues>();

        // 1. The orders and their kept figures.
        var sw = Stopwatch.StartNew();
        string[] columns = ["Id", "Number", "Channel", "Type", "CategoryCode", "Urgency", "Content", "RegionCode", "Anonymous", "Confidential", "RegisteredAt", "RegisteredBy",
            "Status", "CoHandlers", "ExtendedWorkingDays", "AssignedByRuling", "ReturnCount", "SendBackCount", "ReopenCount", "Revision", "LastEventHash", "EventCount",
            "QueueAt", "AtUnit", "LeadUnitId", "DispatchedAt", "SignDueAt", "SignedAt", "DueAt", "RepliedAt", "CalledBackAt", "Satisfaction", "Resolved", "ConcludedAt"];
        var insert = $"INSERT INTO {q("WorkOrders")} ({string.Join(", ", columns.Select(q))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        const int Batch = 20_000;
        for (var done = 0; done < count; done += Batch)
        {
            await using var tx = await raw.BeginTransactionAsync();
            await using var cmd = raw.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = insert;
            var ps = columns.Select((_, i) => { var p = cmd.CreateParameter(); p.ParameterName = "@p" + i; cmd.Parameters.Add(p); return p; }).ToArray();
            if (database.Provider != "Postgres")
            {
                await cmd.PrepareAsync(); // Npgsql cannot prepare parameters without a type or a value yet; there it runs unprepared
            }
            for (var n = done; n < Math.Min(count, done + Batch); n++)
            {
                var o = Story(random, firstDay.AddDays(random.Next(days)), units, categories, places, n);
                var grain = new HotlineGrain(o.Category, o.Channel, o.Type, o.Region);
                var fold = new HotlineFold();
                foreach (var (action, at, data) in o.Events)
                {
                    fold.AddTo(kept, grain, action, at, data);
                }
                object?[] values = [database.GuidParameter(o.Id), $"RX431025-B{n:D8}", (int)o.Channel, (int)o.Type, o.Category, (int)WorkOrderUrgency.Normal, "压测工单", o.Region,
                    false, false, Instant(database, o.Registered), "bench", (int)o.Status, "[]", 0, false, o.Returns, 0, o.Reopens, o.Events.Count, "", o.Events.Count,
                    Instant(database, o.Concluded), false, o.Lead is { } l ? database.GuidParameter(l) : null, Instant(database, o.Dispatched), Instant(database, o.SignDue),
                    Instant(database, o.Signed), Instant(database, o.Due), Instant(database, o.Replied), Instant(database, o.CalledBack), o.Satisfaction is { } s ? (int)s : null,
                    o.Resolved, Instant(database, o.Concluded)];
                for (var i = 0; i < values.Length; i++)
                {
                    ps[i].Value = values[i] ?? DBNull.Value;
                }
                await cmd.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
        }
        var ordersTime = sw.Elapsed.TotalSeconds;
        sw.Restart();
        await using (var tx = await raw.BeginTransactionAsync())
        {
            await using var cmd = raw.CreateCommand();
            cmd.Transaction = tx;
            var keyColumns = new[] { "Dimension", "Day", "Member" };
            var all = keyColumns.Concat(DailyHotlineFigure.MeasureColumns).ToList();
            cmd.CommandText = $"INSERT INTO {q("DailyHotlineFigures")} ({string.Join(", ", all.Select(q))}) VALUES ({string.Join(", ", all.Select((_, i) => "@k" + i))})";
            var ps = all.Select((_, i) => { var p = cmd.CreateParameter(); p.ParameterName = "@k" + i; cmd.Parameters.Add(p); return p; }).ToArray();
            // The day rows, then the month rows summed from them (ADR 0040), as the migration fills them.
            var months = HotlineFigureRows.ByMonth(kept);
            foreach (var (table, rows) in new[] { ("DailyHotlineFigures", kept), ("MonthlyHotlineFigures", months) })
            {
                // Added to any row already there: with --open311 the intakes measured before have kept today's and this month's.
                var names = all.Select((c, i) => q(i == 1 && table.StartsWith("Monthly", StringComparison.Ordinal) ? "Month" : c)).ToList();
                cmd.CommandText = $"INSERT INTO {q(table)} ({string.Join(", ", names)}) VALUES ({string.Join(", ", all.Select((_, i) => "@k" + i))}) " +
                    $"ON CONFLICT ({string.Join(", ", names.Take(3))}) DO UPDATE SET {string.Join(", ", names.Skip(3).Select(n => $"{n} = {q(table)}.{n} + excluded.{n}"))}";
                if (database.Provider != "Postgres")
                {
                    await cmd.PrepareAsync();
                }
                foreach (var (key, values) in rows)
                {
                    ps[0].Value = (int)key.Dimension;
                    ps[1].Value = Day(database, key.Day);
                    ps[2].Value = key.Member;
                    for (var i = 0; i < values.Values.Length; i++)
                    {
                        ps[3 + i].Value = values.Values[i];
                    }
                    await cmd.ExecuteNonQueryAsync();
                }
            }
            await tx.CommitAsync();
        }
        if (database.Provider == "Postgres")
        {
            await BenchSql.ExecAsync(raw, "ANALYZE");
        }
        Console.WriteLine($"hotline: {count:N0} work orders generated in {ordersTime:F1} s (raw SQL, 20,000 a transaction); {kept.Count:N0} kept rows folded from their events by HotlineFold and written in {sw.Elapsed.TotalSeconds:F1} s");

        // 2. The last full quarter's report by unit and its hot topics.
        var quarter = ReportPeriod.Quarter(today.Year, (today.Month - 1) / 3 + 1).Previous();
        var periods = new[] { quarter, quarter.Previous(), quarter.YearBefore() };
        string SumsSql(string table, string period) => $"SELECT {q("Member")}, {string.Join(", ", HotlineFigureRow.MeasureColumns.Select(m => $"SUM({q(m)})"))} FROM {q(table)} " +
            $"WHERE {q("Dimension")} = @d AND {q(period)} >= @from AND {q(period)} <= @to GROUP BY {q("Member")}";
        var (daySums, monthSums) = (SumsSql("DailyHotlineFigures", "Day"), SumsSql("MonthlyHotlineFigures", "Month"));
        // The report's reads of one dimension over one period: its whole months from the month rows, the rest from the days.
        async Task SumsAsync(HotlineDimension d, ReportPeriod p)
        {
            var split = PeriodSplit.Of(p.From, p.To);
            if (split.WholeMonths is var (first, last))
            {
                await BenchSql.QueryAsync(raw, monthSums, ("@d", (int)d), ("@from", Day(database, first)), ("@to", Day(database, last)));
            }
            foreach (var (from, to) in split.DayRanges)
            {
                await BenchSql.QueryAsync(raw, daySums, ("@d", (int)d), ("@from", Day(database, from)), ("@to", Day(database, to)));
            }
        }
        var ceiling = await Measure.RunAsync($"raw SQL: the report's statements over the kept rows, {quarter.Name} by unit with hot topics (ceiling)", samples, async () =>
        {
            foreach (var p in periods)
            {
                await SumsAsync(HotlineDimension.Unit, p);
            }
            foreach (var d in new[] { HotlineDimension.Category, HotlineDimension.Town, HotlineDimension.Place })
            {
                foreach (var p in periods.Take(2))
                {
                    await SumsAsync(d, p);
                }
            }
            await BenchSql.QueryAsync(raw, $"SELECT {q("Id")}, {q("Name")} FROM {q("Departments")}");
            await BenchSql.QueryAsync(raw, $"SELECT {q("Code")}, {q("Name")} FROM {q("HotlineCategories")}");
            await BenchSql.QueryAsync(raw, $"SELECT {q("Code")}, {q("Name")} FROM {q("Regions")} WHERE {q("Code")} LIKE '431025%'");
        });
        results.Add(ceiling);

        // The figure to beat: the same counts by unit for the three periods and by category, town and place for two, scanned from the orders.
        string In(string column) => $"{q(column)} >= @start AND {q(column)} < @end";
        var byUnitScan = $"SELECT {q("LeadUnitId")}, SUM(CASE WHEN {In("RegisteredAt")} THEN 1 ELSE 0 END), SUM(CASE WHEN {In("RegisteredAt")} AND {q("Status")} = 2 THEN 1 ELSE 0 END), " +
            $"SUM(CASE WHEN {In("SignedAt")} THEN 1 ELSE 0 END), SUM(CASE WHEN {In("SignedAt")} AND {q("SignedAt")} < {q("SignDueAt")} THEN 1 ELSE 0 END), " +
            $"SUM(CASE WHEN {In("ConcludedAt")} AND {q("Status")} = 12 THEN 1 ELSE 0 END), SUM(CASE WHEN {In("ConcludedAt")} AND {q("Status")} = 12 AND {q("RepliedAt")} < {q("DueAt")} THEN 1 ELSE 0 END), " +
            $"SUM(CASE WHEN {In("CalledBackAt")} THEN 1 ELSE 0 END), SUM(CASE WHEN {In("CalledBackAt")} AND {q("Satisfaction")} IN (1, 2) THEN 1 ELSE 0 END), " +
            $"SUM(CASE WHEN {In("CalledBackAt")} AND {q("Resolved")} THEN 1 ELSE 0 END), SUM(CASE WHEN {In("ConcludedAt")} THEN {q("ReopenCount")} ELSE 0 END), " +
            $"SUM(CASE WHEN {In("DispatchedAt")} THEN {q("ReturnCount")} ELSE 0 END) FROM {q("WorkOrders")} WHERE {q("RegisteredAt")} < @end GROUP BY {q("LeadUnitId")}";
        string HotScan(string key) => $"SELECT {key}, SUM(CASE WHEN {q("RegisteredAt")} >= @start THEN 1 ELSE 0 END), SUM(CASE WHEN {q("RegisteredAt")} < @start THEN 1 ELSE 0 END) " +
            $"FROM {q("WorkOrders")} WHERE {q("RegisteredAt")} >= @before AND {q("RegisteredAt")} < @end GROUP BY {key}";
        var scan = await Measure.RunAsync($"raw SQL: the same counts scanned from the orders, {quarter.Name} (to beat)", Math.Min(samples, 10), async () =>
        {
            foreach (var p in periods)
            {
                await BenchSql.QueryAsync(raw, byUnitScan, ("@start", Instant(database, ChinaTime.StartOfDayUtc(p.From))!), ("@end", Instant(database, ChinaTime.StartOfDayUtc(p.To.AddDays(1)))!));
            }
            foreach (var key in new[] { q("CategoryCode"), $"SUBSTR({q("RegionCode")}, 1, 9)", q("RegionCode") })
            {
                await BenchSql.QueryAsync(raw, HotScan(key), ("@before", Instant(database, ChinaTime.StartOfDayUtc(periods[1].From))!),
                    ("@start", Instant(database, ChinaTime.StartOfDayUtc(quarter.From))!), ("@end", Instant(database, ChinaTime.StartOfDayUtc(quarter.To.AddDays(1)))!));
            }
        });
        results.Add(scan);

        using var leader = await CaseLoadBench.SignInAsync(baseUrl, "supervisor");
        var url = $"/api/v1/hotline/report?period={quarter.Name}&by=Unit";
        var app = await Measure.RunAsync($"GET {url} (with hot topics)", samples, () => CaseLoadBench.GetAsync(leader, url));
        results.Add(app.Against(ceiling));
        results.Add((app with { Name = "  the same against the scan of the orders" }).Against(scan));
        return results;
    }

    private sealed record Order(Guid Id, WorkOrderChannel Channel, WorkOrderType Type, string Category, string Region, DateTime Registered, WorkOrderStatus Status,
        Guid? Lead, DateTime? Dispatched, DateTime? SignDue, DateTime? Signed, DateTime? Due, DateTime? Replied, DateTime? CalledBack, Satisfaction? Satisfaction,
        bool? Resolved, DateTime Concluded, int Returns, int Reopens, List<(string Action, DateTime At, string? Data)> Events);

    /// <summary>One order's story and the events it stands for, with the details the fold reads (as the domain writes them).</summary>
    private static Order Story(Random random, DateOnly day, List<Guid> units, List<string> categories, List<string> places, int n)
    {
        var at = ChinaTime.StartOfDayUtc(day).AddHours(8 + random.NextDouble() * 10);
        var id = Guid.CreateVersion7(at);
        var channel = random.Next(10) switch { < 6 => WorkOrderChannel.Phone, < 8 => WorkOrderChannel.Web, 8 => WorkOrderChannel.Mobile, _ => WorkOrderChannel.System };
        var type = (WorkOrderType)(1 + random.Next(6));
        // A few categories and places are far more frequent than the others, as a county's are.
        var category = categories[random.Next(4) == 0 ? random.Next(Math.Min(5, categories.Count)) : random.Next(categories.Count)];
        var region = places[random.Next(3) == 0 ? random.Next(Math.Min(20, places.Count)) : random.Next(places.Count)];
        var events = new List<(string, DateTime, string?)> { ("registered", at, null) };
        if (random.Next(100) < 15)
        {
            events.Add(("answered", at.AddMinutes(5), null));
            return new Order(id, channel, type, category, region, at, WorkOrderStatus.AnsweredOnTheSpot, null, null, null, null, null, null, null, null, null, at.AddMinutes(5), 0, 0, events);
        }
        var lead = units[random.Next(units.Count)];
        var dispatched = at.AddMinutes(30);
        events.Add(("dispatched", dispatched, $"{{\"lead\":\"{lead}\"}}"));
        var returns = 0;
        if (random.Next(100) < 4)
        {
            returns = 1;
            events.Add(("return-requested", dispatched.AddHours(2), "{\"returns\":1}"));
            lead = units[random.Next(units.Count)];
            dispatched = dispatched.AddHours(4);
            events.Add(("redispatched", dispatched, $"{{\"dispatch\":{{\"lead\":\"{lead}\"}}}}"));
        }
        var signDue = dispatched.AddDays(1);
        var signed = dispatched.AddHours(random.Next(10) == 0 ? 30 : 3);
        events.Add(("signed", signed, $"{{\"late\":{(signed >= signDue ? "true" : "false")}}}"));
        var due = dispatched.AddDays(7);
        var replied = signed.AddDays(random.Next(10) == 0 ? 9 : 3);
        events.Add(("replied", replied, $"{{\"late\":{(replied >= due ? "true" : "false")}}}"));
        events.Add(("reply-accepted", replied.AddHours(2), null));
        var calledBack = replied.AddDays(1);
        var satisfaction = random.Next(100) switch { < 80 => Satisfaction.Satisfied, < 92 => Satisfaction.FairlySatisfied, _ => Satisfaction.Unsatisfied };
        var resolved = random.Next(100) < 85;
        var reopens = 0;
        var concluded = calledBack;
        events.Add(("called-back", calledBack, $"{{\"resolved\":{(resolved ? "true" : "false")},\"satisfaction\":\"{satisfaction}\"}}"));
        if (satisfaction == Satisfaction.Unsatisfied)
        {
            if (random.Next(2) == 0)
            {
                reopens = 1;
                events.Add(("reopened", calledBack.AddHours(1), null));
                replied = calledBack.AddDays(2);
                due = calledBack.AddDays(7);
                events.Add(("replied", replied, "{\"late\":false}"));
                events.Add(("reply-accepted", replied.AddHours(2), null));
                calledBack = replied.AddDays(1);
                (satisfaction, resolved) = (Satisfaction.Satisfied, true);
                events.Add(("called-back", calledBack, "{\"resolved\":true,\"satisfaction\":\"Satisfied\"}"));
                concluded = calledBack;
            }
            else
            {
                concluded = calledBack.AddHours(3);
                events.Add(("closed", concluded, null));
            }
        }
        return new Order(id, channel, type, category, region, at, WorkOrderStatus.Concluded, lead, dispatched, signDue, signed, due, replied, calledBack, satisfaction,
            resolved, concluded, returns, reopens, events);
    }

    private static object Day(BenchDatabase database, DateOnly day) =>
        database.Provider == "Postgres" ? day : day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object? Instant(BenchDatabase database, DateTime? at) => at is not { } a ? null
        : database.Provider == "Postgres" ? DateTime.SpecifyKind(a, DateTimeKind.Utc) : a.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}
