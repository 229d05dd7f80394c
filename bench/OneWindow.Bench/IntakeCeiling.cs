using System.Data.Common;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OneWindow.Domain.Calendar;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Cases;

namespace OneWindow.Bench;

/// <summary>
/// The ceiling the intake is judged against (issue 17): a bare endpoint on the app's own host, behind the same cookie
/// authentication and case-work policy, bound to the same JSON body (<see cref="RegisterApplication"/>), that sends a
/// registration's own statements raw through ADO.NET on the app's connection settings — the app's reads query as EF
/// generates it, the case number's counter statement, the kept daily figure's upsert, the inserts of the event, the
/// case's kept contribution, the case and the applicant's SMS in the outbox (batched on PostgreSQL as EF batches
/// them), the commit — and answers a small JSON. On SQLite it queues on the app's write gate (the singleton in DI)
/// around the transaction, as the write unit does, so both sides queue alike.
/// </summary>
/// <remarks>
/// What it leaves out is what the app does besides its statements: the domain (the applicant's checks, the clocks on
/// the calendar, the event's hash), EF Core (change tracking, materializing, the seal interceptor) and the answer (the
/// case view with its verified chain). The rows' values come from a real registration read once (as the app keeps
/// its templates), with that request's own values put in: the ids, the number, the applicant, the clerk, the venue,
/// the window and the instants moved to now.
/// </remarks>
public sealed class IntakeCeiling(BenchDatabase database, SqliteWriteGate? gate)
{
    public const string Route = "/api/v1/bench/intake";

    /// <summary>The statement the app's registration reads with (IntakeQueries.ForIntake), as EF Core sends it on SQLite (see --trace-intake).</summary>
    private const string ReadsSql = """
        SELECT "a"."Id", "a"."AccessFailedCount", "a"."ConcurrencyStamp", "a"."DepartmentId", "a"."DisplayName", "a"."Email", "a"."EmailConfirmed", "a"."IdentityNumber", "a"."IsActive", "a"."LockoutEnabled", "a"."LockoutEnd", "a"."NormalizedEmail", "a"."NormalizedUserName", "a"."PasswordHash", "a"."PhoneNumber", "a"."PhoneNumberConfirmed", "a"."SecurityStamp", "a"."TwoFactorEnabled", "a"."UserName", "a"."VenueId", "v"."Id", "v"."Address", "v"."Name", "v"."OfficeHours", "v"."Phone", "v"."RegionCode", "v"."Tier", "s1"."Id", "d"."Name", (
            SELECT "w"."Id"
            FROM "Windows" AS "w"
            WHERE "w"."VenueId" = "a"."VenueId" AND CASE
                WHEN "a"."DepartmentId" IS NULL THEN "w"."Kind" = 2
                ELSE "w"."DepartmentId" = "a"."DepartmentId" OR ("w"."DepartmentId" IS NULL AND "a"."DepartmentId" IS NULL)
            END
            ORDER BY EXISTS (
                SELECT 1
                FROM "WindowItems" AS "w0"
                WHERE "w0"."WindowId" = "w"."Id" AND "w0"."ItemCode" = @itemCode) DESC, "w"."Number"
            LIMIT 1)
        FROM "AspNetUsers" AS "a"
        LEFT JOIN "Venues" AS "v" ON "a"."VenueId" = "v"."Id"
        CROSS JOIN (
            SELECT "s0"."Id", "s0"."DepartmentId"
            FROM (
                SELECT 1
            ) AS "e"
            LEFT JOIN (
                SELECT "s"."Id", "s"."DepartmentId"
                FROM "ServiceItemVersions" AS "s"
                WHERE "s"."ItemCode" = @itemCode AND "s"."Status" = 2
                LIMIT 1
            ) AS "s0" ON 1
        ) AS "s1"
        LEFT JOIN "Departments" AS "d" ON "s1"."DepartmentId" = "d"."Id"
        WHERE "a"."Id" = @userId
        LIMIT 1
        """;

    // The read's columns this endpoint uses (the rest are read and dropped, as EF materializes the account and venue).
    private const int UserDepartment = 3, UserDisplayName = 4, VenueId = 20, VenueRegion = 25, VersionId = 27, WindowId = 29;

    /// <summary>The app's case-number statement (CaseNumbers.NextValueAsync), word for word.</summary>
    private const string CounterSql = """
        INSERT INTO "CaseNumberCounters" ("Prefix", "LastValue") VALUES (@prefix, 1)
        ON CONFLICT ("Prefix") DO UPDATE SET "LastValue" = "CaseNumberCounters"."LastValue" + 1
        RETURNING "LastValue"
        """;

    private const string SqliteTime = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    private readonly bool _postgres = database.Provider == "Postgres";
    private Template? _template;

