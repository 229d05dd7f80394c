using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Microsoft.Extensions.DependencyInjection;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Data;

namespace OneWindow.Bench;

public sealed record BenchOptions(int Items, int Samples, int Seed, string? Postgres, int Cases = 0, int Due = 5000, int Load = 0, bool Keep = false, string? Reuse = null, bool TraceIntake = false, bool Open311 = false, bool GenerateOnly = false, int Hotline = 0, bool ReportOnly = false)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new BenchOptions(
            int.Parse(Value("--items") ?? "100000", CultureInfo.InvariantCulture),
            int.Parse(Value("--samples") ?? "300", CultureInfo.InvariantCulture),
            int.Parse(Value("--seed") ?? "42", CultureInfo.InvariantCulture),
            Value("--postgres"),
            int.Parse(Value("--cases") ?? "0", CultureInfo.InvariantCulture),
            int.Parse(Value("--due") ?? "5000", CultureInfo.InvariantCulture),
            args.Contains("--load") ? int.Parse(Value("--load") is { } n && !n.StartsWith('-') ? n : "1000000", CultureInfo.InvariantCulture) : 0,
            args.Contains("--keep") || args.Contains("--reuse"),
            Value("--reuse"),
            args.Contains("--trace-intake"),
            args.Contains("--open311"),
            args.Contains("--generate-only"),
            args.Contains("--hotline") ? int.Parse(Value("--hotline") is { } h && !h.StartsWith('-') ? h : "1000000", CultureInfo.InvariantCulture) : 0,
            args.Contains("--report-only"));
    }

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OneWindow.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Run the bench from inside the repository.");
    }
}

