using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using OneWindow.Domain;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Catalog;
using OneWindow.Domain.Records;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Calendar;

namespace OneWindow.Bench;

/// <summary>A real case made through the domain in one state, which the load copies.</summary>
public sealed record LoadTemplate(Guid Id, string ItemCode, string State);

/// <summary>
/// A county-to-province case load: N cases over five years, mostly concluded, some refused at intake, the open ones
/// (received, in review) from the last weeks, across every demo item and department. Templates are real cases made
/// through the domain in each state, acted on by the demo county's own staff; each of the N cases is a copy with
/// its instants moved back by a deterministic age (seeded) and its own event chain — the template's events, moved
/// by the same age and hashed again for the copy (the hash covers the case and the instant), so every copy's
/// record verifies as a real one does.
/// </summary>
public static class CaseLoadGenerator
{
    private const int Chunk = 20_000;
    private static readonly string[] EventColumns =
        ["CaseId", "Sequence", "At", "ActorId", "ActorName", "ActorRole", "Action", "FromStatus", "ToStatus", "Node", "Opinion", "Data", "PreviousHash", "Hash", "KeyId"];

    /// <summary>The templates of a kept load: the cases numbered GT-…, their state read back from their status.</summary>
    public static async Task<List<LoadTemplate>> KeptTemplatesAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
        var rows = await db.Cases.AsNoTracking().Where(c => c.Number.StartsWith("GT-")).OrderBy(c => c.Number).Select(c => new { c.Id, c.ItemCode, c.Status }).ToListAsync();
        return [.. rows.Select(r => new LoadTemplate(r.Id, r.ItemCode, r.Status switch
        {
            CaseStatus.Received => "received",
            CaseStatus.Accepted => "accepted",
            CaseStatus.Concluded => "concluded",
            _ => "rejected",
        }))];
    }

    /// <summary>One real case per demo item and state, made through the domain and saved through the app's model.</summary>
    public static async Task<List<LoadTemplate>> MakeTemplatesAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
        var calendar = await scope.ServiceProvider.GetRequiredService<RegionCalendars>().ForRegionAsync("431025000000");
        var versions = await db.ServiceItemVersions.AsNoTracking().Where(v => v.Status == VersionStatus.Published && v.ItemCode.StartsWith("431025-"))
            .OrderBy(v => v.ItemCode).ToListAsync();
        var venue = await db.Venues.AsNoTracking().Where(v => v.Tier == Domain.Organization.VenueTier.CountyCenter).Select(v => v.Id).FirstAsync();
        var staff = await DemoStaff.LoadAsync(db);
        var now = DateTime.UtcNow;
        var applicant = Applicant.Create(ApplicantKind.Person, "压测", "11010519491231002X", "13800000000", ChinaTime.DateOf(now));
        var templates = new List<LoadTemplate>();
        var n = 0;
        foreach (var version in versions)
        {
            var actors = staff.For(version.DepartmentId);
            foreach (var state in new[] { "received", "accepted", "concluded", "rejected" })
            {
                var at = now.AddDays(-2);
                var template = Domain.Cases.CaseTemplate.ForItem(version);
                // Handed in complete, as a case that goes on to acceptance must be.
                var c = Case.Receive($"GT-{++n:D4}", template, applicant, CaseChannel.Window, venue, "431025000000", template.RequiredMaterials, actors(StaffRoles.WindowClerk), at, calendar,
                    form: OneWindow.Web.Modules.Catalog.DemoApplicationForms.SampleAnswers(version.ItemCode));
                try
                {
                    switch (state)
                    {
                        case "accepted" when !c.IsInstant:
                            c.Accept(actors(StaffRoles.WindowClerk), at.AddMinutes(10), calendar);
                            break;
                        case "concluded":
                            Conclude(c, actors, at, calendar);
                            break;
                        case "rejected":
                            c.RejectAtIntake("依据《中华人民共和国行政许可法》第三十二条，申请事项不属于本机关职权范围", "县人民政府办公室", actors(StaffRoles.WindowClerk), at.AddMinutes(10));
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
                templates.Add(new LoadTemplate(c.Id, version.ItemCode, state));
            }
        }
        await db.SaveChangesAsync();
        return templates;
    }

    private static void Conclude(Case c, Func<string, Actor> actors, DateTime at, WorkingDayCalendar calendar)
    {
        var clerk = actors(StaffRoles.WindowClerk);
        if (c.IsInstant)
        {
            c.ConcludeInstantly("G-" + c.Number, clerk, at.AddMinutes(10), calendar);
            return;
        }
        c.Accept(clerk, at = at.AddMinutes(10), calendar);
        for (var i = 0; i < 12 && c.Status != CaseStatus.Concluded; i++)
        {
            at = at.AddHours(1);
            var actor = actors(c.CurrentNode?.ActingRole ?? StaffRoles.WindowClerk);
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
    /// Copies the templates N times. Of every 100 cases: 90 concluded and 3 refused, received at any time in the last
    /// five years; 7 still open (received or in review), received in the last 20 days. Of every 100, 60 are taken in
    /// at the county center, 25 at one of the town halls and 15 at one of the village rooms (<see cref="VenueSpread"/>):
    /// the county–town–village network the seeds describe, so that a report by town or village has its rows. The events of a chunk of
    /// copies are built here (hashing needs the domain) and bulk-written with the copies' ids and last hashes; the
    /// case rows are then copied in SQL from the template, joined with those ids.
    /// </summary>
    public static async Task FillAsync(BenchDatabase database, IServiceProvider services, List<LoadTemplate> templates, int load, int seed)
    {
        string[] dateColumns;
        Dictionary<Guid, List<CaseEvent>> events;
        Dictionary<Guid, string> numbers;
        VenueSpread spread;
        var keys = services.GetRequiredService<RecordKeyStore>().Ring;
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
            var entity = db.Model.FindEntityType(typeof(Case))!;
            // Flattened: the case's parts (its clocks, decision, payment) are complex types whose instants move with the copy too.
            dateColumns = [.. entity.GetFlattenedProperties().Where(p => p.ClrType == typeof(DateTime) || p.ClrType == typeof(DateTime?)).Select(p => p.GetColumnName())];
            var ids = templates.Select(t => t.Id).ToList();
            events = (await db.CaseEvents.AsNoTracking().Where(e => ids.Contains(e.CaseId)).ToListAsync())
                .GroupBy(e => e.CaseId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Sequence).ToList());
            numbers = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number);
            spread = await VenueSpread.LoadAsync(db);
        }
        var shares = new (string State, double Share, int Days)[] { ("concluded", 0.90, 1826), ("rejected", 0.03, 1826), ("received", 0.03, 20), ("accepted", 0.04, 20) };
        await using var raw = database.OpenRawConnection();
        await raw.OpenAsync();
        var columns = await BenchSql.ColumnsAsync(raw, database, "Cases");
        var postgres = database.Provider == "Postgres";
        await BenchSql.ExecAsync(raw, postgres
            ? "CREATE TEMP TABLE bench_copies (n bigint PRIMARY KEY, id uuid NOT NULL, last_hash text NOT NULL, venue uuid NOT NULL, win uuid)"
            : "CREATE TEMP TABLE bench_copies (n INTEGER PRIMARY KEY, id TEXT NOT NULL, last_hash TEXT NOT NULL, venue TEXT NOT NULL, win TEXT)");
        var random = new Random(seed);
        var done = 0;
        var eventCount = 0L;
        var watch = Stopwatch.StartNew();
        foreach (var (state, share, days) in shares)
        {
            var ofState = templates.Where(t => t.State == state).ToList();
            var perTemplate = (int)Math.Ceiling(load * share / ofState.Count);
            foreach (var template in ofState)
            {
                var count = Math.Min(perTemplate, load - done);
                for (var from = 1; from <= count; from += Chunk)
                {
                    var to = Math.Min(count, from + Chunk - 1);
                    var copies = new List<Copy>(to - from + 1);
                    var copyEvents = new List<CaseEvent>((to - from + 1) * events[template.Id].Count);
                    for (var n = from; n <= to; n++)
                    {
                        var copy = MakeCopy(done + n, Age(done + n, seed, days), NextGuid(random), events[template.Id], numbers[template.Id], spread.Center, spread.For(done + n), keys);
                        copies.Add(copy.Copy);
                        copyEvents.AddRange(copy.Events);
                    }
                    await WriteAsync(raw, copies, copyEvents);
                    eventCount += copyEvents.Count;
                    await BenchSql.ExecAsync(raw, CopyCasesSql(postgres, columns, dateColumns, template.Id, seed, days));
                    await BenchSql.ExecAsync(raw, postgres ? "TRUNCATE bench_copies" : "DELETE FROM bench_copies");
                    Progress(done + to, load, watch.Elapsed);
                }
                done += count;
                if (done >= load)
                {
                    break;
                }
            }
        }
        await BenchSql.ExecAsync(raw, "DROP TABLE bench_copies");
        Console.WriteLine();
        Console.WriteLine($"  with {eventCount:N0} events on their chains");
        await VerifySampleAsync(services, load, keys);
        // What autovacuum gives a live PostgreSQL database: statistics, and the visibility map without which an
        // index-only scan still reads the table (the dashboard's counts and their raw ceiling alike).
        await BenchSql.ExecAsync(raw, postgres ? "VACUUM ANALYZE" : "ANALYZE");
    }

    private sealed record Copy(long N, Guid Id, string LastHash, Guid Venue, Guid? Window);

    /// <summary>A copy's age in days and minutes from the seed and its number, computed alike here and in SQL (<see cref="CopyCasesSql"/>).</summary>
    private static TimeSpan Age(long n, int seed, int days) => TimeSpan.FromDays((n * 7919 + seed) % days) + TimeSpan.FromMinutes(n * 104729 % 600);

    /// <summary>
    /// A copy of a template's record for case number G{n}: its events moved back by the copy's age, the template's
    /// number in their details replaced by the copy's, sealed anew under the record key as the app would seal them.
    /// </summary>
    private static (Copy Copy, List<CaseEvent> Events) MakeCopy(long n, TimeSpan age, Guid id, List<CaseEvent> template, string templateNumber,
        Guid templateVenue, (Guid Venue, Guid? Window) at, RecordKeyRing keys)
    {
        var from = $"\"number\":\"{templateNumber}\"";
        var to = $"\"number\":\"{CopyNumber(n)}\"";
        // Every template was taken in at the county center; the record names the venue, so a copy's names its own.
        var fromVenue = $"\"venue\":\"{templateVenue}\"";
        var toVenue = $"\"venue\":\"{at.Venue}\"";
        var chain = template.Select(e => e.CopyFor(id, age, MoveClockStart(e.Data?.Replace(from, to, StringComparison.Ordinal).Replace(fromVenue, toVenue, StringComparison.Ordinal), age))).ToList();
        var head = EventChain.Seal(chain, EventChain.GenesisHash, keys);
        return (new Copy(n, id, head, at.Venue, at.Window), chain);
    }

    /// <summary>The clock's start an acceptance records in its data moves with the copy, as the row's column does (the record replay checks it).</summary>
    private static string? MoveClockStart(string? data, TimeSpan age) => data is null ? null : System.Text.RegularExpressions.Regex.Replace(data, "\"clockStartAt\":\"([^\"]+)\"", m =>
        "\"clockStartAt\":\"" + (DateTime.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal) - age).ToString("O", System.Globalization.CultureInfo.InvariantCulture) + "\"");

    private static string CopyNumber(long n) => $"G{n:D9}";

    private static Guid NextGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    /// <summary>The case rows of a chunk: the template's, with the copies' ids, numbers, last hashes and instants moved back by their ages.</summary>
    private static string CopyCasesSql(bool postgres, List<string> columns, string[] dateColumns, Guid template, int seed, int days)
    {
        var age = $"((s.n * 7919 + {seed}) % {days})";
        var minutes = "((s.n * 104729) % 600)";
        string Value(string column) => column switch
        {
            "Id" => "s.id",
            "Number" => postgres ? "'G' || lpad(s.n::text, 9, '0')" : "printf('G%09d', s.n)",
            "LastEventHash" => "s.last_hash",
            "ReceivingVenueId" => "s.venue",
            // At the center the template's window took it in; elsewhere the venue's counter (none at an unstaffed room).
            "ReceivingWindowId" => $"CASE WHEN s.venue = t.\"ReceivingVenueId\" THEN t.\"ReceivingWindowId\" ELSE s.win END",
            _ when dateColumns.Contains(column) => postgres
                ? $"t.\"{column}\" - {age} * interval '1 day' - {minutes} * interval '1 minute'"
                : $"strftime('%Y-%m-%d %H:%M:%f', t.\"{column}\", '-' || {age} || ' days', '-' || {minutes} || ' minutes')",
            _ => $"t.\"{column}\"",
        };
        var id = postgres ? $"'{template}'" : $"'{template.ToString().ToUpperInvariant()}'";
        return $"INSERT INTO \"Cases\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) SELECT {string.Join(", ", columns.Select(Value))} FROM \"Cases\" t, bench_copies s WHERE t.\"Id\" = {id}";
    }

    private static Task WriteAsync(DbConnection raw, List<Copy> copies, List<CaseEvent> events) => raw switch
    {
        NpgsqlConnection pg => CopyInAsync(pg, copies, events),
        SqliteConnection sqlite => InsertAsync(sqlite, copies, events),
        _ => throw new NotSupportedException(raw.GetType().Name),
    };

    /// <summary>PostgreSQL: binary COPY, the bulk path a migration of real records would take.</summary>
    private static async Task CopyInAsync(NpgsqlConnection pg, List<Copy> copies, List<CaseEvent> events)
    {
        await using (var import = await pg.BeginBinaryImportAsync("COPY bench_copies (n, id, last_hash, venue, win) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var c in copies)
            {
                await import.StartRowAsync();
                await import.WriteAsync(c.N, NpgsqlDbType.Bigint);
                await import.WriteAsync(c.Id, NpgsqlDbType.Uuid);
                await import.WriteAsync(c.LastHash, NpgsqlDbType.Text);
                await import.WriteAsync(c.Venue, NpgsqlDbType.Uuid);
                if (c.Window is { } w)
                {
                    await import.WriteAsync(w, NpgsqlDbType.Uuid);
                }
                else
                {
                    await import.WriteNullAsync();
                }
            }
            await import.CompleteAsync();
        }
        await using (var import = await pg.BeginBinaryImportAsync($"COPY \"CaseEvents\" ({string.Join(", ", EventColumns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var e in events)
            {
                await import.StartRowAsync();
                await import.WriteAsync(e.CaseId, NpgsqlDbType.Uuid);
                await import.WriteAsync(e.Sequence, NpgsqlDbType.Integer);
                await import.WriteAsync(DateTime.SpecifyKind(e.At, DateTimeKind.Utc), NpgsqlDbType.TimestampTz);
                await import.WriteAsync(e.ActorId, NpgsqlDbType.Text);
                await import.WriteAsync(e.ActorName, NpgsqlDbType.Text);
                await import.WriteAsync(e.ActorRole, NpgsqlDbType.Text);
                await import.WriteAsync(e.Action, NpgsqlDbType.Text);
                await WriteNullableAsync(import, e.FromStatus is { } from ? (int)from : null);
                await import.WriteAsync((int)e.ToStatus, NpgsqlDbType.Integer);
                await WriteNullableAsync(import, e.Node);
                await WriteNullableAsync(import, e.Opinion);
                await WriteNullableAsync(import, e.Data);
                await import.WriteAsync(e.PreviousHash, NpgsqlDbType.Text);
                await import.WriteAsync(e.Hash, NpgsqlDbType.Text);
                await import.WriteAsync(e.KeyId!, NpgsqlDbType.Text);
            }
            await import.CompleteAsync();
        }
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter import, int? value)
    {
        if (value is { } v)
        {
            await import.WriteAsync(v, NpgsqlDbType.Integer);
        }
        else
        {
            await import.WriteNullAsync();
        }
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter import, string? value)
    {
        if (value is not null)
        {
            await import.WriteAsync(value, NpgsqlDbType.Text);
        }
        else
        {
            await import.WriteNullAsync();
        }
    }

    /// <summary>SQLite: prepared inserts in one transaction, values in EF's own storage forms (Guids as upper-case text).</summary>
    private static async Task InsertAsync(SqliteConnection sqlite, List<Copy> copies, List<CaseEvent> events)
    {
        await using var tx = (SqliteTransaction)await sqlite.BeginTransactionAsync();
        await using (var cmd = Prepared(sqlite, tx, "INSERT INTO bench_copies (n, id, last_hash, venue, win) VALUES ($0, $1, $2, $3, $4)", 5))
        {
            foreach (var c in copies)
            {
                Bind(cmd, c.N, Text(c.Id), c.LastHash, Text(c.Venue), c.Window is { } w ? Text(w) : null);
                await cmd.ExecuteNonQueryAsync();
            }
        }
        var names = string.Join(", ", EventColumns.Select(c => $"\"{c}\""));
        var values = string.Join(", ", EventColumns.Select((_, i) => "$" + i));
        await using (var cmd = Prepared(sqlite, tx, $"INSERT INTO \"CaseEvents\" ({names}) VALUES ({values})", EventColumns.Length))
        {
            foreach (var e in events)
            {
                Bind(cmd, Text(e.CaseId), e.Sequence, e.At, e.ActorId, e.ActorName, e.ActorRole, e.Action, e.FromStatus is { } from ? (int)from : null,
                    (int)e.ToStatus, e.Node, e.Opinion, e.Data, e.PreviousHash, e.Hash, e.KeyId);
                await cmd.ExecuteNonQueryAsync();
            }
        }
        await tx.CommitAsync();
    }

    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    private static SqliteCommand Prepared(SqliteConnection connection, SqliteTransaction tx, string sql, int parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            cmd.Parameters.Add(new SqliteParameter("$" + i, null));
        }
        cmd.Prepare();
        return cmd;
    }

    private static void Bind(SqliteCommand cmd, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    /// <summary>Reads copies back through the app's model and verifies their chains: a copy that did not verify would fail the case page.</summary>
    private static async Task VerifySampleAsync(IServiceProvider services, int load, RecordKeyRing keys)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
        foreach (var n in new[] { 1, load / 2, load })
        {
            var number = CopyNumber(n);
            var c = await db.Cases.AsNoTracking().SingleAsync(x => x.Number == number);
            var chain = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == c.Id).ToListAsync();
            var verified = CaseRecordCheck.Verify(c, chain, keys);
            if (!verified.IsIntact)
            {
                throw new InvalidOperationException($"The generated case {number} does not verify: {verified.Problem}.");
            }
        }
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
}

