using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Supervision;

namespace OneWindow.Bench;

/// <summary>
/// The supervision sweep at scale: N open cases on the watch list (default 1,000,000), of which a few thousand are
/// due, the rest due at instants spread over the next 30 days. Cases are copied in SQL from one real accepted case
/// (made through the domain, 40 days old, so every deadline of a due copy has passed and it raises real alerts).
/// </summary>
public static class SupervisionBench
{
    public static async Task<IReadOnlyList<Scenario>> RunAsync(IServiceProvider services, BenchDatabase database, int cases, int due, int samples)
    {
        var now = DateTime.UtcNow;
        var sw = Stopwatch.StartNew();
        await FillAsync(services, database, cases, due, now);
        Console.WriteLine($"generated {cases:N0} open cases on the watch list ({due:N0} due) in {sw.Elapsed.TotalSeconds:F1} s");

        await using var raw = database.OpenRawConnection();
        await raw.OpenAsync();
        var q = BenchDatabase.Quote;
        var at = database.Provider == "Postgres" ? (object)DateTime.UtcNow : DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        // What one idle pass must ask the database: the due watches, the late notices, the alerts to escalate.
        var dueSql = $"SELECT {q("SubjectKind")}, {q("SubjectId")}, {q("DueAt")}, {q("Revision")} FROM {q("SupervisionWatches")} WHERE {q("DueAt")} <= @now ORDER BY {q("DueAt")}, {q("SubjectKind")}, {q("SubjectId")} LIMIT 500";
        var noticeSql = $"SELECT n.{q("Id")} FROM {q("SupervisionNotices")} n WHERE n.{q("Status")} = 1 AND n.{q("ReplyDueAt")} <= @now AND NOT EXISTS (SELECT 1 FROM {q("SupervisionAlerts")} a WHERE a.{q("NoticeId")} = n.{q("Id")}) ORDER BY n.{q("ReplyDueAt")}, n.{q("Id")} LIMIT 500";
        var escalateSql = $"SELECT {q("Id")} FROM {q("SupervisionAlerts")} WHERE {q("EscalateAt")} <= @now ORDER BY {q("EscalateAt")}, {q("Id")} LIMIT 500";

        var rawDue = await Measure.RunAsync($"raw SQL: the due batch among {cases:N0} watched cases (ceiling)", samples, () => BenchSql.QueryAsync(raw, dueSql, ("@now", at)));
        var sweep = services.GetRequiredService<SupervisionSweep>();
        sw.Restart();
        var total = new SweepResult(true, 0, 0, 0, 0);
        for (var pass = 0; pass < 100; pass++)
        {
            var r = await sweep.RunOnceAsync(CancellationToken.None);
            total = total with { SubjectsChecked = total.SubjectsChecked + r.SubjectsChecked, AlertsRaised = total.AlertsRaised + r.AlertsRaised };
            if (r.SubjectsChecked == 0)
            {
                break;
            }
        }
        var elapsed = sw.Elapsed.TotalMilliseconds;
        Console.WriteLine($"sweep checked {total.SubjectsChecked:N0} due cases and raised {total.AlertsRaised:N0} alerts in {elapsed / 1000:F1} s");
        var perCase = new Scenario($"sweep: check a due case, raise its alerts, tell the department ({total.AlertsRaised / Math.Max(1, total.SubjectsChecked):F1} alerts each)",
            total.SubjectsChecked, elapsed / Math.Max(1, total.SubjectsChecked), elapsed / Math.Max(1, total.SubjectsChecked), elapsed / Math.Max(1, total.SubjectsChecked));
        var writes = await RawWritesAsync(raw, database, total.AlertsRaised / Math.Max(1, total.SubjectsChecked), Math.Min(samples, 500));

        // On PostgreSQL a pass is safe beside other instances only under its advisory lock, so the same work done raw
        // takes and releases it too (SQLite, one process, needs no statement for it).
        var postgres = database.Provider == "Postgres";
        // A pooled connection per pass, as the sweep takes one per tick (and the intake ceiling one per transaction).
        var rawIdle = await Measure.RunAsync(postgres ? "raw SQL: an idle pass — a pooled connection, advisory lock, three indexed queries, unlock (ceiling)" : "raw SQL: an idle pass — a pooled connection, three indexed queries (ceiling)", samples, async () =>
        {
            await using var connection = database.OpenRawConnection();
            await connection.OpenAsync();
            if (postgres)
            {
                await BenchSql.QueryAsync(connection, "SELECT pg_try_advisory_lock(4242)");
            }
            await BenchSql.QueryAsync(connection, dueSql, ("@now", at));
            await BenchSql.QueryAsync(connection, noticeSql, ("@now", at));
            await BenchSql.QueryAsync(connection, escalateSql, ("@now", at));
            if (postgres)
            {
                await BenchSql.QueryAsync(connection, "SELECT pg_advisory_unlock(4242)");
            }
        });
        var idle = await Measure.RunAsync($"sweep pass with nothing due, {cases:N0} open cases", samples, async () => await sweep.RunOnceAsync(CancellationToken.None));
        return [rawDue, writes, perCase.Against(writes), rawIdle, idle.Against(rawIdle)];
    }

