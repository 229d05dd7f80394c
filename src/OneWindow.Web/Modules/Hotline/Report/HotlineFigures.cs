using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Hotline.Report;

/// <summary>
/// What the kept work-order figures count (ADR 0032): each a flow on the Beijing day of the event that names it, under
/// the lead unit the order had at that event (none before its first dispatch).
/// </summary>
public enum HotlineMeasure
{
    /// <summary>受理量: orders registered (registered).</summary>
    Received,
    /// <summary>直接办结: answered on the spot (answered).</summary>
    AnsweredOnTheSpot,
    /// <summary>转警 (referred).</summary>
    Referred,
    /// <summary>不予受理 (refused).</summary>
    Refused,
    /// <summary>重复件 merged into a master (merged).</summary>
    Merged,
    /// <summary>派单: dispatches, re-dispatches and assignments by ruling, under the unit dispatched to.</summary>
    Dispatched,
    /// <summary>签收 (signed).</summary>
    SignedFor,
    /// <summary>Of those, signed before the sign-for limit.</summary>
    SignedForOnTime,
    /// <summary>退单: return requests (return-requested), under the returning unit.</summary>
    Returned,
    /// <summary>答复 (replied), each reply (a reply sent back and given again counts twice).</summary>
    Replied,
    /// <summary>Of those, before the handling limit.</summary>
    RepliedOnTime,
    /// <summary>答复退回重办 (reply-sent-back).</summary>
    SentBack,
    /// <summary>应回访: replies accepted by the center, each making a callback due (reply-accepted).</summary>
    CallbackDue,
    /// <summary>已回访: callbacks recorded by the center or rated online by the caller (called-back).</summary>
    CalledBack,
    /// <summary>Of the callbacks: 满意.</summary>
    Satisfied,
    /// <summary>Of the callbacks: 基本满意.</summary>
    FairlySatisfied,
    /// <summary>Of the callbacks: 不满意.</summary>
    Unsatisfied,
    /// <summary>Of the callbacks: the caller says the matter is resolved.</summary>
    Resolved,
    /// <summary>重办 (reopened).</summary>
    Reopened,
    /// <summary>办结 of a dispatched order: a satisfied callback or the center's closing (an order concludes once).</summary>
    Concluded,
    /// <summary>Of those, whose accepted reply came before the handling limit.</summary>
    ConcludedOnTime,
}

/// <summary>A vector of the hotline measures.</summary>
public sealed class HotlineValues
{
    public static readonly int Count = Enum.GetValues<HotlineMeasure>().Length;

    public HotlineValues() => Values = new long[Count];

    public HotlineValues(long[] values) => Values = values;

    public long[] Values { get; }

    public long this[HotlineMeasure m]
    {
        get => Values[(int)m];
        set => Values[(int)m] = value;
    }

    public bool IsZero => Values.All(v => v == 0);

    public void Add(HotlineValues other, long sign = 1)
    {
        for (var i = 0; i < Count; i++)
        {
            Values[i] += sign * other.Values[i];
        }
    }

    public HotlineValues Copy() => new((long[])Values.Clone());

    public bool SameAs(HotlineValues other) => Values.AsSpan().SequenceEqual(other.Values);

    public override string ToString() => string.Join(", ", Enum.GetValues<HotlineMeasure>().Where(m => this[m] != 0).Select(m => $"{m}={this[m]}"));
}

/// <summary>
/// The breakdowns a day's figures are kept by (ADR 0032): each event adds to one row of each, so a report by any one of
/// them reads that dimension's rows of the period only, and the totals are the sum of one dimension (the channel's).
/// </summary>
public enum HotlineDimension
{
    Channel = 1,  // member: the channel's number
    Type = 2,     // member: the type's number
    Category = 3, // member: the category code
    Unit = 4,     // member: the lead unit's id at the event ("" before the first dispatch)
    Town = 5,     // member: the order's region rolled up to its town (9 digits + 000; the county's code for a county-level order)
    Place = 6,    // member: the order's region as registered (a village, a town or the county: 12 digits)
}

