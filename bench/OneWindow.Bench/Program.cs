using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OneWindow.Bench;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Catalog;
using OneWindow.Web;
using OneWindow.Web.Data;

// The benchmark harness: a catalog of N published items on SQLite or PostgreSQL, the app on Kestrel, and each
// scenario measured against a ceiling taken in the same run (raw SQL on the same database, a bare endpoint).
// Usage: dotnet run -c Release --project bench/OneWindow.Bench -- [--items 100000] [--samples 300] [--load [1000000]] [--cases 1000000 [--due 5000]] [--postgres "<connection string>"] [--keep | --reuse "<connection string it printed>"] [--trace-intake] [--open311] [--hotline [1000000]] [--generate-only] [--report-only]
var options = BenchOptions.Parse(args);
Console.WriteLine($"OneWindow bench: {options.Items:N0} items, {options.Samples} samples per scenario, {(options.Postgres is null ? "SQLite" : "PostgreSQL")}, {Environment.ProcessorCount} cores");

await using var database = await BenchDatabase.CreateAsync(options);
var repo = BenchOptions.RepoRoot();
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = "OneWindow.Web", ContentRootPath = Path.Combine(repo, "src", "OneWindow.Web"), EnvironmentName = "Production" });
builder.Logging.ClearProviders();
builder.Configuration["Database:Provider"] = database.Provider;
builder.Configuration["ConnectionStrings:OneWindow"] = database.ConnectionString;
// The sweeps run only when a scenario runs them.
builder.Configuration["Supervision:SweepSeconds"] = "0";
builder.Configuration["Cases:IntakeSweepSeconds"] = "0";
builder.Configuration["Seed:DemoHistory"] = "false"; // the bench makes its own load
builder.Configuration["RateLimits:PublicPerMinute"] = "100000000"; // Open311's load comes from one address
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.AddOneWindow();
var app = builder.Build();
var sw = Stopwatch.StartNew();
await app.PrepareDatabaseAsync();
Console.WriteLine($"migrated and seeded the demo county in {sw.Elapsed.TotalSeconds:F1} s");

sw.Restart();
var codes = await CatalogGenerator.FillAsync(app.Services, database, options.Items, options.Seed);
Console.WriteLine($"generated {options.Items:N0} published items in {sw.Elapsed.TotalSeconds:F1} s");

app.UseOneWindow();
// The intake's ceiling: the registration's own statements raw, on the same host behind the same sign-in and policy.
var intakeCeiling = new IntakeCeiling(database, app.Services.GetService<SqliteWriteGate>());
app.MapPost(IntakeCeiling.Route, intakeCeiling.RegisterAsync).RequireAuthorization(OneWindow.Web.Infrastructure.Policies.CaseWork).ExcludeFromDescription();
await app.StartAsync();
var baseUrl = app.Urls.First();
using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
var random = new Random(options.Seed);
string RandomCode() => codes[random.Next(codes.Count)];

await using var raw = database.OpenRawConnection();
await raw.OpenAsync();
var q = BenchDatabase.Quote;
var results = new List<Scenario>();