    private static async Task FillAsync(IServiceProvider services, BenchDatabase database, int cases, int due, DateTime now)
    {
        Guid templateId;
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
            var calendar = await scope.ServiceProvider.GetRequiredService<RegionCalendars>().ForRegionAsync("431025000000");
            var version = await db.ServiceItemVersions.AsNoTracking().FirstAsync(v => v.ItemCode == "431025-MZ-002" && v.Status == VersionStatus.Published);
            var venue = await db.Venues.AsNoTracking().Where(v => v.Tier == Domain.Organization.VenueTier.CountyCenter).Select(v => v.Id).FirstAsync();
            var applicant = Applicant.Create(ApplicantKind.Person, "压测", "11010519491231002X", "13800000000", ChinaTime.DateOf(now));
            var clerk = new Actor("bench", "压测", "WindowClerk");
            var received = now.AddDays(-40);
            var c = Case.Receive("BENCH-TEMPLATE", CaseTemplate.ForItem(version), applicant, CaseChannel.Window, venue, "431025000000", [], clerk, received, calendar);
            c.Accept(clerk, received, calendar);
            db.Cases.Add(c);
            db.CaseEvents.AddRange(c.NewEvents);
            await db.SaveChangesAsync();
            templateId = c.Id;
        }
        await using var raw = database.OpenRawConnection();
        await raw.OpenAsync();
        var columns = await BenchSql.ColumnsAsync(raw, database, "Cases");
        var postgres = database.Provider == "Postgres";
        string Value(string column) => column switch
        {
            "Id" => postgres ? "gen_random_uuid()" : "upper(substr(h,1,8)||'-'||substr(h,9,4)||'-'||substr(h,13,4)||'-'||substr(h,17,4)||'-'||substr(h,21,12))",
            "Number" => postgres ? "'BENCH-' || s.n" : "'BENCH-' || s.n",
            _ => $"t.\"{column}\"",
        };
        var list = string.Join(", ", columns.Select(c => $"\"{c}\""));
        var values = string.Join(", ", columns.Select(Value));
        var idValue = postgres ? $"'{templateId}'" : $"'{templateId.ToString().ToUpperInvariant()}'";
        const int chunk = 100_000;
        for (var from = 1; from <= cases; from += chunk)
        {
            var to = Math.Min(cases, from + chunk - 1);
            var sql = postgres
                ? $"INSERT INTO \"Cases\" ({list}) SELECT {values} FROM \"Cases\" t, generate_series({from}, {to}) AS s(n) WHERE t.\"Id\" = {idValue}"
                : $"WITH RECURSIVE s(n) AS (SELECT {from} UNION ALL SELECT n + 1 FROM s WHERE n < {to}) INSERT INTO \"Cases\" ({list}) SELECT {values} FROM \"Cases\" t, (SELECT n, hex(randomblob(16)) AS h FROM s) s WHERE t.\"Id\" = {idValue}";
            await BenchSql.ExecAsync(raw, sql);
            Console.Write($"\r  cases {to:N0} / {cases:N0}");
        }
        Console.WriteLine();
        // The watch list: the first `due` copies are due now, the rest at instants spread over the next 30 days.
        var dueAt = postgres
            ? $"CASE WHEN substr(c.\"Number\", 7)::int <= {due} THEN now() - interval '1 minute' ELSE now() + (substr(c.\"Number\", 7)::int % 2592000) * interval '1 second' END"
            : $"CASE WHEN CAST(substr(c.\"Number\", 7) AS INTEGER) <= {due} THEN strftime('%Y-%m-%d %H:%M:%f', 'now', '-1 minute') ELSE strftime('%Y-%m-%d %H:%M:%f', 'now', '+' || (CAST(substr(c.\"Number\", 7) AS INTEGER) % 2592000) || ' seconds') END";
        await BenchSql.ExecAsync(raw, $"INSERT INTO \"SupervisionWatches\" (\"SubjectKind\", \"SubjectId\", \"DueAt\", \"Revision\") SELECT 1, c.\"Id\", {dueAt}, c.\"Revision\" FROM \"Cases\" c WHERE c.\"Number\" LIKE 'BENCH-%' AND c.\"Number\" <> 'BENCH-TEMPLATE'");
        await BenchSql.ExecAsync(raw, postgres ? "VACUUM ANALYZE" : "ANALYZE"); // as autovacuum would have after a million inserts
    }

    /// <summary>
    /// The ceiling of what a due case must write, in the shape the sweep writes it: a transaction per unit of
    /// <see cref="SupervisionSweep.SubjectsPerUnit"/> cases, and for each case the same number of alert rows and of
    /// notification rows (copied in SQL from ones the sweep made) and its watch moved on, sent as one command. The
    /// figure is per case (a unit's time divided by its cases).
    /// </summary>
    private static async Task<Scenario> RawWritesAsync(DbConnection raw, BenchDatabase database, int alertsPerCase, int cases)
    {
        var postgres = database.Provider == "Postgres";
        var alertColumns = await BenchSql.ColumnsAsync(raw, database, "SupervisionAlerts");
        var noteColumns = (await BenchSql.ColumnsAsync(raw, database, "StaffNotifications")).Where(c => c != "Id").ToList();
        string Copy(string table, List<string> columns, string key, Func<string, string?> replace) =>
            $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) SELECT {string.Join(", ", columns.Select(c => replace(c) ?? $"t.\"{c}\""))} FROM \"{table}\" t WHERE {key} LIMIT 1";
        var newId = postgres ? "gen_random_uuid()" : "upper(hex(randomblob(4))||'-'||hex(randomblob(2))||'-'||hex(randomblob(2))||'-'||hex(randomblob(2))||'-'||hex(randomblob(6)))";
        var alertSql = Copy("SupervisionAlerts", alertColumns, "1 = 1", c => c switch { "Id" => newId, "Key" => $"'bench/' || {newId}", _ => null });
        var noteSql = Copy("StaffNotifications", noteColumns, "1 = 1", _ => null);
        var watchSql = postgres
            ? "UPDATE \"SupervisionWatches\" SET \"DueAt\" = now() + interval '30 days' WHERE (\"SubjectKind\", \"SubjectId\") = (SELECT \"SubjectKind\", \"SubjectId\" FROM \"SupervisionWatches\" ORDER BY \"DueAt\" DESC LIMIT 1)"
            : "UPDATE \"SupervisionWatches\" SET \"DueAt\" = strftime('%Y-%m-%d %H:%M:%f', 'now', '+30 days') WHERE (\"SubjectKind\", \"SubjectId\") = (SELECT \"SubjectKind\", \"SubjectId\" FROM \"SupervisionWatches\" ORDER BY \"DueAt\" DESC LIMIT 1)";
        var perCase = string.Join(";\n", Enumerable.Repeat($"{alertSql};\n{noteSql}", alertsPerCase).Append(watchSql));
        const int unit = SupervisionSweep.SubjectsPerUnit;
        var units = await Measure.RunAsync($"raw SQL: {unit} cases in a transaction, each writing {alertsPerCase} alerts, their notifications and the watch (ceiling, per case)", Math.Max(40, cases / unit), async () =>
        {
            await using var tx = await raw.BeginTransactionAsync();
            for (var i = 0; i < unit; i++)
            {
                await BenchSql.ExecAsync(raw, perCase, tx);
            }
            await tx.CommitAsync();
        });
        return units with { P50 = units.P50 / unit, P95 = units.P95 / unit, P99 = units.P99 / unit };
    }
}