    /// <summary>The rows of a real registration at the window, whose values each registration here writes with its own put in.</summary>
    /// <param name="outboxRow">An applicant's SMS of a received case, written again for each registration with its own key.</param>
    public void Use(Dictionary<string, object> caseRow, Dictionary<string, object> eventRow, Dictionary<string, object> outboxRow)
    {
        var caseColumns = caseRow.Keys.ToArray();
        var eventColumns = eventRow.Keys.Where(c => c != "Id").ToArray(); // an identity, as EF inserts it
        var outboxColumns = outboxRow.Keys.Where(c => c != "Id").ToArray();
        var receivedAt = AsTime(caseRow["ReceivedAt"]) ?? throw new InvalidOperationException("The template case has no ReceivedAt.");
        // Numbered on from one another, as EF numbers the parameters of one batch.
        var eventSql = InsertSql("CaseEvents", eventColumns, 0, returning: true);
        // The case queued for its kept figures (ADR 0042): the row the figures' hook adds; the settlement sweep does the rest.
        var queueSql = InsertSql("CaseFigureQueue", QueueColumns, eventColumns.Length, returning: true);
        var caseSql = InsertSql("Cases", caseColumns, eventColumns.Length + QueueColumns.Length, returning: false);
        var outboxSql = InsertSql("OutboxMessages", outboxColumns, eventColumns.Length + QueueColumns.Length + caseColumns.Length, returning: true);
        // The row keeps the template's times, moved with each registration like the others (its UpdatedAt is its move's instant).
        _template = new Template(
            Row.Of(eventColumns, eventRow, AsTime), Row.Of(caseColumns, caseRow, AsTime),
            Row.Of(outboxColumns, outboxRow, AsTime), AsTime(outboxRow["CreatedAt"]) ?? receivedAt,
            receivedAt, Convert.ToInt32(caseRow["Revision"], CultureInfo.InvariantCulture), caseRow["DepartmentId"],
            Convert.ToInt32(caseRow["Channel"], CultureInfo.InvariantCulture), Convert.ToBoolean(caseRow["IsInstant"], CultureInfo.InvariantCulture),
            _postgres ? ReadsSql.Replace("ON 1", "ON TRUE", StringComparison.Ordinal) : ReadsSql,
            eventSql, queueSql, caseSql, outboxSql);
    }

    private static string InsertSql(string table, string[] columns, int first, bool returning) =>
        $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{first + i}"))})" +
        (returning ? " RETURNING \"Id\";" : ";");