results.Add(await Measure.RunAsync("bare endpoint GET /health/live (HTTP ceiling)", options.Samples, async () => await Get(http, "/health/live")));
var pageSql = $"SELECT {q("ItemCode")}, {q("Name")}, {q("DepartmentId")}, {q("PromisedLimitDays")} FROM {q("ServiceItemVersions")} WHERE {q("Status")} = 2 AND {q("ItemCode")} > @after ORDER BY {q("ItemCode")} LIMIT 21";
var rawPage = await Measure.RunAsync("raw SQL: one keyset page of published items", options.Samples, () => BenchSql.QueryAsync(raw, pageSql, ("@after", RandomCode())));
results.Add(rawPage);
results.Add((await Measure.RunAsync("GET /api/v1/catalog/items?after=…&limit=20", options.Samples, () => Get(http, "/api/v1/catalog/items?limit=20&after=" + Uri.EscapeDataString(RandomCode())))).Against(rawPage));
results.Add((await Measure.RunAsync("GET /guides?after=… (HTML page)", options.Samples, () => Get(http, "/guides?after=" + Uri.EscapeDataString(RandomCode())))).Against(rawPage));
var deptSql = $"SELECT {q("ItemCode")} FROM {q("ServiceItemVersions")} WHERE {q("Status")} = 2 AND {q("DepartmentId")} = @dept AND {q("ItemCode")} > @after ORDER BY {q("ItemCode")} LIMIT 21";
var department = await app.Services.CreateScope().ServiceProvider.GetRequiredService<OneWindowDbContext>().Departments.Select(d => d.Id).FirstAsync();
var rawDept = await Measure.RunAsync("raw SQL: a department's page", options.Samples, () => BenchSql.QueryAsync(raw, deptSql, ("@dept", database.GuidParameter(department)), ("@after", RandomCode())));
results.Add(rawDept);
results.Add((await Measure.RunAsync("GET /api/v1/catalog/items?department=…&after=…", options.Samples, () => Get(http, $"/api/v1/catalog/items?department={department}&after=" + Uri.EscapeDataString(RandomCode())))).Against(rawDept));
var guideSql = $"SELECT {q("Guide")} FROM {q("ServiceItemVersions")} WHERE {q("ItemCode")} = @code AND {q("Status")} = 2";
var rawGuide = await Measure.RunAsync("raw SQL: one guide by code", options.Samples, () => BenchSql.QueryAsync(raw, guideSql, ("@code", RandomCode())));
results.Add(rawGuide);
results.Add((await Measure.RunAsync("GET /api/v1/catalog/items/{code}", options.Samples, () => Get(http, "/api/v1/catalog/items/" + RandomCode()))).Against(rawGuide));
results.Add((await Measure.RunAsync("GET /guides/{code} (HTML page)", options.Samples, () => Get(http, "/guides/" + RandomCode()))).Against(rawGuide));
var words = new[] { "登记", "许可", "备案", "审批", "证明" };
var searchSql = $"SELECT {q("ItemCode")} FROM {q("ServiceItemVersions")} WHERE {q("Status")} = 2 AND {q("SearchText")} LIKE @word ORDER BY {q("ItemCode")} LIMIT 21";
var rawSearch = await Measure.RunAsync("raw SQL: keyword LIKE '%…%', first page", Math.Min(options.Samples, 60), () => BenchSql.QueryAsync(raw, searchSql, ("@word", "%" + words[random.Next(words.Length)] + "%")));
results.Add(rawSearch);
results.Add((await Measure.RunAsync("GET /api/v1/catalog/items?q=…", Math.Min(options.Samples, 60), () => Get(http, "/api/v1/catalog/items?q=" + Uri.EscapeDataString(words[random.Next(words.Length)])))).Against(rawSearch));

// The calendar: constant-time ordinals against a day-by-day loop over the same calendar.
var calendar = WorkingDayCalendar.Create(NationalCalendar.ShippedDays, null, NationalCalendar.ShippedNoticeYears);
var start = new DateOnly(2007, 1, 1);
var loop = Measure.Compute("day-by-day loop: 20 working days from a date (floor)", 200_000, i => LoopAdd(calendar, start.AddDays(i % 7000), 20));
var ordinal = Measure.Compute("LegalClock.Due: 20 working days from an instant", 200_000, i => LegalClock.Due(calendar, ChinaTime.StartOfDayUtc(start.AddDays(i % 7000)), 20).DueDate!.Value.DayNumber);
results.Add(loop);
results.Add(ordinal.Against(loop));