/// <summary>A fresh database for one run: a temporary SQLite file, or a new database on the given PostgreSQL server (dropped at the end unless --keep); or one kept earlier (--reuse).</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _file;
    private readonly string? _server;
    private readonly string? _name;
    private readonly bool _keep;

    private BenchDatabase(string provider, string connectionString, string? file, string? server, string? name, bool keep)
    {
        _keep = keep;
        Provider = provider;
        ConnectionString = connectionString;
        _file = file;
        _server = server;
        _name = name;
    }

    public string Provider { get; }
    public string ConnectionString { get; }

    /// <summary>Whether the run measures a database kept by an earlier run (<c>--reuse</c>) instead of generating one.</summary>
    public bool Reused { get; private init; }

    public static async Task<BenchDatabase> CreateAsync(BenchOptions options)
    {
        if (options.Reuse is { } kept)
        {
            // The connection string an earlier --keep printed: migrated to this build, measured, kept again.
            var postgres = kept.Contains("Host=", StringComparison.OrdinalIgnoreCase);
            return new BenchDatabase(postgres ? "Postgres" : "Sqlite", kept, null, null, null, keep: true) { Reused = true };
        }
        if (options.Postgres is { } server)
        {
            var name = "ow_bench_" + Guid.NewGuid().ToString("N")[..12];
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using (var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin))
            {
                await cmd.ExecuteNonQueryAsync();
            }
            return new BenchDatabase("Postgres", new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, null, server, name, options.Keep);
        }
        var file = Path.Combine(Path.GetTempPath(), $"onewindow-bench-{Guid.NewGuid():N}.db");
        return new BenchDatabase("Sqlite", $"Data Source={file}", file, null, null, options.Keep);
    }

    /// <summary>A connection with the app's own settings (on PostgreSQL, its prepared statements), so a ceiling is not handicapped.</summary>
    public DbConnection OpenRawConnection() =>
        Provider == "Postgres" ? new NpgsqlConnection(DatabaseSetup.WithConnectionDefaults(ConnectionString)) : new SqliteConnection(ConnectionString);

    public static string Quote(string identifier) => "\"" + identifier + "\"";

    /// <summary>
    /// On PostgreSQL, the CPU seconds its backends serving this database have used (from /proc: the server runs on
    /// this machine); the shared background processes (WAL writer, checkpointer) are not counted. Null on SQLite,
    /// which runs inside this process.
    /// </summary>
    public Func<Task<double>>? ServerCpuSeconds() => Provider != "Postgres" ? null : async () =>
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", connection);
        await using var reader = await cmd.ExecuteReaderAsync();
        var seconds = 0.0;
        while (await reader.ReadAsync())
        {
            try
            {
                // Fields 14 and 15 (utime, stime) after the parenthesized command name, in clock ticks (100 a second).
                var stat = await File.ReadAllTextAsync($"/proc/{reader.GetInt32(0)}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                seconds += (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
            }
            catch (IOException)
            {
                // the backend has just ended
            }
        }
        return seconds;
    };

    /// <summary>EF stores Guids as upper-case text on SQLite and as uuid on PostgreSQL; raw SQL must match.</summary>
    public object GuidParameter(Guid id) => Provider == "Postgres" ? id : id.ToString().ToUpperInvariant();

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (_keep)
        {
            // --keep: the data set stays for a look with sqlite3 or psql.
            Console.WriteLine($"kept the database: {ConnectionString}");
            return;
        }
        if (_file is not null)
        {
            foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" })
            {
                File.Delete(f);
            }
        }
        if (_server is not null)
        {
            await using var admin = new NpgsqlConnection(_server);
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", admin);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}

/// <summary>Fills the catalog with N published items through the app's own model, in batches.</summary>
public static class CatalogGenerator
{
    public static async Task<List<string>> FillAsync(IServiceProvider services, BenchDatabase database, int count, int seed)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
        if (database.Reused)
        {
#pragma warning disable CA1866 // Translated to SQL (LIKE 'B%'), as the string form is on both providers.
            return await db.ServiceItems.AsNoTracking().Where(i => i.Code.StartsWith("B")).OrderBy(i => i.Code).Select(i => i.Code).ToListAsync();
#pragma warning restore CA1866
        }
        var templates = await db.ServiceItemVersions.AsNoTracking().Where(v => v.Status == VersionStatus.Published).Select(v => v.Guide).ToListAsync();
        var departments = await db.Departments.AsNoTracking().Select(d => d.Id).ToListAsync();
        var towns = await db.Regions.AsNoTracking().Where(r => r.Level == Domain.Organization.RegionLevel.Town).Select(r => r.Name).ToListAsync();
        var random = new Random(seed);
        var codes = new List<string>(count);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var today = Domain.Calendar.ChinaTime.DateOf(now);
        const int batch = 2000;
        var progress = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var template = templates[random.Next(templates.Count)];
            var code = $"B{i:D7}-{random.Next(100000):D5}";
            var guide = template with
            {
                Name = template.Name + "（" + towns[random.Next(towns.Count)] + "）",
                DepartmentId = departments[random.Next(departments.Count)],
            };
            var item = ServiceItem.Create(code, guide, "bench", now);
            item.Publish("bench", now, today);
            db.ServiceItems.Add(item);
            codes.Add(code);
            if ((i + 1) % batch == 0 || i == count - 1)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
                if (progress.Elapsed.TotalSeconds > 5)
                {
                    Console.WriteLine($"  … {i + 1:N0} items");
                    progress.Restart();
                }
            }
        }
        if (database.Provider == "Postgres")
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }
        codes.Sort(StringComparer.Ordinal);
        return codes;
    }
}

/// <summary>The medians of each side of <see cref="Measure.ThroughputRoundsAsync"/> (the app last), each round's ratio of the app to each ceiling, and the CPU milliseconds per operation of this process and of the database server.</summary>
public sealed record Throughput(Scenario[] Medians, double[][] RoundRatios, double[] CpuMsPerOp, double[] ServerCpuMsPerOp);

/// <summary>One measured scenario: latency percentiles in milliseconds, and its ratio to a ceiling.</summary>
public sealed record Scenario(string Name, int Samples, double P50, double P95, double P99, Scenario? Ceiling = null, string Unit = "ms")
{
    public Scenario Against(Scenario ceiling) => this with { Ceiling = ceiling };
}

public static class Measure
{
    public static async Task<Scenario> RunAsync(string name, int samples, Func<Task> action)
    {
        await WarmUpInSequenceAsync(samples, action);
        var times = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await action();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        Console.WriteLine($"  {name}: p50 {Pct(times, 0.5):F2} ms");
        return new Scenario(name, samples, Pct(times, 0.50), Pct(times, 0.95), Pct(times, 0.99));
    }

