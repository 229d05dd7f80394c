using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneWindow.Domain;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Supervision;

namespace OneWindow.Bench;

/// <summary>
/// A county-to-province case load and the case scenarios on it. <c>--load N</c> puts N cases (default 1,000,000)
/// over five years into the database: mostly concluded, some refused at intake, and the open ones (received, in
/// review) from the last weeks, across every demo item and department. Templates are real cases made through the
/// domain in each state; the N cases are copies in SQL with their instants shifted back by a deterministic age
/// (seeded), so the data has the shape of years of work without years of generation. Only the case rows are
/// copied, not their event chains: the lists, the inbox and the dashboard read case rows alone.
/// </summary>
public static class CaseLoadBench
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static async Task<IReadOnlyList<Scenario>> RunAsync(IServiceProvider services, BenchDatabase database, string baseUrl, int load, int seed, int samples)
    {
        var sw = Stopwatch.StartNew();
        List<Template> templates;
        if (database.Reused)
        {
            templates = await KeptTemplatesAsync(services);
            Console.WriteLine($"reusing the kept case load and its {templates.Count} templates");
        }
        else
        {
            templates = await MakeTemplatesAsync(services);
            await FillAsync(database, services, templates, load, seed);
            Console.WriteLine($"generated {load:N0} cases over five years from {templates.Count} real templates in {sw.Elapsed.TotalSeconds:F1} s");
        }
        PeakMemory.Reset();

        await using var raw = database.OpenRawConnection();
        await raw.OpenAsync();
        var q = database.Quote;
        var results = new List<Scenario>();
        using var clerk = await SignInAsync(baseUrl, "clerk.mz");
        using var supervisor = await SignInAsync(baseUrl, "supervisor");
        Guid department;
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
            department = await db.Cases.AsNoTracking().Where(c => c.ItemCode == "431025-MZ-002").Select(c => c.DepartmentId).FirstAsync();
        }

        // Intake: the real registration (case + its first event, committed) against the same two rows written raw.
        var template = templates.First(t => t.State == "received" && t.ItemCode == "431025-MZ-002");
        var caseColumns = await BenchSql.ColumnsAsync(raw, database, "Cases");
        var eventColumns = (await BenchSql.ColumnsAsync(raw, database, "CaseEvents")).Where(c => c != "Id").ToList();
        var serial = 0;
        var run = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture); // raw rows stay unique when a kept load is measured again
        // The two rows as an application sends them: every value a parameter (those of a real registration, read once).
        var caseRow = await BenchSql.RowAsync(raw, $"SELECT * FROM {q("Cases")} WHERE {q("Id")} = @template", ("@template", database.GuidParameter(template.Id)));
        var eventRow = await BenchSql.RowAsync(raw, $"SELECT * FROM {q("CaseEvents")} WHERE {q("CaseId")} = @template ORDER BY {q("Sequence")} LIMIT 1", ("@template", database.GuidParameter(template.Id)));
        var insertCase = BenchSql.InsertSql("Cases", caseColumns);
        var insertEvent = BenchSql.InsertSql("CaseEvents", eventColumns);
        async Task RawIntake()
        {
            var n = Interlocked.Increment(ref serial);
            var id = database.GuidParameter(Guid.NewGuid());
            // A pooled connection per transaction, as the app takes one per request (and writers may run at once).
            await using var connection = database.OpenRawConnection();
            await connection.OpenAsync();
            await using var tx = await connection.BeginTransactionAsync();
            await BenchSql.ExecAsync(connection, insertCase, tx, BenchSql.InsertParameters(caseColumns, caseRow, c => c switch { "Id" => id, "Number" => $"RAW{run}-{n:D8}", _ => null }));
            await BenchSql.ExecAsync(connection, insertEvent, tx, BenchSql.InsertParameters(eventColumns, eventRow, c => c == "CaseId" ? id : null));
            await tx.CommitAsync();
        }
        var register = new { itemCode = "431025-MZ-002", applicantKind = "Person", applicantName = "压测", identityNumber = "11010519491231002X", phone = "13800000000" };
        var registered = new System.Collections.Concurrent.ConcurrentQueue<(string Number, int Revision)>();
        async Task HttpIntake()
        {
            using var response = await clerk.PostAsJsonAsync("/api/v1/cases", register, Json);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
            registered.Enqueue((body.GetProperty("number").GetString()!, body.GetProperty("revision").GetInt32()));
        }
        var rawIntake = await Measure.RunAsync("raw SQL: one intake transaction, the case row and its event row (ceiling)", samples, RawIntake);
        results.Add(rawIntake);
        results.Add((await Measure.RunAsync("POST /api/v1/cases: register at the window (case + event, committed)", samples, HttpIntake)).Against(rawIntake));
        var (rawRate, httpRate) = await Measure.ThroughputAgainstAsync("raw SQL intake, 4 writers (ceiling)", RawIntake,
            "POST /api/v1/cases, 4 clients", HttpIntake, workers: 4, TimeSpan.FromSeconds(5), rounds: 3);
        results.Add(rawRate);
        results.Add(httpRate.Against(rawRate));

        // A state transition: accept a received case (the clock starts, an event appended) against the raw update and insert.
        var rawAccepted = 0;
        var rawTransition = await Measure.RunAsync("raw SQL: one transition, the case updated and an event row (ceiling)", samples, async () =>
        {
            var n = Interlocked.Increment(ref rawAccepted);
            await using var tx = await raw.BeginTransactionAsync();
            await BenchSql.ExecAsync(raw, $"UPDATE {q("Cases")} SET {q("Revision")} = {q("Revision")} + 1, {q("Status")} = {(int)CaseStatus.Accepted} WHERE {q("Number")} = @number", tx, ("@number", $"RAW{run}-{n:D8}"));
            await BenchSql.ExecAsync(raw, CopySql(database, "CaseEvents", eventColumns, q("CaseId") + " = @template", c => c switch { "CaseId" => $"(SELECT {q("Id")} FROM {q("Cases")} WHERE {q("Number")} = @number)", "Sequence" => "2", _ => null }) + " LIMIT 1", tx,
                ("@template", database.GuidParameter(template.Id)), ("@number", $"RAW{run}-{n:D8}"));
            await tx.CommitAsync();
        });
        results.Add(rawTransition);
        results.Add((await Measure.RunAsync("POST /api/v1/cases/{n}/accept: the clock starts", Math.Min(samples, registered.Count / 2), async () =>
        {
            registered.TryDequeue(out var c);
            using var response = await clerk.PostAsJsonAsync($"/api/v1/cases/{c.Number}/accept", new { revision = c.Revision }, Json);
            response.EnsureSuccessStatusCode();
        })).Against(rawTransition));

        // The raw ceilings' rows are not part of the data set: tens of thousands of open cases written in seconds, which
        // on PostgreSQL also leave the table's new pages unmarked in the visibility map until autovacuum comes by.
        // They go, and the table is vacuumed as autovacuum would; the app's registrations stay, as a day's new work.
        var rawCases = $"SELECT {q("Id")} FROM {q("Cases")} WHERE {q("Number")} LIKE 'RAW%'";
        await BenchSql.ExecAsync(raw, $"DELETE FROM {q("CaseEvents")} WHERE {q("CaseId")} IN ({rawCases})");
        await BenchSql.ExecAsync(raw, $"DELETE FROM {q("Cases")} WHERE {q("Number")} LIKE 'RAW%'");
        await BenchSql.ExecAsync(raw, database.Provider == "Postgres" ? "VACUUM ANALYZE" : "ANALYZE");

        // Lists at scale: the clerk's inbox and the supervisors' filtered list, first pages and pages further in.
        var inboxSql = $"SELECT {q("Number")}, {q("ItemName")}, {q("ApplicantName")}, {q("Status")}, {q("AssigneeName")}, {q("PromisedDueAt")}, {q("StatutoryDueAt")}, {q("InboxDueAt")}, {q("Id")} FROM {q("Cases")} WHERE {q("Open")} AND {q("DepartmentId")} = @department ORDER BY {q("InboxDueAt")}, {q("Id")} LIMIT 31";
        var rawInbox = await Measure.RunAsync("raw SQL: a department's open cases, first keyset page (ceiling)", samples, () => BenchSql.QueryAsync(raw, inboxSql, ("@department", database.GuidParameter(department))));
        results.Add(rawInbox);
        results.Add((await Measure.RunAsync("GET /workbench/cases: the clerk's inbox (HTML)", samples, () => GetAsync(clerk, "/workbench/cases"))).Against(rawInbox));
        var listSql = inboxSql.Replace("ORDER BY", $"AND {q("Status")} = @status ORDER BY", StringComparison.Ordinal);
        var rawList = await Measure.RunAsync("raw SQL: open cases of a department in a state, first page (ceiling)", samples, () => BenchSql.QueryAsync(raw, listSql, ("@department", database.GuidParameter(department)), ("@status", (int)CaseStatus.Accepted)));
        results.Add(rawList);
        var filtered = $"/supervision/cases?department={department}&status=Accepted";
        results.Add((await Measure.RunAsync("GET /supervision/cases?department=…&status=… (HTML)", samples, () => GetAsync(supervisor, filtered))).Against(rawList));
        var deep = await NextPageUrlAsync(supervisor, filtered, pages: 20);
        results.Add((await Measure.RunAsync("the same list, 20 pages in (keyset after=…)", samples, () => GetAsync(supervisor, deep))).Against(rawList));

        // The dashboard's figures (the live page computes them once per interval for all viewers).
        var countsSql = $"SELECT {q("Status")}, {q("DepartmentId")}, COUNT(*) FROM {q("Cases")} WHERE {q("Open")} GROUP BY {q("Status")}, {q("DepartmentId")}";
        var rawCounts = await Measure.RunAsync("raw SQL: open cases by state and department (ceiling)", Math.Min(samples, 100), () => BenchSql.QueryAsync(raw, countsSql));
        results.Add(rawCounts);
        // Cold: the kept past days forgotten before each computation, so the month and the trend are counted again
        // (a fresh installation's first computation; afterwards, once a day for the day just ended).
        results.Add((await Measure.RunAsync("dashboard figures, cold: every past day of the month and trend counted again", 10, async () =>
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
            await db.DailyCaseCounts.ExecuteDeleteAsync();
            await DashboardFigures.ComputeAsync(db, DateTime.UtcNow, null, CancellationToken.None);
        })).Against(rawCounts));
        results.Add((await Measure.RunAsync("dashboard figures: every aggregate of /supervision", Math.Min(samples, 100), async () =>
        {
            using var scope = services.CreateScope();
            await DashboardFigures.ComputeAsync(scope.ServiceProvider.GetRequiredService<OneWindowDbContext>(), DateTime.UtcNow, null, CancellationToken.None);
        })).Against(rawCounts));

        // The assessment (绩效考核) of the departments for the last full quarter: every case concluded and received in
        // it, read and scored in working days. Its cost follows the quarter's cases (no kept figures yet), so the
        // ceiling is the same rows read raw.
        var today = ChinaTime.DateOf(DateTime.UtcNow);
        var current = new Domain.Assessment.AssessmentPeriod(Domain.Assessment.PeriodKind.Quarter, today.Year, (today.Month + 2) / 3);
        var quarter = current.Number == 1 ? current with { Year = current.Year - 1, Number = 4 } : current with { Number = current.Number - 1 };
        (string, object)[] range = [("@from", ChinaTime.StartOfDayUtc(quarter.First)), ("@to", ChinaTime.EndOfDayUtc(quarter.Last))];
        var concludedSql = $"SELECT {q("DepartmentId")}, {q("RegionCode")}, {q("ClockStartAt")}, {q("DecidedAt")}, {q("PromisedDueAt")}, {q("StatutoryLimitDays")}, {q("ExtensionDays")}, {q("Pauses")} FROM {q("Cases")} " +
            $"WHERE {q("ConcludedAt")} >= @from AND {q("ConcludedAt")} < @to AND {q("Status")} = {(int)CaseStatus.Concluded} AND {q("DecidedAt")} IS NOT NULL AND NOT {q("IsJoint")}";
        var receivedSql = $"SELECT {q("DepartmentId")}, {q("RegionCode")}, {q("ReceivedAt")}, {q("AcceptedAt")}, {q("DeemedAccepted")} FROM {q("Cases")} WHERE {q("ReceivedAt")} >= @from AND {q("ReceivedAt")} < @to AND {q("ParentCaseId")} IS NULL";
        var rawAssessment = await Measure.RunAsync("raw SQL: the quarter's concluded and received cases, read (ceiling)", 10, async () =>
        {
            await BenchSql.QueryAsync(raw, concludedSql, range);
            await BenchSql.QueryAsync(raw, receivedSql, range);
        });
        results.Add(rawAssessment);
        results.Add((await Measure.RunAsync($"GET /supervision/assessment?period={quarter}: the departments scored (HTML)", 10,
            () => GetAsync(supervisor, $"/supervision/assessment?period={quarter}&kind=Department"))).Against(rawAssessment));

        var peak = PeakMemory.ReadMegabytes();
        Console.WriteLine($"peak RSS during the case scenarios: {peak:F0} MB");
        results.Add(new Scenario($"peak RSS of the app process under these scenarios ({load:N0} cases)", 1, peak, peak, peak, Unit: "MB"));
        return results;
    }

    /// <summary>The templates of a kept load: the cases numbered GT-…, their state read back from their status.</summary>
    private static async Task<List<Template>> KeptTemplatesAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
        var rows = await db.Cases.AsNoTracking().Where(c => c.Number.StartsWith("GT-")).Select(c => new { c.Id, c.ItemCode, c.Status }).ToListAsync();
        return [.. rows.Select(r => new Template(r.Id, r.ItemCode, r.Status switch
        {
            CaseStatus.Received => "received",
            CaseStatus.Accepted => "accepted",
            CaseStatus.Concluded => "concluded",
            _ => "rejected",
        }))];
    }

    /// <summary>One real case per demo item and state, made through the domain and saved through the app's model.</summary>
    private static async Task<List<Template>> MakeTemplatesAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
        var calendar = await scope.ServiceProvider.GetRequiredService<RegionCalendars>().ForRegionAsync("431025000000");
        var versions = await db.ServiceItemVersions.AsNoTracking().Where(v => v.Status == VersionStatus.Published && v.ItemCode.StartsWith("431025-")).ToListAsync();
        var venue = await db.Venues.AsNoTracking().Where(v => v.Tier == Domain.Organization.VenueTier.CountyCenter).Select(v => v.Id).FirstAsync();
        var now = DateTime.UtcNow;
        var applicant = Applicant.Create(ApplicantKind.Person, "压测", "11010519491231002X", "13800000000", ChinaTime.DateOf(now));
        var clerk = new Actor("bench", "压测", "WindowClerk");
        var templates = new List<Template>();
        var n = 0;
        foreach (var version in versions)
        {
            foreach (var state in new[] { "received", "accepted", "concluded", "rejected" })
            {
                var at = now.AddDays(-2);
                var c = Case.Receive($"GT-{++n:D4}", CaseTemplate.ForItem(version), applicant, CaseChannel.Window, venue, "431025000000", ["申请书"], clerk, at, calendar);
                try
                {
                    switch (state)
                    {
                        case "accepted" when !c.IsInstant:
                            c.Accept(clerk, at.AddMinutes(10), calendar);
                            break;
                        case "concluded":
                            Conclude(c, at, calendar);
                            break;
                        case "rejected":
                            c.RejectAtIntake("依据《中华人民共和国行政许可法》第三十二条，申请事项不属于本机关职权范围", "县人民政府办公室", clerk, at.AddMinutes(10));
                            break;
                        case "accepted":
                            continue;
                    }
                }
                catch (DomainRuleException)
                {
                    continue; // an item whose path this simple walk does not know (fees to pay first): no template in that state
                }
                db.Cases.Add(c);
                db.CaseEvents.AddRange(c.NewEvents);
                templates.Add(new Template(c.Id, version.ItemCode, state));
            }
        }
        await db.SaveChangesAsync();
        return templates;
    }

    private static void Conclude(Case c, DateTime at, WorkingDayCalendar calendar)
    {
        var clerk = new Actor("bench", "压测", "WindowClerk");
        if (c.IsInstant)
        {
            c.ConcludeInstantly("G-" + c.Number, clerk, at.AddMinutes(10), calendar);
            return;
        }
        c.Accept(clerk, at = at.AddMinutes(10), calendar);
        for (var i = 0; i < 12 && c.Status != CaseStatus.Concluded; i++)
        {
            at = at.AddHours(1);
            var actor = new Actor("bench", "压测", c.CurrentNode?.ActingRole ?? "WindowClerk");
            switch (c.Status)
            {
                case CaseStatus.Accepted:
                    try
                    {
                        c.Decide(DecisionOutcome.Grant, null, actor, at, calendar);
                    }
                    catch (DomainRuleException)
                    {
                        c.CompleteCurrentNode(actor, "材料齐全，符合法定条件，建议准予", at, calendar);
                    }
                    break;
                case CaseStatus.Decided:
                    c.IssueResult("G-" + c.Number, clerk, at, calendar);
                    break;
                case CaseStatus.ResultIssued:
                    c.Deliver(DeliveryMethod.WindowPickup, null, clerk, at);
                    break;
                default:
                    throw new DomainRuleException("bench.walk", "The walk does not know this state.");
            }
        }
    }

    /// <summary>
    /// Copies the templates N times in SQL. Of every 100 cases: 90 concluded and 3 refused, received at any time in
    /// the last five years; 7 still open (received or in review), received in the last 20 days.
    /// </summary>
    private static async Task FillAsync(BenchDatabase database, IServiceProvider services, List<Template> templates, int load, int seed)
    {
        string[] dateColumns;
        using (var scope = services.CreateScope())
        {
            var entity = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>().Model.FindEntityType(typeof(Case))!;
            dateColumns = [.. entity.GetProperties().Where(p => p.ClrType == typeof(DateTime) || p.ClrType == typeof(DateTime?)).Select(p => p.GetColumnName())];
        }
        var shares = new (string State, double Share, int Days)[] { ("concluded", 0.90, 1826), ("rejected", 0.03, 1826), ("received", 0.03, 20), ("accepted", 0.04, 20) };
        await using var raw = database.OpenRawConnection();
        await raw.OpenAsync();
        var columns = await BenchSql.ColumnsAsync(raw, database, "Cases");
        var postgres = database.Provider == "Postgres";
        var done = 0;
        var watch = Stopwatch.StartNew();
        foreach (var (state, share, days) in shares)
        {
            var ofState = templates.Where(t => t.State == state).ToList();
            var perTemplate = (int)Math.Ceiling(load * share / ofState.Count);
            foreach (var template in ofState)
            {
                var count = Math.Min(perTemplate, load - done);
                const int chunk = 50_000;
                for (var from = 1; from <= count; from += chunk)
                {
                    var to = Math.Min(count, from + chunk - 1);
                    var offset = done; // numbers stay unique across templates
                    // Deterministic age in days (and minutes, so that no two cases share an instant) from the seed and the copy's number.
                    // (bigint on PostgreSQL, whose integers are 32-bit: a million copies times these primes overflow them.)
                    var copy = postgres ? $"(s.n + {offset})::bigint" : $"(s.n + {offset})";
                    var age = $"(({copy} * 7919 + {seed}) % {days})";
                    var minutes = $"(({copy} * 104729) % 600)";
                    string Value(string column) => column switch
                    {
                        "Id" => postgres ? "gen_random_uuid()" : "upper(substr(h,1,8)||'-'||substr(h,9,4)||'-'||substr(h,13,4)||'-'||substr(h,17,4)||'-'||substr(h,21,12))",
                        "Number" => postgres ? $"'G' || lpad((s.n + {offset})::text, 9, '0')" : $"printf('G%09d', s.n + {offset})",
                        _ when dateColumns.Contains(column) => postgres
                            ? $"t.\"{column}\" - {age} * interval '1 day' - {minutes} * interval '1 minute'"
                            : $"strftime('%Y-%m-%d %H:%M:%f', t.\"{column}\", '-' || {age} || ' days', '-' || {minutes} || ' minutes')",
                        _ => $"t.\"{column}\"",
                    };
                    var list = string.Join(", ", columns.Select(c => $"\"{c}\""));
                    var values = string.Join(", ", columns.Select(Value));
                    var id = postgres ? $"'{template.Id}'" : $"'{template.Id.ToString().ToUpperInvariant()}'";
                    var sql = postgres
                        ? $"INSERT INTO \"Cases\" ({list}) SELECT {values} FROM \"Cases\" t, generate_series({from}, {to}) AS s(n) WHERE t.\"Id\" = {id}"
                        : $"WITH RECURSIVE s(n) AS (SELECT {from} UNION ALL SELECT n + 1 FROM s WHERE n < {to}) INSERT INTO \"Cases\" ({list}) SELECT {values} FROM \"Cases\" t, (SELECT n, hex(randomblob(16)) AS h FROM s) s WHERE t.\"Id\" = {id}";
                    await BenchSql.ExecAsync(raw, sql);
                    Progress(done + to, load, watch.Elapsed);
                }
                done += count;
                if (done >= load)
                {
                    break;
                }
            }
        }
        Console.WriteLine();
        // What autovacuum gives a live PostgreSQL database: statistics, and the visibility map without which an
        // index-only scan still reads the table (the dashboard's counts and their raw ceiling alike).
        await BenchSql.ExecAsync(raw, postgres ? "VACUUM ANALYZE" : "ANALYZE");
    }

    private static TimeSpan _lastProgress = TimeSpan.FromSeconds(-10);

    private static void Progress(int done, int total, TimeSpan elapsed)
    {
        if (done < total && elapsed - _lastProgress < TimeSpan.FromSeconds(1))
        {
            return;
        }
        _lastProgress = elapsed;
        const int width = 40;
        var filled = (int)((long)done * width / Math.Max(1, total));
        var rate = done / Math.Max(0.001, elapsed.TotalSeconds);
        Console.Write($"\r  [{new string('#', filled)}{new string('.', width - filled)}] {done:N0} / {total:N0} cases, {rate:N0}/s   ");
    }

    private static string CopySql(BenchDatabase database, string table, List<string> columns, string where, Func<string, string?> replace) =>
        $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) SELECT {string.Join(", ", columns.Select(c => replace(c) ?? $"t.\"{c}\""))} FROM \"{table}\" t WHERE {where}";

    private static async Task<HttpClient> SignInAsync(string baseUrl, string user)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        var form = await client.GetStringAsync("/account/login");
        var token = WebUtility.HtmlDecode(Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user, ["Password"] = Web.Modules.Organization.DemoCounty.DemoPassword, ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {user} failed: {response.StatusCode}");
        }
        return client;
    }

    private static async Task GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url}: {response.StatusCode}");
        }
        await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Follows the list's "next" link the given number of times and returns that page's URL.</summary>
    private static async Task<string> NextPageUrlAsync(HttpClient client, string url, int pages)
    {
        for (var i = 0; i < pages; i++)
        {
            var html = await client.GetStringAsync(url);
            var next = Regex.Match(html, "href=\"(/supervision/cases\\?[^\"]*after=[^\"]+)\"");
            if (!next.Success)
            {
                break;
            }
            url = WebUtility.HtmlDecode(next.Groups[1].Value);
        }
        return url;
    }

    private sealed record Template(Guid Id, string ItemCode, string State);
}

/// <summary>The process's peak resident set (VmHWM), which Linux lets a process reset (clear_refs 5).</summary>
public static class PeakMemory
{
    public static void Reset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (IOException)
        {
            // not Linux, or not allowed: the peak then includes the data generation
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public static double ReadMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? Environment.WorkingSet / 1048576.0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}