/// <summary>The key of a kept row: Beijing day × dimension × member.</summary>
public sealed record HotlineFigureKey(DateOnly Day, HotlineDimension Dimension, string Member);

/// <summary>The measures of a kept hotline row, a day's or a month's.</summary>
public abstract class HotlineFigureRow
{
    public HotlineDimension Dimension { get; init; }
    public string Member { get; init; } = "";

    public long Received { get; set; }
    public long AnsweredOnTheSpot { get; set; }
    public long Referred { get; set; }
    public long Refused { get; set; }
    public long Merged { get; set; }
    public long Dispatched { get; set; }
    public long SignedFor { get; set; }
    public long SignedForOnTime { get; set; }
    public long Returned { get; set; }
    public long Replied { get; set; }
    public long RepliedOnTime { get; set; }
    public long SentBack { get; set; }
    public long CallbackDue { get; set; }
    public long CalledBack { get; set; }
    public long Satisfied { get; set; }
    public long FairlySatisfied { get; set; }
    public long Unsatisfied { get; set; }
    public long Resolved { get; set; }
    public long Reopened { get; set; }
    public long Concluded { get; set; }
    public long ConcludedOnTime { get; set; }

    /// <summary>The row's key: its day (a month's row, the month's first), dimension and member.</summary>
    public abstract HotlineFigureKey Key { get; }

    public static readonly IReadOnlyList<string> MeasureColumns = [.. Enum.GetNames<HotlineMeasure>()];

    public HotlineValues Values() => new(
    [
        Received, AnsweredOnTheSpot, Referred, Refused, Merged, Dispatched, SignedFor, SignedForOnTime, Returned, Replied, RepliedOnTime, SentBack,
        CallbackDue, CalledBack, Satisfied, FairlySatisfied, Unsatisfied, Resolved, Reopened, Concluded, ConcludedOnTime,
    ]);
}

/// <summary>热线日数据: the kept figures of one day for one member of one dimension (ADR 0032). A report sums these rows, never the orders.</summary>
public sealed class DailyHotlineFigure : HotlineFigureRow
{
    public DateOnly Day { get; init; }

    public override HotlineFigureKey Key => new(Day, Dimension, Member);
}

/// <summary>
/// 热线月数据: the same figures summed over a Beijing month (<see cref="Month"/> is its first day), kept in the same
/// statement as the day's row (ADR 0040), so that a quarter reads three rows a member rather than ninety.
/// </summary>
public sealed class MonthlyHotlineFigure : HotlineFigureRow
{
    public DateOnly Month { get; init; }

    public override HotlineFigureKey Key => new(Month, Dimension, Member);

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);
}

/// <summary>What an order carries into every one of its figures (its grain apart from the day and the unit).</summary>
public sealed record HotlineGrain(string CategoryCode, WorkOrderChannel Channel, WorkOrderType Type, string RegionCode)
{
    public static HotlineGrain Of(WorkOrder o) => new(o.CategoryCode, o.Channel, o.Type, o.RegionCode);