    /// <summary>
    /// The latency of a ceiling and of what it bounds, their samples taken in turn (ceiling, app, app, ceiling, …), so
    /// that both run on the same machine: measured one after the other, a side that ran while the in-process app was
    /// still busy after its start (or the host was) reported that, not itself. Returns the ceiling and the app
    /// (against the ceiling); each is warmed up first as <see cref="RunAsync"/> does.
    /// </summary>
    public static async Task<(Scenario Ceiling, Scenario App)> PairAsync(int samples, (string Name, Func<Task> Action) ceiling, (string Name, Func<Task> Action) app)
    {
        await WarmUpInSequenceAsync(samples, ceiling.Action);
        await WarmUpInSequenceAsync(samples, app.Action);
        var (ceilingTimes, appTimes) = (new double[samples], new double[samples]);
        for (var i = 0; i < samples; i++)
        {
            // The order turns each sample, so that neither side always follows the other.
            var sides = i % 2 == 0 ? new[] { (ceiling.Action, ceilingTimes), (app.Action, appTimes) } : [(app.Action, appTimes), (ceiling.Action, ceilingTimes)];
            foreach (var (action, times) in sides)
            {
                var start = Stopwatch.GetTimestamp();
                await action();
                times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }
        Array.Sort(ceilingTimes);
        Array.Sort(appTimes);
        Console.WriteLine($"  {ceiling.Name}: p50 {Pct(ceilingTimes, 0.5):F2} ms; {app.Name}: p50 {Pct(appTimes, 0.5):F2} ms (taken in turn)");
        var c = new Scenario(ceiling.Name, samples, Pct(ceilingTimes, 0.50), Pct(ceilingTimes, 0.95), Pct(ceilingTimes, 0.99));
        return (c, new Scenario(app.Name, samples, Pct(appTimes, 0.50), Pct(appTimes, 0.95), Pct(appTimes, 0.99), c));
    }

    // Warm-up: connection pools, page caches, and the JIT until it has no more to do for this path (at most as many calls
    // as are measured, so a scenario that uses up rows needs twice its samples).
    private static async Task WarmUpInSequenceAsync(int samples, Func<Task> action)
    {
        var quiet = 0;
        for (var i = 0; i < samples && (i < 20 || quiet < 10); i++)
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            await action();
            quiet = JitInfo.GetCompiledMethodCount() == compiled ? quiet + 1 : 0;
        }
    }