if (options.Load > 0 && options.GenerateOnly)
{
    // --generate-only --keep: make the data set (cases, their chains, their kept figures) and stop; --reuse measures it.
    var made = Stopwatch.StartNew();
    await CaseLoadGenerator.FillAsync(database, app.Services, await CaseLoadGenerator.MakeTemplatesAsync(app.Services), options.Load, options.Seed);
    var (cases, rows, took) = await KeptFiguresLoad.BuildAsync(app.Services, database);
    Console.WriteLine($"generated {options.Load:N0} cases and their kept figures ({rows:N0} rows from {cases:N0} cases in {took.TotalSeconds:F0} s) in {made.Elapsed.TotalSeconds:F0} s");
    await app.StopAsync();
    return;
}

if (options.Load > 0)
{
    // The same app without the kept figures' case hook, on the same database: what the hook costs an intake is measured
    // against the intake without it, in alternating rounds (issue 20: at most 10 % more).
    // --report-only: the report and the assessment on a kept data set, without the case scenarios before them.
    if (!options.ReportOnly)
    {
        await using var withoutFigures = await StartWithoutFiguresAsync(database, repo);
        results.AddRange(await CaseLoadBench.RunAsync(app.Services, database, baseUrl, intakeCeiling, options.Load, options.Seed, options.Samples, options.TraceIntake, withoutFigures.Urls.First()));
    }
    if (!options.TraceIntake)
    {
        results.AddRange(await StatisticsBench.RunAsync(app.Services, database, baseUrl, options.Samples));
    }
}

if (options.Open311)
{
    results.AddRange(await Open311Bench.RunAsync(app.Services, database, baseUrl, options.Samples, options.TraceIntake));
}

if (options.Hotline > 0)
{
    results.AddRange(await HotlineBench.RunAsync(app.Services, database, baseUrl, options.Hotline, options.Seed, options.Samples));
    if (options.Open311 && !options.TraceIntake)
    {
        // The intake again, now with the generated orders in the table (issue 19: at 0 and at 1,000,000 existing orders).
        results.AddRange(await Open311Bench.RunAsync(app.Services, database, baseUrl, options.Samples, existing: options.Hotline));
    }
}

if (options.Cases > 0)
{
    results.AddRange(await SupervisionBench.RunAsync(app.Services, database, options.Cases, options.Due, options.Samples));
}

await app.StopAsync();
Report.Print(results, options, database.Provider);
return;

static async Task<WebApplication> StartWithoutFiguresAsync(BenchDatabase database, string repo)
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = "OneWindow.Web", ContentRootPath = Path.Combine(repo, "src", "OneWindow.Web"), EnvironmentName = "Production" });
    builder.Logging.ClearProviders();
    builder.Configuration["Database:Provider"] = database.Provider;
    builder.Configuration["ConnectionStrings:OneWindow"] = database.ConnectionString;
    builder.Configuration["Supervision:SweepSeconds"] = "0";
    builder.Configuration["Cases:IntakeSweepSeconds"] = "0";
    builder.Configuration["Seed:DemoHistory"] = "false";
    // Without the figures: no case queued, and this host's settlement sweep does not settle the other host's queue.
    builder.Configuration["Statistics:SettleSeconds"] = "0";
    builder.WebHost.UseUrls("http://127.0.0.1:0");
    builder.AddOneWindow();
    foreach (var hook in builder.Services.Where(d => d.ImplementationType == typeof(OneWindow.Web.Modules.Statistics.QueueCaseFigures)).ToList())
    {
        builder.Services.Remove(hook);
    }
    var app = builder.Build();
    app.UseOneWindow();
    await app.StartAsync();
    return app;
}

static async Task Get(HttpClient http, string url)
{
    using var response = await http.GetAsync(url);
    response.EnsureSuccessStatusCode();
    await response.Content.ReadAsByteArrayAsync();
}

static int LoopAdd(WorkingDayCalendar calendar, DateOnly from, int days)
{
    var d = from;
    while (days > 0)
    {
        d = d.AddDays(1);
        if (calendar.IsWorkingDay(d))
        {
            days--;
        }
    }
    return d.DayNumber;
}