    /// <summary>The rows an event of this order at <paramref name="day"/> under <paramref name="unit"/> adds to, one per dimension.</summary>
    public IEnumerable<HotlineFigureKey> Keys(DateOnly day, Guid unit)
    {
        yield return new(day, HotlineDimension.Channel, ((int)Channel).ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return new(day, HotlineDimension.Type, ((int)Type).ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return new(day, HotlineDimension.Category, CategoryCode);
        yield return new(day, HotlineDimension.Unit, UnitMember(unit));
        yield return new(day, HotlineDimension.Town, TownOf(RegionCode));
        yield return new(day, HotlineDimension.Place, RegionCode);
    }

    public static string UnitMember(Guid unit) => unit == Guid.Empty ? "" : unit.ToString("D");

    /// <summary>A 12-digit region code rolled up to its town (a county-level code stays the county's).</summary>
    public static string TownOf(string regionCode) => regionCode.Length == 12 ? regionCode[..9] + "000" : regionCode;
}

/// <summary>
/// What the events of one order add to the kept figures, folded in their sequence: the one definition the save
/// interceptor keeps and the check recomputes (ADR 0032). Each event adds on its own day; the fold carries only the
/// lead unit (which the dispatch events name) and whether the latest reply was late (which decides 按时办结 at the end).
/// </summary>
public sealed class HotlineFold(Guid? lead = null, bool lastReplyLate = false)
{
    public Guid? Lead { get; private set; } = lead;
    public bool LastReplyLate { get; private set; } = lastReplyLate;

    /// <summary>The measures one event adds, and the unit and day they are kept under; none for an event that counts nothing.</summary>
    public (DateOnly Day, Guid Unit, HotlineValues Values)? Add(string action, DateTime at, string? data)
    {
        var v = new HotlineValues();
        switch (action)
        {
            case "registered": v[HotlineMeasure.Received] = 1; break;
            case "answered": v[HotlineMeasure.AnsweredOnTheSpot] = 1; break;
            case "referred": v[HotlineMeasure.Referred] = 1; break;
            case "refused": v[HotlineMeasure.Refused] = 1; break;
            case "merged": v[HotlineMeasure.Merged] = 1; break;
            case "dispatched":
                Lead = GuidIn(data, "lead") ?? Lead;
                v[HotlineMeasure.Dispatched] = 1;
                break;
            case "redispatched" or "assigned-by-ruling":
                Lead = GuidIn(data, "dispatch", "lead") ?? Lead;
                v[HotlineMeasure.Dispatched] = 1;
                break;
            case "signed":
                v[HotlineMeasure.SignedFor] = 1;
                v[HotlineMeasure.SignedForOnTime] = BoolIn(data, "late") == true ? 0 : 1;
                break;
            case "return-requested": v[HotlineMeasure.Returned] = 1; break;
            case "replied":
                LastReplyLate = BoolIn(data, "late") == true;
                v[HotlineMeasure.Replied] = 1;
                v[HotlineMeasure.RepliedOnTime] = LastReplyLate ? 0 : 1;
                break;
            case "reply-sent-back": v[HotlineMeasure.SentBack] = 1; break;
            case "reply-accepted": v[HotlineMeasure.CallbackDue] = 1; break;
            case "called-back":
                v[HotlineMeasure.CalledBack] = 1;
                var satisfaction = StringIn(data, "satisfaction");
                v[satisfaction switch
                {
                    nameof(Satisfaction.Satisfied) => HotlineMeasure.Satisfied,
                    nameof(Satisfaction.FairlySatisfied) => HotlineMeasure.FairlySatisfied,
                    _ => HotlineMeasure.Unsatisfied,
                }] = 1;
                v[HotlineMeasure.Resolved] = BoolIn(data, "resolved") == true ? 1 : 0;
                if (satisfaction != nameof(Satisfaction.Unsatisfied))
                {
                    Conclude(v);
                }
                break;
            case "reopened": v[HotlineMeasure.Reopened] = 1; break;
            case "closed": Conclude(v); break;
            default: return null;
        }
        return (ChinaTime.DateOf(at), Lead ?? Guid.Empty, v);
    }

    private void Conclude(HotlineValues v)
    {
        v[HotlineMeasure.Concluded] = 1;
        v[HotlineMeasure.ConcludedOnTime] = LastReplyLate ? 0 : 1;
    }

    private static JsonElement? Find(string? data, params string[] path)
    {
        if (string.IsNullOrEmpty(data))
        {
            return null;
        }
        using var doc = JsonDocument.Parse(data);
        var e = doc.RootElement;
        foreach (var p in path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(p, out e))
            {
                return null;
            }
        }
        return e.Clone();
    }

    private static Guid? GuidIn(string? data, params string[] path) =>
        Find(data, path) is { ValueKind: JsonValueKind.String } e && Guid.TryParse(e.GetString(), out var g) ? g : null;

    private static bool? BoolIn(string? data, params string[] path) => Find(data, path) is { } e && e.ValueKind is JsonValueKind.True or JsonValueKind.False ? e.GetBoolean() : null;

    private static string? StringIn(string? data, params string[] path) => Find(data, path) is { ValueKind: JsonValueKind.String } e ? e.GetString() : null;

    /// <summary>Adds one event's figures to <paramref name="sums"/> under the order's grain.</summary>
    public void AddTo(Dictionary<HotlineFigureKey, HotlineValues> sums, HotlineGrain grain, string action, DateTime at, string? data, long sign = 1)
    {
        if (Add(action, at, data) is not { } x)
        {
            return;
        }
        foreach (var key in grain.Keys(x.Day, x.Unit))
        {
            if (!sums.TryGetValue(key, out var sum))
            {
                sums[key] = sum = new HotlineValues();
            }
            sum.Add(x.Values, sign);
        }
    }
}

/// <summary>
/// Adds to the kept hotline rows (insert, or add to what is there), as <c>FigureRows</c> does for the case figures: the
/// day's row and its month's row in one command of two statements (ADR 0040), so the month rows never lag the days.
/// </summary>
public static class HotlineFigureRows
{
    /// <summary>The day's upsert, its parameters numbered <c>{0}</c>… in key-then-measure order.</summary>
    public static readonly string DayStatement = Build("DailyHotlineFigures", "Day", 1);