    /// <summary>
    /// Operations per second with <paramref name="workers"/> running at once for <paramref name="duration"/>, of the
    /// app (the last side) and of its ceilings, in alternating rounds — each side once per round, the order turning
    /// by one each round so that no side always runs first — and reported as the median of each: on a machine whose
    /// speed drifts within minutes, two single measurements taken one after the other compare two different machines.
    /// Every round's ratio of the app to each ceiling is printed and returned, and so is the CPU each operation cost:
    /// this process's (the app, Kestrel, the clients, and on SQLite the database) and, when
    /// <paramref name="serverCpuSeconds"/> is given, the database server's for this database.
    /// </summary>
    public static async Task<Throughput> ThroughputRoundsAsync(int workers, TimeSpan duration, int rounds, Func<Task<double>>? serverCpuSeconds,
        params (string Name, Func<Task> Action)[] sides)
    {
        foreach (var (name, action) in sides)
        {
            await WarmUpAsync(name, workers, action);
        }
        var rates = sides.Select(_ => new List<double>()).ToArray();
        var cpu = sides.Select(_ => new List<double>()).ToArray();
        var serverCpu = sides.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var k = 0; k < sides.Length; k++)
            {
                var i = (round + k) % sides.Length;
                var ownBefore = Environment.CpuUsage.TotalTime.TotalSeconds;
                var serverBefore = serverCpuSeconds is null ? 0 : await serverCpuSeconds();
                var start = Stopwatch.GetTimestamp();
                var done = await RunForAsync(workers, duration, sides[i].Action);
                rates[i].Add(done / Stopwatch.GetElapsedTime(start).TotalSeconds);
                cpu[i].Add((Environment.CpuUsage.TotalTime.TotalSeconds - ownBefore) * 1000 / done);
                serverCpu[i].Add(serverCpuSeconds is null ? 0 : (await serverCpuSeconds() - serverBefore) * 1000 / done);
            }
            var app = rates[^1][^1];
            Console.WriteLine($"  round {round + 1}: " + string.Join(", ", sides.Select((s, i) => $"{s.Name} {rates[i][^1]:F0} ops/s ({cpu[i][^1]:F2}{(serverCpuSeconds is null ? "" : $" + {serverCpu[i][^1]:F2}")} ms CPU/op)")) +
                " — the app at " + string.Join(", ", sides[..^1].Select((s, i) => $"{app / rates[i][^1]:P0} of {s.Name}")));
        }
        static double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
        var medians = sides.Select((s, i) => new Scenario(s.Name, rounds, Median(rates[i]), Median(rates[i]), Median(rates[i]), Unit: "ops/s")).ToArray();
        var ratios = sides[..^1].Select((_, i) => rates[^1].Zip(rates[i], (a, c) => a / c).ToArray()).ToArray();
        for (var i = 0; i < sides.Length - 1; i++)
        {
            Console.WriteLine($"  {sides[^1].Name}: median {medians[^1].P50:F0} ops/s against {medians[i].P50:F0} ops/s of {sides[i].Name} ({medians[^1].P50 / medians[i].P50:P0}; rounds {string.Join(", ", ratios[i].Select(r => r.ToString("P0", CultureInfo.InvariantCulture)))})");
        }
        for (var i = 0; i < sides.Length; i++)
        {
            Console.WriteLine($"  CPU per operation, median of the rounds, {sides[i].Name}: this process {Median(cpu[i]):F2} ms" + (serverCpuSeconds is null ? "" : $", the database server {Median(serverCpu[i]):F2} ms"));
        }
        return new Throughput(medians, ratios, [.. cpu.Select(Median)], [.. serverCpu.Select(Median)]);
    }

    // Warm-up under the same concurrency until the JIT has settled: its tiers and dynamic PGO take some thousand
    // calls and tens of seconds on two cores, and a server measured while it still compiles reports its compiler,
    // not the steady state it runs in for days. Each side of a ratio is warmed up the same way.
    private static async Task WarmUpAsync(string name, int workers, Func<Task> action)
    {
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(90))
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            await RunForAsync(workers, TimeSpan.FromSeconds(2), action);
            if (warm.Elapsed > TimeSpan.FromSeconds(4) && JitInfo.GetCompiledMethodCount() - compiled < 5)
            {
                break;
            }
        }
        Console.WriteLine($"  ({name}: warmed up for {warm.Elapsed.TotalSeconds:F0} s until the JIT settled)");
    }

    private static async Task<int> RunForAsync(int workers, TimeSpan duration, Func<Task> action)
    {
        var done = 0;
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                await action();
                Interlocked.Increment(ref done);
            }
        })));
        return done;
    }

    /// <summary>CPU-bound work: nanoseconds per operation over batches (p50/p95 of the batch means).</summary>
    public static Scenario Compute(string name, int operations, Func<int, int> op)
    {
        var sink = 0;
        for (var i = 0; i < 10_000; i++)
        {
            sink += op(i);
        }
        const int batches = 40;
        var per = operations / batches;
        var means = new double[batches];
        for (var b = 0; b < batches; b++)
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < per; i++)
            {
                sink += op(b * per + i);
            }
            means[b] = Stopwatch.GetElapsedTime(start).TotalMilliseconds * 1_000_000 / per;
        }
        Array.Sort(means);
        Console.WriteLine($"  {name}: {Pct(means, 0.5):F0} ns/op ({sink % 10})");
        return new Scenario(name, operations, Pct(means, 0.5), Pct(means, 0.95), Pct(means, 0.99), Unit: "ns/op");
    }

    private static double Pct(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

public static class Report
{
    public static void Print(IReadOnlyList<Scenario> results, BenchOptions options, string provider)
    {
        Console.WriteLine();
        Console.WriteLine($"| scenario ({provider}, {options.Items:N0} items) | p50 | p95 | ratio p50 / ceiling p50 |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var r in results)
        {
            // A rate is shown as the share of its ceiling's; a time as how many times its ceiling's.
            var ratio = r.Ceiling is { } c
                ? r.Unit == "ops/s" ? (r.P50 / c.P50).ToString("P0", CultureInfo.InvariantCulture) : (r.P50 / c.P50).ToString("F1", CultureInfo.InvariantCulture) + "×"
                : r.Unit == "MB" ? "—" : "(ceiling)";
            Console.WriteLine($"| {r.Name} | {r.P50:F2} {r.Unit} | {r.P95:F2} {r.Unit} | {ratio} |");
        }
    }
}
