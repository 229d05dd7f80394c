using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Supervision;

namespace OneWindow.Bench;

/// <summary>
/// The case scenarios on a county-to-province case load (<c>--load N</c>, default 1,000,000 cases over five years,
/// each with its event chain: <see cref="CaseLoadGenerator"/>): intake and a transition against raw writes, the
/// inbox and the supervisors' lists, a case's page with its verified record, the dashboard (the assessments are
/// measured with the report, on the kept figures: <see cref="StatisticsBench"/>).
/// </summary>
public static class CaseLoadBench
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static async Task<IReadOnlyList<Scenario>> RunAsync(IServiceProvider services, BenchDatabase database, string baseUrl, IntakeCeiling intakeCeiling, int load, int seed, int samples, bool traceIntake = false, string? withoutFiguresUrl = null)
    {
        var sw = Stopwatch.StartNew();
        List<LoadTemplate> templates;
        if (database.Reused)
        {
            templates = await CaseLoadGenerator.KeptTemplatesAsync(services);
            Console.WriteLine($"reusing the kept case load and its {templates.Count} templates");
        }
        else
        {
            templates = await CaseLoadGenerator.MakeTemplatesAsync(services);
            await CaseLoadGenerator.FillAsync(database, services, templates, load, seed);
            Console.WriteLine($"generated {load:N0} cases over five years from {templates.Count} real templates in {sw.Elapsed.TotalSeconds:F1} s");
        }
        PeakMemory.Reset();

        await using var raw = database.OpenRawConnection();
        await raw.OpenAsync();
        var q = BenchDatabase.Quote;
        var results = new List<Scenario>();
        using var clerk = await SignInAsync(baseUrl, "clerk.mz");
        using var supervisor = await SignInAsync(baseUrl, "supervisor");
        using var clerkOfCase = await SignInAsync(baseUrl, "clerk"); // the county center's comprehensive window, which takes in every department's cases
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
        // With the materials the item requires ticked, as a clerk registers a case that is then accepted.
        var materials = OneWindow.Web.Modules.Catalog.DemoCatalog.RequiredMaterials("431025-MZ-002");
        var register = new { itemCode = "431025-MZ-002", applicantKind = "Person", applicantName = "压测", identityNumber = "11010519491231002X", phone = "13800000000", materialsProvided = materials };
        var registered = new System.Collections.Concurrent.ConcurrentQueue<(string Number, int Revision)>();
        async Task HttpIntake()
        {
            using var response = await clerk.PostAsJsonAsync("/api/v1/cases", register, Json);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
            registered.Enqueue((body.GetProperty("number").GetString()!, body.GetProperty("revision").GetInt32()));
        }
        // The intake's own ceiling: the same request, sign-in and policy, answered by the registration's statements sent raw.
        // The applicant's SMS is that of one registration through the app (generated cases have none): its row, read once,
        // is what the ceiling writes again for each of its cases, with the case's queue row for its kept figures.
        await HttpIntake();
        var outboxRow = await BenchSql.RowAsync(raw, $"SELECT * FROM {q("OutboxMessages")} WHERE {q("DedupKey")} LIKE 'case-step/%' ORDER BY {q("Id")} DESC LIMIT 1");
        intakeCeiling.Use(caseRow, eventRow, outboxRow);
        async Task BareIntake()
        {
            using var response = await clerk.PostAsJsonAsync(IntakeCeiling.Route, register, Json);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
            _ = (body.GetProperty("number").GetString()!, body.GetProperty("revision").GetInt32());
        }
        if (traceIntake)
        {
            // --trace-intake: the statements of one registration (after a first one has filled the caches), then stop.
            foreach (var (name, intake) in new[] { ("the app's registration (POST /api/v1/cases)", (Func<Task>)HttpIntake), ($"the bare endpoint (POST {IntakeCeiling.Route})", BareIntake) })
            {
                await intake();
                using var trace = IntakeTrace.Start();
                await Task.Delay(TimeSpan.FromSeconds(2)); // EF re-checks for listeners once a second (LoggingCacheTime)
                trace.Clear(); // what the background workers sent meanwhile (their ticks may still show among the lines below)
                await intake();
                Console.WriteLine(name + ":");
                foreach (var line in trace.Lines)
                {
                    Console.WriteLine("  " + line);
                }
            }
            return results;
        }
        var rawIntake = await Measure.RunAsync("raw SQL: one intake transaction, the case row and its event row (ceiling)", samples, RawIntake);
        results.Add(rawIntake);
        var bareIntake = await Measure.RunAsync($"bare endpoint POST {IntakeCeiling.Route}: the registration's statements raw, same sign-in, policy and body (ceiling)", samples, BareIntake);
        results.Add(bareIntake);
        var httpIntake = await Measure.RunAsync("POST /api/v1/cases: register at the window (case + event, committed)", samples, HttpIntake);
        results.Add(httpIntake.Against(bareIntake));
        results.Add((httpIntake with { Name = "  the same against the raw SQL intake" }).Against(rawIntake));
        // Throughput, 4 at once: the three sides in alternating rounds.
        var rates = await Measure.ThroughputRoundsAsync(workers: 4, TimeSpan.FromSeconds(5), rounds: 5, database.ServerCpuSeconds(),
            ("raw SQL intake, 4 writers (ceiling)", RawIntake), ("bare intake endpoint, 4 clients (ceiling)", BareIntake), ("POST /api/v1/cases, 4 clients", HttpIntake));
        var (rawRate, bareRate, httpRate) = (rates.Medians[0], rates.Medians[1], rates.Medians[2]);
        results.Add(rawRate);
        results.Add(bareRate);
        results.Add(httpRate.Against(bareRate));
        results.Add((httpRate with { Name = "  the same against the raw SQL intake" }).Against(rawRate));

        // What the kept figures cost: the same registration on the same app and database without the figures' case hook
        // (a second host in this process with the hook removed), in alternating rounds; then an acceptance on each.
        if (withoutFiguresUrl is not null)
        {
            using var plainClerk = await SignInAsync(withoutFiguresUrl, "clerk.mz");
            var plainRegistered = new System.Collections.Concurrent.ConcurrentQueue<(string Number, int Revision)>();
            async Task PlainIntake()
            {
                using var response = await plainClerk.PostAsJsonAsync("/api/v1/cases", register, Json);
                response.EnsureSuccessStatusCode();
                var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
                plainRegistered.Enqueue((body.GetProperty("number").GetString()!, body.GetProperty("revision").GetInt32()));
            }
            var hook = await Measure.ThroughputRoundsAsync(workers: 4, TimeSpan.FromSeconds(5), rounds: 5, database.ServerCpuSeconds(),
                ("POST /api/v1/cases without the kept figures' hook, 4 clients", PlainIntake), ("POST /api/v1/cases with the kept figures, 4 clients", HttpIntake));
            results.Add(hook.Medians[0]);
            results.Add(hook.Medians[1].Against(hook.Medians[0]));
            async Task AcceptOn(HttpClient client, System.Collections.Concurrent.ConcurrentQueue<(string Number, int Revision)> queue)
            {
                queue.TryDequeue(out var c);
                using var response = await client.PostAsJsonAsync($"/api/v1/cases/{c.Number}/accept", new { revision = c.Revision }, Json);
                response.EnsureSuccessStatusCode();
            }
            var acceptSamples = Math.Min(samples, Math.Min(registered.Count, plainRegistered.Count) / 4);
            // Sampled in turn, so that neither side runs alone while the other's settlement or the machine is busy.
            var (plainAccept, accept) = await Measure.PairAsync(acceptSamples,
                ("POST /api/v1/cases/{n}/accept without the kept figures' hook", () => AcceptOn(plainClerk, plainRegistered)),
                ("POST /api/v1/cases/{n}/accept with the kept figures", () => AcceptOn(clerk, registered)));
            results.Add(plainAccept);
            results.Add(accept);
        }

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
        // They go, and the table is vacuumed as autovacuum would. So do the app's registrations (the only cases with a
        // county number and the bench's applicant: generated ones are numbered G…): a kept data set measured again
        // would otherwise gather every run's thousands of registrations in one day, which the dashboard counts live.
        await RemoveCasesAsync(raw, database, $"{q("Number")} LIKE 'RAW%' OR ({q("Number")} LIKE '431025-%' AND {q("ApplicantName")} = '压测')");
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

        // The dashboard's figures (the live page computes them once per interval for all viewers), against every statement
        // one computation sends, recorded and sent again raw (the same aggregates of the open cases, today's covering
        // indexes, the kept days, the alerts, the windows and the newest cards).
        var dashboard = await RecordedStatements.RecordAsync(database, db => DashboardFigures.ComputeAsync(db, DateTime.UtcNow, null, CancellationToken.None));
        Console.WriteLine($"  (the recorded computation: {dashboard.Timing.Run.TotalMilliseconds:F1} ms, of it {dashboard.Timing.InStatements.TotalMilliseconds:F1} ms executing its {dashboard.Count} statements)");
        var rawDashboard = await Measure.RunAsync($"raw SQL: the dashboard's {dashboard.Count} statements, recorded and sent again (ceiling)", Math.Min(samples, 100), () => dashboard.ReplayAsync(raw));
        results.Add(rawDashboard);
        results.Add((await Measure.RunAsync("dashboard figures: every aggregate of /supervision", Math.Min(samples, 100), async () =>
        {
            using var scope = services.CreateScope();
            await DashboardFigures.ComputeAsync(scope.ServiceProvider.GetRequiredService<OneWindowDbContext>(), DateTime.UtcNow, null, CancellationToken.None);
        })).Against(rawDashboard));

        // One concluded case of years ago with its whole record, the chain verified on every read.
        var concludedCase = await BenchSql.ScalarAsync(raw, $"SELECT {q("Number")} FROM {q("Cases")} WHERE {q("Number")} LIKE 'G%' AND {q("Status")} = {(int)CaseStatus.Concluded} AND {q("EventCount")} >= 5 " +
            // taken in at the county center (where the templates were made), whose comprehensive window the reader works at
            $"AND {q("ReceivingVenueId")} = (SELECT {q("ReceivingVenueId")} FROM {q("Cases")} WHERE {q("Number")} LIKE 'GT-%' LIMIT 1) ORDER BY {q("Number")} LIMIT 1");
        var caseSql = $"SELECT * FROM {q("Cases")} WHERE {q("Number")} = @number";
        var eventsSql = $"SELECT * FROM {q("CaseEvents")} WHERE {q("CaseId")} = (SELECT {q("Id")} FROM {q("Cases")} WHERE {q("Number")} = @number) ORDER BY {q("Sequence")}";
        var rawCase = await Measure.RunAsync("raw SQL: a concluded case's row and its events (ceiling)", samples, async () =>
        {
            await BenchSql.QueryAsync(raw, caseSql, ("@number", concludedCase!));
            await BenchSql.QueryAsync(raw, eventsSql, ("@number", concludedCase!));
        });
        results.Add(rawCase);
        results.Add((await Measure.RunAsync("GET /api/v1/cases/{n}: a concluded case with its clocks and verified record", samples,
            () => GetAsync(clerkOfCase, $"/api/v1/cases/{concludedCase}"))).Against(rawCase));

        var peak = PeakMemory.ReadMegabytes();
        Console.WriteLine($"peak RSS during the case scenarios: {peak:F0} MB");
        results.Add(new Scenario($"peak RSS of the app process under these scenarios ({load:N0} cases)", 1, peak, peak, peak, Unit: "MB"));
        return results;
    }

    /// <summary>Cases matching <paramref name="where"/>, with every row that names them (events, files, ratings, supervision).</summary>
    private static async Task RemoveCasesAsync(DbConnection raw, BenchDatabase database, string where)
    {
        var q = BenchDatabase.Quote;
        await BenchSql.ExecAsync(raw, $"CREATE TEMP TABLE bench_removed AS SELECT {q("Id")} FROM {q("Cases")} WHERE {where}");
        foreach (var table in new[] { "CaseEvents", "CaseFiles", "Ratings", "SupervisionAlerts", "SupervisionNotices", "SupervisionWatches" })
        {
            // Supervision names its subject (ADR 0020) where it named the case before.
            var key = (await BenchSql.ColumnsAsync(raw, database, table)).Contains("CaseId") ? "CaseId" : "SubjectId";
            await BenchSql.ExecAsync(raw, $"DELETE FROM {q(table)} WHERE {q(key)} IN (SELECT {q("Id")} FROM bench_removed)");
        }
        await BenchSql.ExecAsync(raw, $"DELETE FROM {q("Cases")} WHERE {q("Id")} IN (SELECT {q("Id")} FROM bench_removed)");
        await BenchSql.ExecAsync(raw, "DROP TABLE bench_removed");
    }

    private static string CopySql(BenchDatabase database, string table, List<string> columns, string where, Func<string, string?> replace) =>
        $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) SELECT {string.Join(", ", columns.Select(c => replace(c) ?? $"t.\"{c}\""))} FROM \"{table}\" t WHERE {where}";

    internal static async Task<HttpClient> SignInAsync(string baseUrl, string user)
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

    internal static async Task GetAsync(HttpClient client, string url)
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