    /// <summary>The month's upsert alone, the key's day being the month's first.</summary>
    public static readonly string MonthStatement = Build("MonthlyHotlineFigures", "Month", 1);

    /// <summary>
    /// Both, as one command (the hook's and the bench's ceilings): the month's upsert takes the month's first day from
    /// the last parameter (<see cref="Parameters"/>).
    /// </summary>
    public static readonly string Statement = DayStatement + ";\n" + Build("MonthlyHotlineFigures", "Month", 3 + HotlineValues.Count);

    private static string Build(string table, string period, int periodParameter)
    {
        var keys = new[] { "Dimension", period, "Member" };
        var columns = keys.Concat(HotlineFigureRow.MeasureColumns).ToList();
        var values = string.Join(", ", columns.Select((_, i) => "{" + (i == 1 ? periodParameter : i) + "}"));
        var add = string.Join(", ", HotlineFigureRow.MeasureColumns.Select(m => $"\"{m}\" = \"{table}\".\"{m}\" + excluded.\"{m}\""));
        return $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({values}) " +
            $"ON CONFLICT ({string.Join(", ", keys.Select(c => $"\"{c}\""))}) DO UPDATE SET {add}";
    }

    /// <summary>The parameters of <see cref="Statement"/>: the key, the measures, then the month of the key's day.</summary>
    public static object[] Parameters(HotlineFigureKey key, HotlineValues values) =>
        [(int)key.Dimension, key.Day, key.Member, .. values.Values.Cast<object>(), MonthlyHotlineFigure.MonthOf(key.Day)];

    /// <summary>Day rows summed into their months' rows (keyed by the month's first day), as the month rows hold them.</summary>
    public static Dictionary<HotlineFigureKey, HotlineValues> ByMonth(IEnumerable<KeyValuePair<HotlineFigureKey, HotlineValues>> days)
    {
        var months = new Dictionary<HotlineFigureKey, HotlineValues>();
        foreach (var (key, values) in days)
        {
            var month = key with { Day = MonthlyHotlineFigure.MonthOf(key.Day) };
            if (!months.TryGetValue(month, out var sum))
            {
                months[month] = sum = new HotlineValues();
            }
            sum.Add(values);
        }
        return months;
    }

    /// <summary>Adds to the day's row and its month's row.</summary>
    public static Task AddAsync(OneWindowDbContext db, HotlineFigureKey key, HotlineValues values, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(Statement, Parameters(key, values), ct);

    /// <summary>Adds to one month's row only (a repair of a month that differs from its days); the key's day is the month's first.</summary>
    public static Task AddToMonthAsync(OneWindowDbContext db, HotlineFigureKey month, HotlineValues values, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(MonthStatement, Parameters(month, values)[..^1], ct);

    /// <summary>Adds to one day's row only (a repair of a day whose month is repaired on its own).</summary>
    public static Task AddToDayAsync(OneWindowDbContext db, HotlineFigureKey day, HotlineValues values, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(DayStatement, Parameters(day, values)[..^1], ct);
}
