using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Statistics;

namespace OneWindow.Bench;

/// <summary>
/// The kept daily figures of a generated load (and the stock's month rows summed from them, and the staff figures), built the fast way: every case read once through the app's model, its
/// rows computed by the hook's own definition (<see cref="CaseContribution"/>), summed in memory and bulk-written
/// (binary COPY on PostgreSQL, prepared inserts on SQLite). The check's repair (<c>check-figures --repair</c>) makes the
/// same rows but also remembers each case's contribution in one transaction a year, which at ten million cases would
/// hold millions of tracked rows; the bench needs the figures, not the remembered contributions, so it writes none
/// (a generated case moved later by a scenario then adds its new rows without subtracting old ones: the bench's own
/// registrations are new cases and have none to subtract).
/// </summary>
public static class KeptFiguresLoad
{
    private const int Batch = 5_000;

    /// <param name="staffOnly">Only the staff figures (ADR 0043): for a data set kept before they existed, whose case figures stand.</param>
    public static async Task<(long Cases, int Rows, TimeSpan Took)> BuildAsync(IServiceProvider services, BenchDatabase database, bool staffOnly = false)
    {
        var watch = Stopwatch.StartNew();
        var counted = new Dictionary<FigureKey, MeasureValues>();
        var staff = new Dictionary<(DateOnly Day, string ActorId), long[]>();
        // Who accepted and decided each case, from one pass over the events (the app reads a batch's events by case id,
        // which at fifty million events is a random read per case: 2,000 cases a second where this pass keeps 10,000).
        var actors = await ActorsAsync(database);
        Console.WriteLine($"  the actors of {actors.Count:N0} cases read from their events in {watch.Elapsed.TotalSeconds:F0} s");
        long cases = 0;
        Guid? after = null;
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var regions = scope.ServiceProvider.GetRequiredService<VenueRegions>();
            var calendars = scope.ServiceProvider.GetRequiredService<RegionCalendars>();
            await regions.LoadAllAsync(CancellationToken.None);
            while (true)
            {
                // The parts of joint cases too: they add to the staff figures (their deciders), not to the case figures.
                var query = db.Cases.AsNoTracking().Where(c => c.ReceivedAt != null);
                if (after is { } key)
                {
                    query = query.Where(c => c.Id.CompareTo(key) > 0);
                }
                var batch = await query.OrderBy(c => c.Id).Take(Batch).ToListAsync();
                if (batch.Count == 0)
                {
                    break;
                }
                after = batch[^1].Id;
                foreach (var c in batch)
                {
                    var calendar = await calendars.ForRegionAsync(c.RegionCode);
                    if (!staffOnly)
                    {
                        CaseContribution.AddTo(counted, CaseContribution.Of(c, await regions.OfAsync(c, CancellationToken.None), calendar));
                    }
                    StaffContribution.AddTo(staff, StaffContribution.Of(c, actors.TryGetValue(c.Id, out var a) ? new CaseActors(a.AcceptedBy, a.DecidedBy) : CaseActors.None, calendar));
                }
                cases += batch.Count;
                if (cases % 200_000 < Batch)
                {
                    Console.Write($"\r  kept figures: {cases:N0} cases read, {counted.Count:N0} rows, {cases / Math.Max(0.001, watch.Elapsed.TotalSeconds):N0} cases/s   ");
                }
            }
        }
        Console.WriteLine();
        await using var raw = database.OpenRawConnection();
        await raw.OpenAsync();
        // The load's figures replace whatever the app kept for the templates while they were made.
        var staffRows = StaffContribution.Rows(staff);
        await BenchSql.ExecAsync(raw, "DELETE FROM \"StaffFigures\"");
        await (raw switch
        {
            NpgsqlConnection pg => CopyStaffInAsync(pg, staffRows),
            SqliteConnection sqlite => InsertStaffAsync(sqlite, staffRows),
            _ => throw new NotSupportedException(raw.GetType().Name),
        });
        if (staffOnly)
        {
            await BenchSql.ExecAsync(raw, database.Provider == "Postgres" ? "VACUUM ANALYZE \"StaffFigures\"" : "ANALYZE");
            return (cases, staffRows.Count, watch.Elapsed);
        }
        await BenchSql.ExecAsync(raw, "DELETE FROM \"DailyFigures\"");
        await BenchSql.ExecAsync(raw, "DELETE FROM \"CaseFigures\"");
        // In day order, as the settlement writes them: a day's rows are made on that day, so they lie together in the
        // table. (Written in the dictionary's order they were scattered over the whole table, and reading a range of
        // days read a page per row: a layout no database that kept its figures day by day has.)
        var rows = counted.Where(r => !r.Value.IsZero).ToList();
        rows.Sort((a, b) => FigureRows.Compare(a.Key, b.Key));
        await (raw switch
        {
            NpgsqlConnection pg => CopyInAsync(pg, rows),
            SqliteConnection sqlite => InsertAsync(sqlite, rows),
            _ => throw new NotSupportedException(raw.GetType().Name),
        });
        // The month, year and ten-day rows (ADR 0038, 0045) from the day rows, as the migrations that made them fill them.
        var grain = string.Join(", ", FigureRows.GrainColumns.Select(c => $"\"{c}\""));
        var measures = string.Join(", ", KeptFigureRow.MeasureColumns.Select(c => $"\"{c}\""));
        var sums = string.Join(", ", KeptFigureRow.MeasureColumns.Select(c => $"SUM(\"{c}\")"));
        await BenchSql.ExecAsync(raw, "DELETE FROM \"PeriodFigures\"");
        foreach (var (span, start) in new[]
                 {
                     (FigureSpan.Month, database.Provider == "Postgres" ? "date_trunc('month', \"Day\")::date" : "substr(\"Day\", 1, 8) || '01'"),
                     (FigureSpan.Year, database.Provider == "Postgres" ? "date_trunc('year', \"Day\")::date" : "substr(\"Day\", 1, 5) || '01-01'"),
                     (FigureSpan.TenDays, database.Provider == "Postgres"
                         ? "(date_trunc('month', \"Day\")::date + CASE WHEN EXTRACT(DAY FROM \"Day\") > 20 THEN 20 WHEN EXTRACT(DAY FROM \"Day\") > 10 THEN 10 ELSE 0 END)"
                         : "substr(\"Day\", 1, 8) || CASE WHEN CAST(substr(\"Day\", 9, 2) AS INTEGER) > 20 THEN '21' WHEN CAST(substr(\"Day\", 9, 2) AS INTEGER) > 10 THEN '11' ELSE '01' END"),
                 })
        {
            await BenchSql.ExecAsync(raw, $"INSERT INTO \"PeriodFigures\" (\"Span\", \"Start\", {grain}, {measures}) " +
                $"SELECT {(int)span}, {start}, {grain}, {sums} FROM \"DailyFigures\" GROUP BY {start}, {grain} ORDER BY {start}");
        }
        await BenchSql.ExecAsync(raw, database.Provider == "Postgres" ? "VACUUM ANALYZE \"DailyFigures\", \"PeriodFigures\", \"StaffFigures\"" : "ANALYZE");
        return (cases, rows.Count, watch.Elapsed);
    }

    private static readonly string Columns = string.Join(", ",
        new[] { "Day", "DepartmentId", "ItemCode", "VenueId", "WindowId", "Channel", "RegionCode" }.Concat(DailyFigure.MeasureColumns).Select(c => $"\"{c}\""));

    private static async Task CopyInAsync(NpgsqlConnection pg, List<KeyValuePair<FigureKey, MeasureValues>> rows)
    {
        await using var import = await pg.BeginBinaryImportAsync($"COPY \"DailyFigures\" ({Columns}) FROM STDIN (FORMAT BINARY)");
        foreach (var (k, v) in rows)
        {
            await import.StartRowAsync();
            await import.WriteAsync(k.Day, NpgsqlDbType.Date);
            await import.WriteAsync(k.DepartmentId, NpgsqlDbType.Uuid);
            await import.WriteAsync(k.ItemCode, NpgsqlDbType.Varchar);
            await import.WriteAsync(k.VenueId, NpgsqlDbType.Uuid);
            await import.WriteAsync(k.WindowId, NpgsqlDbType.Uuid);
            await import.WriteAsync((int)k.Channel, NpgsqlDbType.Integer);
            await import.WriteAsync(k.RegionCode, NpgsqlDbType.Varchar);
            foreach (var value in v.Values)
            {
                await import.WriteAsync(value, NpgsqlDbType.Bigint);
            }
        }
        await import.CompleteAsync();
    }

    /// <summary>SQLite: EF's storage forms (the day as yyyy-MM-dd, Guids as upper-case text).</summary>
    private static async Task InsertAsync(SqliteConnection sqlite, List<KeyValuePair<FigureKey, MeasureValues>> rows)
    {
        var count = 7 + MeasureValues.Count;
        await using var tx = (SqliteTransaction)await sqlite.BeginTransactionAsync();
        await using var cmd = sqlite.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO \"DailyFigures\" ({Columns}) VALUES ({string.Join(", ", Enumerable.Range(0, count).Select(i => "$" + i))})";
        for (var i = 0; i < count; i++)
        {
            cmd.Parameters.Add(new SqliteParameter("$" + i, null));
        }
        await cmd.PrepareAsync();
        foreach (var (k, v) in rows)
        {
            cmd.Parameters[0].Value = k.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            cmd.Parameters[1].Value = k.DepartmentId.ToString().ToUpperInvariant();
            cmd.Parameters[2].Value = k.ItemCode;
            cmd.Parameters[3].Value = k.VenueId.ToString().ToUpperInvariant();
            cmd.Parameters[4].Value = k.WindowId.ToString().ToUpperInvariant();
            cmd.Parameters[5].Value = (int)k.Channel;
            cmd.Parameters[6].Value = k.RegionCode;
            for (var i = 0; i < v.Values.Length; i++)
            {
                cmd.Parameters[7 + i].Value = v.Values[i];
            }
            await cmd.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
    }

    /// <summary>Each case's last accepting and deciding actor (as <see cref="CaseActors.OfAsync"/> reads them), streamed from the events in one statement.</summary>
    private static async Task<Dictionary<Guid, (int AcceptedSeq, string? AcceptedBy, int DecidedSeq, string? DecidedBy)>> ActorsAsync(BenchDatabase database)
    {
        var latest = new Dictionary<Guid, (int AcceptedSeq, string? AcceptedBy, int DecidedSeq, string? DecidedBy)>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal); // a few dozen actors for millions of rows
        await using var raw = database.OpenRawConnection();
        await raw.OpenAsync();
        await using var cmd = raw.CreateCommand();
        cmd.CommandText = "SELECT \"CaseId\", \"Sequence\", \"Action\", \"ActorId\" FROM \"CaseEvents\" WHERE \"Action\" IN ('accepted', 'decided')";
        cmd.CommandTimeout = 0;
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var caseId = reader.GetGuid(0);
            var sequence = reader.GetInt32(1);
            var accepted = reader.GetString(2) == "accepted";
            var actor = reader.GetString(3);
            if (!names.TryGetValue(actor, out var name))
            {
                names[actor] = name = actor;
            }
            var x = latest.GetValueOrDefault(caseId);
            latest[caseId] = accepted
                ? (sequence >= x.AcceptedSeq ? x with { AcceptedSeq = sequence, AcceptedBy = name } : x)
                : (sequence >= x.DecidedSeq ? x with { DecidedSeq = sequence, DecidedBy = name } : x);
        }
        return latest;
    }

    private static readonly string StaffColumns = string.Join(", ", new[] { "Day", "ActorId" }.Concat(DailyStaffFigure.MeasureColumns).Select(c => $"\"{c}\""));

    private static async Task CopyStaffInAsync(NpgsqlConnection pg, List<StaffFigureRow> rows)
    {
        await using var import = await pg.BeginBinaryImportAsync($"COPY \"StaffFigures\" ({StaffColumns}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await import.StartRowAsync();
            await import.WriteAsync(row.Day, NpgsqlDbType.Date);
            await import.WriteAsync(row.ActorId, NpgsqlDbType.Varchar);
            foreach (var value in row.Values)
            {
                await import.WriteAsync(value, NpgsqlDbType.Bigint);
            }
        }
        await import.CompleteAsync();
    }

    private static async Task InsertStaffAsync(SqliteConnection sqlite, List<StaffFigureRow> rows)
    {
        await using var tx = (SqliteTransaction)await sqlite.BeginTransactionAsync();
        await using var cmd = sqlite.CreateCommand();
        cmd.Transaction = tx;
        var count = 2 + StaffFigureRow.Count;
        cmd.CommandText = $"INSERT INTO \"StaffFigures\" ({StaffColumns}) VALUES ({string.Join(", ", Enumerable.Range(0, count).Select(i => "$" + i))})";
        for (var i = 0; i < count; i++)
        {
            cmd.Parameters.Add(new SqliteParameter("$" + i, null));
        }
        await cmd.PrepareAsync();
        foreach (var row in rows)
        {
            cmd.Parameters[0].Value = row.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            cmd.Parameters[1].Value = row.ActorId;
            for (var i = 0; i < row.Values.Length; i++)
            {
                cmd.Parameters[2 + i].Value = row.Values[i];
            }
            await cmd.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
    }
}