    /// <summary>POST <see cref="Route"/>: one registration, its statements raw.</summary>
    public async Task<Results<Created<IntakeAnswer>, ProblemHttpResult>> RegisterAsync(RegisterApplication request, HttpContext http, CancellationToken ct)
    {
        var t = _template ?? throw new InvalidOperationException("No template yet.");
        // As UserManager.GetUserId and the window-clerk check read the sign-in.
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || !http.User.IsInRole("WindowClerk"))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden);
        }
        await using var connection = database.OpenRawConnection();
        await connection.OpenAsync(ct);

        // 1. The reads: the clerk, the venue, the item's published version and its department's name, the window.
        var reads = new object[30];
        await using (var cmd = Command(connection, null, t.ReadsSql, ("@itemCode", request.ItemCode), ("@userId", userId)))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden);
            }
            reader.GetValues(reads);
        }
        if (reads[VersionId] is DBNull || reads[VenueId] is DBNull || (reads[UserDepartment] is not DBNull && !Equals(reads[UserDepartment], t.DepartmentId)))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden);
        }
        var now = DateTime.UtcNow;
        var shift = now - t.ReceivedAt;
        var county = ((string)reads[VenueRegion])[..6] + "000000";
        var caseId = Guid.NewGuid();

        // 2. The writes, under the write gate on SQLite (taken after the reads, as the write unit takes it).
        string number;
        var held = gate is null ? null : await gate.EnterAsync(ct);
        try
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            await using (var counter = Command(connection, tx, CounterSql, ("@prefix", $"{county[..6]}-{ChinaTime.DateOf(now):yyyyMMdd}")))
            {
                var value = Convert.ToInt64(await counter.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
                number = $"{county[..6]}-{ChinaTime.DateOf(now):yyyyMMdd}-{value:D5}";
            }
            var eventValues = t.Event.ValuesAt(shift, Time);
            t.Event.Set(eventValues, "CaseId", Id(caseId));
            t.Event.Set(eventValues, "ActorId", userId);
            t.Event.Set(eventValues, "ActorName", reads[UserDisplayName]);
            var caseValues = t.Case.ValuesAt(shift, Time);
            t.Case.Set(caseValues, "Id", Id(caseId));
            t.Case.Set(caseValues, "Number", number);
            t.Case.Set(caseValues, "ApplicantName", request.ApplicantName);
            t.Case.Set(caseValues, "ApplicantIdNumber", request.IdentityNumber);
            t.Case.Set(caseValues, "ApplicantPhone", request.Phone);
            t.Case.Set(caseValues, "ItemCode", request.ItemCode);
            t.Case.Set(caseValues, "ItemVersionId", reads[VersionId]);
            t.Case.Set(caseValues, "ReceivingVenueId", reads[VenueId]);
            t.Case.Set(caseValues, "ReceivingWindowId", reads[WindowId]);
            t.Case.Set(caseValues, "RegionCode", county);
            object[] queueValues = [Id(caseId), Time(now)];
            var outboxValues = t.Outbox.ValuesAt(now - t.OutboxCreatedAt, Time);
            t.Outbox.Set(outboxValues, "DedupKey", $"case-step/{caseId:N}/1");
            t.Outbox.Set(outboxValues, "Recipient", request.Phone ?? "");

            var batch = new[] { (t.EventSql, eventValues, true), (t.QueueSql, queueValues, true), (t.CaseSql, caseValues, false), (t.OutboxSql, outboxValues, true) };
            if (_postgres)
            {
                // One command with the four inserts, as EF batches them on PostgreSQL.
                var first = 0;
                var parameters = new List<(string, object)>();
                foreach (var (_, values, _) in batch)
                {
                    parameters.AddRange(Parameters(values, first));
                    first += values.Length;
                }
                await using var insert = Command(connection, tx, string.Join(" ", batch.Select(b => b.Item1)), [.. parameters]);
                await using var reader = await insert.ExecuteReaderAsync(ct);
                do
                {
                    while (await reader.ReadAsync(ct))
                    {
                        _ = reader.GetValue(0);
                    }
                }
                while (await reader.NextResultAsync(ct));
            }
            else
            {
                // A command each, as EF sends them on SQLite.
                var first = 0;
                foreach (var (sql, values, returning) in batch)
                {
                    await using var insert = Command(connection, tx, sql, Parameters(values, first));
                    first += values.Length;
                    if (returning)
                    {
                        await using var reader = await insert.ExecuteReaderAsync(ct);
                        await reader.ReadAsync(ct);
                        _ = reader.GetValue(0);
                    }
                    else
                    {
                        await insert.ExecuteNonQueryAsync(ct);
                    }
                }
            }
            await tx.CommitAsync(ct);
        }
        finally
        {
            held?.Dispose();
        }
        return TypedResults.Created($"/api/v1/cases/{number}", new IntakeAnswer(number, t.Revision));
    }

    private object Id(Guid id) => database.GuidParameter(id);

    private object Time(DateTime at) => _postgres ? at : at.ToString(SqliteTime, CultureInfo.InvariantCulture);

    /// <summary>A time column's value as read raw: a DateTime on PostgreSQL, EF's text form on SQLite.</summary>
    private static DateTime? AsTime(object value) => value switch
    {
        DateTime at => at,
        string text when DateTime.TryParseExact(text, SqliteTime, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at) => at,
        _ => null,
    };

    private static (string, object)[] Parameters(object[] values, int first) => [.. values.Select((v, i) => ($"@p{first + i}", v))];

    private static DbCommand Command(DbConnection connection, DbTransaction? tx, string sql, params (string Name, object Value)[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    private static readonly string[] QueueColumns = ["CaseId", "QueuedAt"];

    private sealed record Template(Row Event, Row Case, Row Outbox, DateTime OutboxCreatedAt, DateTime ReceivedAt, int Revision, object DepartmentId,
        int Channel, bool IsInstant, string ReadsSql, string EventSql, string QueueSql, string CaseSql, string OutboxSql);

    /// <summary>A row's values by column, with its time columns known, so that each registration moves them to its own instant.</summary>
    private sealed class Row
    {
        private readonly Dictionary<string, int> _index;
        private readonly object[] _values;
        private readonly (int Column, DateTime At)[] _times;

        private Row(string[] columns, object[] values, (int, DateTime)[] times)
        {
            _index = columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
            _values = values;
            _times = times;
        }

        public static Row Of(string[] columns, Dictionary<string, object> row, Func<object, DateTime?> asTime)
        {
            var values = columns.Select(c => row[c]).ToArray();
            var times = values.Select((v, i) => (i, asTime(v))).Where(x => x.Item2 is not null).Select(x => (x.i, x.Item2!.Value)).ToArray();
            return new Row(columns, values, times);
        }

        public object[] ValuesAt(TimeSpan shift, Func<DateTime, object> time)
        {
            var values = (object[])_values.Clone();
            foreach (var (column, at) in _times)
            {
                values[column] = time(at + shift);
            }
            return values;
        }

        public void Set(object[] values, string column, object value) => values[_index[column]] = value;
    }
}

/// <summary>The ceiling's answer: the new case's number and revision.</summary>
public sealed record IntakeAnswer(string Number, int Revision);
