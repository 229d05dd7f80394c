using System.Data.Common;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using OneWindow.Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Modules.ApiClients;
using OneWindow.Web.Modules.Hotline.Report;

namespace OneWindow.Bench;

/// <summary>
/// Open311 intake (issue 19, ADR 0027): <c>POST /open311/v2/requests.json</c> at 16 and 64 concurrent clients
/// against a raw ceiling that sends the same request's statements through ADO.NET — the key's row by its hash, the
/// service's category and whether it has sub-categories, the county's towns and villages (the address match), the
/// day's number counter, and the work order, its event, the Open311 record and the two audit rows (the registration
/// and the client's attribution) in one transaction — with the values of one real request put in. After each load,
/// the app's numbers of the day are checked: none twice, none missing.
/// </summary>
public static class Open311Bench
{
    private const string Counter = """
        INSERT INTO "CaseNumberCounters" ("Prefix", "LastValue") VALUES (@prefix, 1)
        ON CONFLICT ("Prefix") DO UPDATE SET "LastValue" = "CaseNumberCounters"."LastValue" + 1
        RETURNING "LastValue"
        """;

    public static async Task<IReadOnlyList<Scenario>> RunAsync(IServiceProvider services, BenchDatabase database, string baseUrl, int samples, bool trace = false, int existing = 0)
    {
        // Scenario names say how many orders the table held when the run began (issue 19 asks for 0 and 1,000,000).
        var at = existing > 0 ? $", {existing:N0} orders kept" : "";
        var results = new List<Scenario>();
        // Sixteen keys taken in turn, each allowed 6,000 requests a minute: the limiter is on the path, not its refusals.
        var keys = new List<string>();
        using (var scope = services.CreateScope())
        {
            var register = scope.ServiceProvider.GetRequiredService<RegisterApiClient>();
            var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "bench")], "bench"));
            for (var i = 0; i < 16; i++)
            {
                var registered = await register.RunAsync(admin, new ApiClientRegistration($"压测平台 {i}{(existing > 0 ? "-" + existing : "")}", "bench", null, [ApiScopes.Open311Write], RegisterApiClient.MaxRequestsPerMinute), CancellationToken.None);
                keys.Add(registered.Key);
            }
        }
        var turn = 0;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(baseUrl) };
        FormUrlEncodedContent Form(string key) => new(new Dictionary<string, string>
        {
            ["api_key"] = key, ["service_code"] = "CX.02", ["lat"] = "25.2781", ["long"] = "112.5634", ["address_string"] = "舜峰镇人民路与解放路交叉口东侧",
            ["attribute[FACILITY]"] = "LAMP", ["attribute[POLE_NO]"] = "LW-0231", ["first_name"] = "敏", ["last_name"] = "周", ["phone"] = "13807351234",
            ["email"] = "zhou.min@example.cn", ["description"] = "人民路口东侧的路灯连续三晚不亮。", ["media_url"] = "https://img.example.cn/reports/lamp-0231.jpg",
        });
        string? lastNumber = null;
        async Task AppIntake()
        {
            using var response = await http.PostAsync("/open311/v2/requests.json", Form(keys[Interlocked.Increment(ref turn) % keys.Count]));
            if ((int)response.StatusCode != 201)
            {
                throw new InvalidOperationException($"POST requests.json: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            lastNumber = body.RootElement[0].GetProperty("service_request_id").GetString();
        }

        // The operator's registration of a call over the staff API (the desk's twin).
        using var desk = await CaseLoadBench.SignInAsync(baseUrl, "hotline");
        var call = new Dictionary<string, object?>
        {
            ["channel"] = "Phone", ["type"] = "Complaint", ["categoryCode"] = "CX.02", ["content"] = "人民路口东侧的路灯连续三晚不亮，夜间行人过马路很危险。",
            ["regionCode"] = "431025100000", ["address"] = "舜峰镇人民路与解放路交叉口东侧", ["callerName"] = "周敏", ["callerPhone"] = "13807351234",
        };
        string? lastOperatorNumber = null;
        async Task OperatorIntake()
        {
            using var response = await desk.PostAsJsonAsync("/api/v1/hotline/orders", call);
            if ((int)response.StatusCode != 201)
            {
                throw new InvalidOperationException($"POST /api/v1/hotline/orders: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            lastOperatorNumber = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("number").GetString();
        }

        if (trace)
        {
            // --trace-intake: the statements of one request of each kind (after a first one has filled the caches).
            foreach (var (name, intake) in new[] { ("POST /open311/v2/requests.json", (Func<Task>)AppIntake), ("POST /api/v1/hotline/orders", OperatorIntake) })
            {
                await intake();
                using var traced = IntakeTrace.Start();
                await Task.Delay(TimeSpan.FromSeconds(2));
                traced.Clear();
                await intake();
                Console.WriteLine(name + ":");
                foreach (var line in traced.Lines)
                {
                    Console.WriteLine("  " + line);
                }
            }
            return results;
        }

        // One real request: the rows each raw intake writes again with its own ids and number.
        await AppIntake();
        await using var raw = database.OpenRawConnection();
        await raw.OpenAsync();
        var q = BenchDatabase.Quote;
        var order = await BenchSql.RowAsync(raw, $"SELECT * FROM {q("WorkOrders")} WHERE {q("Number")} = @n", ("@n", lastNumber!));
        var orderId = order["Id"];
        var orderEvent = await BenchSql.RowAsync(raw, $"SELECT * FROM {q("WorkOrderEvents")} WHERE {q("WorkOrderId")} = @id", ("@id", orderId));
        var kept = await BenchSql.RowAsync(raw, $"SELECT * FROM {q("Open311Requests")} WHERE {q("WorkOrderId")} = @id", ("@id", orderId));
        var audit = await BenchSql.RowAsync(raw, $"SELECT * FROM {q("AuditEntries")} WHERE {q("EntityType")} = 'WorkOrder' AND {q("EntityKey")} = @n", ("@n", lastNumber!));
        var attribution = await BenchSql.RowAsync(raw, $"SELECT * FROM {q("AuditEntries")} WHERE {q("EntityType")} = 'api-client' ORDER BY {q("Id")} DESC LIMIT 1");
        var open311Figures = await HotlineUpsertsAsync(services, database, lastNumber!);
        var keyHash = ApiKeys.Hash(keys[0]);
        var orderColumns = await BenchSql.ColumnsAsync(raw, database, "WorkOrders");
        var eventColumns = (await BenchSql.ColumnsAsync(raw, database, "WorkOrderEvents")).Where(c => c != "Id").ToList();
        var keptColumns = await BenchSql.ColumnsAsync(raw, database, "Open311Requests");
        var auditColumns = (await BenchSql.ColumnsAsync(raw, database, "AuditEntries")).Where(c => c != "Id").ToList();
        var (insertOrder, insertEvent, insertKept, insertAudit) =
            (BenchSql.InsertSql("WorkOrders", orderColumns), BenchSql.InsertSql("WorkOrderEvents", eventColumns), BenchSql.InsertSql("Open311Requests", keptColumns), BenchSql.InsertSql("AuditEntries", auditColumns));
        var county = "431025000000";
        var run = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
        var rawPrefix = $"RAW311{run}{(existing > 0 ? "M" : "")}";
        async Task RawIntake()
        {
            await using var connection = database.OpenRawConnection();
            await connection.OpenAsync();
            // The reads the app makes before its transaction: the key, the service, the address's towns and villages.
            await BenchSql.QueryAsync(connection, $"SELECT * FROM {q("ApiClients")} WHERE {q("KeyHash")} = @h LIMIT 1", ("@h", keyHash));
            await BenchSql.QueryAsync(connection, $"SELECT * FROM {q("HotlineCategories")} WHERE {q("Code")} = 'CX.02' AND {q("Active")} LIMIT 1");
            await BenchSql.QueryAsync(connection, $"SELECT 1 FROM {q("HotlineCategories")} WHERE {q("ParentCode")} = 'CX.02' LIMIT 1");
            await BenchSql.QueryAsync(connection, $"SELECT {q("Code")}, {q("Name")} FROM {q("Regions")} WHERE {q("ParentCode")} = @c", ("@c", county));
            await BenchSql.QueryAsync(connection, $"SELECT {q("Code")}, {q("Name")} FROM {q("Regions")} WHERE {q("ParentCode")} IN (SELECT {q("Code")} FROM {q("Regions")} WHERE {q("ParentCode")} = @c)", ("@c", county));
            await BenchSql.QueryAsync(connection, $"SELECT 1 FROM {q("HotlineCategories")} WHERE {q("Code")} = 'CX.02' AND {q("Active")} LIMIT 1");
            await BenchSql.QueryAsync(connection, $"SELECT 1 FROM {q("Regions")} WHERE {q("Code")} = '431025100000' LIMIT 1");
            await using var tx = await connection.BeginTransactionAsync();
            string number;
            await using (var cmd = connection.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = Counter;
                var p = cmd.CreateParameter();
                p.ParameterName = "@prefix";
                p.Value = rawPrefix;
                cmd.Parameters.Add(p);
                number = $"{rawPrefix}-{Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture):D5}";
            }
            var id = database.GuidParameter(Guid.NewGuid());
            await BenchSql.ExecAsync(connection, insertOrder, tx, BenchSql.InsertParameters(orderColumns, order, c => c switch { "Id" => id, "Number" => number, _ => null }));
            await BenchSql.ExecAsync(connection, insertEvent, tx, BenchSql.InsertParameters(eventColumns, orderEvent, c => c == "WorkOrderId" ? id : null));
            await BenchSql.ExecAsync(connection, insertKept, tx, BenchSql.InsertParameters(keptColumns, kept, c => c == "WorkOrderId" ? id : null));
            await BenchSql.ExecAsync(connection, insertAudit, tx, BenchSql.InsertParameters(auditColumns, audit, c => c == "EntityKey" ? number : null));
            await BenchSql.ExecAsync(connection, insertAudit, tx, BenchSql.InsertParameters(auditColumns, attribution, _ => null));
            foreach (var upsert in open311Figures)
            {
                await BenchSql.ExecAsync(connection, HotlineUpsert, tx, upsert);
            }
            await tx.CommitAsync();
        }

        var rawOne = await Measure.RunAsync($"raw SQL: one Open311 intake, its reads, its five rows and the six kept figure rows in one transaction (ceiling){at}", samples, RawIntake);
        results.Add(rawOne);
        results.Add((await Measure.RunAsync($"POST /open311/v2/requests.json: one request, registered as a work order{at}", samples, AppIntake)).Against(rawOne));
        foreach (var workers in new[] { 16, 64 })
        {
            var rates = await Measure.ThroughputRoundsAsync(workers, TimeSpan.FromSeconds(5), rounds: 5, database.ServerCpuSeconds(),
                ($"raw SQL Open311 intake, {workers} writers (ceiling){at}", RawIntake), ($"POST /open311/v2/requests.json, {workers} clients{at}", AppIntake));
            results.Add(rates.Medians[0]);
            results.Add(rates.Medians[1].Against(rates.Medians[0]));
            await CheckNumbersAsync(raw, database);
        }

        // The operator's registration against its statements raw (--trace-intake lists them): the operator's account,
        // the category and the region checked, the number, the audit entry, the event and the order in one transaction,
        // then the answer's reads (the account again, the order's events, the category's and the region's names).
        await OperatorIntake();
        var operatorOrder = await BenchSql.RowAsync(raw, $"SELECT * FROM {q("WorkOrders")} WHERE {q("Number")} = @n", ("@n", lastOperatorNumber!));
        var operatorId = operatorOrder["Id"];
        var operatorEvent = await BenchSql.RowAsync(raw, $"SELECT * FROM {q("WorkOrderEvents")} WHERE {q("WorkOrderId")} = @id", ("@id", operatorId));
        var operatorAudit = await BenchSql.RowAsync(raw, $"SELECT * FROM {q("AuditEntries")} WHERE {q("EntityType")} = 'WorkOrder' AND {q("EntityKey")} = @n", ("@n", lastOperatorNumber!));
        var operatorUser = await BenchSql.ScalarAsync(raw, $"SELECT {q("Id")} FROM {q("AspNetUsers")} WHERE {q("UserName")} = 'hotline'");
        var operatorFigures = await HotlineUpsertsAsync(services, database, lastOperatorNumber!);
        var operatorPrefix = $"RAWOP{run}{(existing > 0 ? "M" : "")}";
        async Task RawOperatorIntake()
        {
            await using var connection = database.OpenRawConnection();
            await connection.OpenAsync();
            await BenchSql.QueryAsync(connection, $"SELECT * FROM {q("AspNetUsers")} WHERE {q("Id")} = @u LIMIT 1", ("@u", operatorUser!));
            await BenchSql.QueryAsync(connection, $"SELECT 1 FROM {q("HotlineCategories")} WHERE {q("Code")} = 'CX.02' AND {q("Active")} LIMIT 1");
            await BenchSql.QueryAsync(connection, $"SELECT 1 FROM {q("Regions")} WHERE {q("Code")} = '431025100000' LIMIT 1");
            var id = database.GuidParameter(Guid.NewGuid());
            string number;
            await using (var tx = await connection.BeginTransactionAsync())
            {
                await using (var cmd = connection.CreateCommand())
                {
                    cmd.Transaction = tx;
                    cmd.CommandText = Counter;
                    var p = cmd.CreateParameter();
                    p.ParameterName = "@prefix";
                    p.Value = operatorPrefix;
                    cmd.Parameters.Add(p);
                    number = $"{operatorPrefix}-{Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture):D5}";
                }
                await BenchSql.ExecAsync(connection, insertAudit, tx, BenchSql.InsertParameters(auditColumns, operatorAudit, c => c == "EntityKey" ? number : null));
                await BenchSql.ExecAsync(connection, insertEvent, tx, BenchSql.InsertParameters(eventColumns, operatorEvent, c => c == "WorkOrderId" ? id : null));
                await BenchSql.ExecAsync(connection, insertOrder, tx, BenchSql.InsertParameters(orderColumns, operatorOrder, c => c switch { "Id" => id, "Number" => number, _ => null }));
                foreach (var upsert in operatorFigures)
                {
                    await BenchSql.ExecAsync(connection, HotlineUpsert, tx, upsert);
                }
                await tx.CommitAsync();
            }
            await BenchSql.QueryAsync(connection, $"SELECT * FROM {q("AspNetUsers")} WHERE {q("Id")} = @u LIMIT 1", ("@u", operatorUser!));
            await BenchSql.QueryAsync(connection, $"SELECT * FROM {q("WorkOrderEvents")} WHERE {q("WorkOrderId")} = @id ORDER BY {q("Sequence")}", ("@id", id));
            await BenchSql.QueryAsync(connection, $"SELECT {q("Name")} FROM {q("HotlineCategories")} WHERE {q("Code")} = 'CX.02' LIMIT 1");
            await BenchSql.QueryAsync(connection, $"SELECT {q("Name")} FROM {q("Regions")} WHERE {q("Code")} = '431025100000' LIMIT 1");
        }
        var rawOperator = await Measure.RunAsync($"raw SQL: one operator registration, its reads, its three rows, the six kept figure rows and the answer's reads (ceiling){at}", samples, RawOperatorIntake);
        results.Add(rawOperator);
        results.Add((await Measure.RunAsync($"POST /api/v1/hotline/orders: the operator registers a call{at}", samples, OperatorIntake)).Against(rawOperator));
        foreach (var workers in new[] { 16, 64 })
        {
            var rates = await Measure.ThroughputRoundsAsync(workers, TimeSpan.FromSeconds(5), rounds: 5, database.ServerCpuSeconds(),
                ($"raw SQL operator registration, {workers} writers (ceiling){at}", RawOperatorIntake), ($"POST /api/v1/hotline/orders, {workers} clients{at}", OperatorIntake));
            results.Add(rates.Medians[0]);
            results.Add(rates.Medians[1].Against(rates.Medians[0]));
            await CheckNumbersAsync(raw, database);
        }
        return results;
    }

    /// <summary>
    /// The kept work-order figures a registration adds (ADR 0032): the app's own fold of the order's first event, one
    /// upsert per dimension, with the parameters as the ceiling sends them (the day as SQLite stores it there).
    /// </summary>
    private static async Task<List<(string Name, object Value)[]>> HotlineUpsertsAsync(IServiceProvider services, BenchDatabase database, string number)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneWindow.Web.Data.OneWindowDbContext>();
        var order = await db.Set<OneWindow.Domain.Hotline.WorkOrder>().AsNoTracking().SingleAsync(o => o.Number == number);
        var first = await db.Set<OneWindow.Domain.Hotline.WorkOrderEvent>().AsNoTracking().Where(e => e.WorkOrderId == order.Id).OrderBy(e => e.Sequence).FirstAsync();
        var sums = new Dictionary<HotlineFigureKey, HotlineValues>();
        new HotlineFold().AddTo(sums, HotlineGrain.Of(order), first.Action, first.At, first.Data);
        return [.. sums.Select(kv => HotlineFigureRows.Parameters(kv.Key, kv.Value)
            .Select((v, i) => ($"@p{i}", v is DateOnly d && database.Provider != "Postgres" ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : v)).ToArray())];
    }

    private static readonly string HotlineUpsert = System.Text.RegularExpressions.Regex.Replace(HotlineFigureRows.Statement, @"\{(\d+)\}", "@p$1");

    /// <summary>The app's numbers of the day: each once, and as many as the highest (none missing).</summary>
    private static async Task CheckNumbersAsync(DbConnection raw, BenchDatabase database)
    {
        var prefix = $"RX431025-{ChinaTime.DateOf(DateTime.UtcNow):yyyyMMdd}-";
        var q = BenchDatabase.Quote;
        var duplicates = await BenchSql.ScalarAsync(raw, $"SELECT COUNT(*) FROM (SELECT {q("Number")} FROM {q("WorkOrders")} WHERE {q("Number")} LIKE @p GROUP BY {q("Number")} HAVING COUNT(*) > 1) d", ("@p", prefix + "%"));
        var count = await BenchSql.ScalarAsync(raw, $"SELECT COUNT(*) FROM {q("WorkOrders")} WHERE {q("Number")} LIKE @p", ("@p", prefix + "%"));
        var highest = await BenchSql.ScalarAsync(raw, $"SELECT MAX({q("Number")}) FROM {q("WorkOrders")} WHERE {q("Number")} LIKE @p", ("@p", prefix + "%"));
        var last = highest is null ? 0 : int.Parse(highest[^5..], CultureInfo.InvariantCulture);
        Console.WriteLine($"  numbers {prefix}…: {count} orders, the highest {last}, {duplicates} numbers twice");
        if (duplicates != "0" || count != last.ToString(CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"The work-order numbers of the day are not one gap-free series: {count} orders, the highest {last}, {duplicates} twice.");
        }
    }
}