/// <summary>The demo county's staff who act on cases, by department and role, for the templates' events.</summary>
internal sealed class DemoStaff(List<(string Id, string Name, Guid? DepartmentId, string Role)> staff)
{
    public static async Task<DemoStaff> LoadAsync(OneWindowDbContext db)
    {
        string[] roles = [StaffRoles.WindowClerk, StaffRoles.Reviewer, StaffRoles.Approver];
        var rows = await (from u in db.Users
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join r in db.Roles on ur.RoleId equals r.Id
                          where roles.Contains(r.Name!)
                          orderby u.UserName
                          select new { u.Id, u.DisplayName, u.DepartmentId, Role = r.Name! }).ToListAsync();
        return new DemoStaff([.. rows.Select(r => (r.Id, r.DisplayName, r.DepartmentId, r.Role))]);
    }

    /// <summary>
    /// Who acts in a role on a department's case: its own member of staff in that role; else anyone in that role
    /// (the demo county does not staff every department with every role); else its window clerk.
    /// </summary>
    public Func<string, Actor> For(Guid departmentId) => role =>
    {
        var s = staff.FirstOrDefault(x => x.Role == role && x.DepartmentId == departmentId);
        if (s.Id is null)
        {
            s = staff.FirstOrDefault(x => x.Role == role);
        }
        if (s.Id is null)
        {
            s = staff.First(x => x.Role == StaffRoles.WindowClerk);
        }
        return new Actor(s.Id, s.Name, role);
    };
}
