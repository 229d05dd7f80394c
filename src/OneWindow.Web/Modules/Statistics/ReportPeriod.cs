using System.Globalization;
using System.Text.RegularExpressions;

namespace OneWindow.Web.Modules.Statistics;

public enum PeriodKind
{
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Range,
}

/// <summary>
/// A report's period, in Beijing days: a day (<c>2026-11-22</c>), an ISO week (<c>2026-W47</c>), a month (<c>2026-11</c>),
/// a quarter (<c>2026-Q4</c>), a year (<c>2026</c>) or any range (<c>2026-10-08..2026-11-22</c>), with the period before it
/// (环比) and the same period a year earlier (同比).
/// </summary>
public sealed partial record ReportPeriod(PeriodKind Kind, DateOnly From, DateOnly To, string Name)
{
    /// <summary>The longest range a report covers (ten years of days).</summary>
    public const int MaxDays = 3660;

    public int Days => To.DayNumber - From.DayNumber + 1;

    public static bool TryParse(string? text, out ReportPeriod period)
    {
        period = null!;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        var inv = CultureInfo.InvariantCulture;
        if (RangePattern().Match(text) is { Success: true } r
            && DateOnly.TryParseExact(r.Groups[1].Value, "yyyy-MM-dd", inv, DateTimeStyles.None, out var a)
            && DateOnly.TryParseExact(r.Groups[2].Value, "yyyy-MM-dd", inv, DateTimeStyles.None, out var b))
        {
            period = new ReportPeriod(PeriodKind.Range, a, b, $"{a:yyyy-MM-dd}..{b:yyyy-MM-dd}");
        }
        else if (DateOnly.TryParseExact(text, "yyyy-MM-dd", inv, DateTimeStyles.None, out var day))
        {
            period = Day(day);
        }
        else if (WeekPattern().Match(text) is { Success: true } w && int.Parse(w.Groups[2].Value, inv) is >= 1 and <= 53 and var week
            && int.Parse(w.Groups[1].Value, inv) is var wy && week <= ISOWeek.GetWeeksInYear(wy))
        {
            period = Week(wy, week);
        }
        else if (MonthPattern().Match(text) is { Success: true } m && int.Parse(m.Groups[2].Value, inv) is >= 1 and <= 12 and var month)
        {
            period = Month(int.Parse(m.Groups[1].Value, inv), month);
        }
        else if (QuarterPattern().Match(text) is { Success: true } q)
        {
            period = Quarter(int.Parse(q.Groups[1].Value, inv), int.Parse(q.Groups[2].Value, inv));
        }
        else if (YearPattern().IsMatch(text))
        {
            period = Year(int.Parse(text, inv));
        }
        else
        {
            return false;
        }
        return period.From <= period.To && period.Days <= MaxDays && period.From.Year >= 2000 && period.To.Year <= 2100;
    }

    public static ReportPeriod Day(DateOnly d) => new(PeriodKind.Day, d, d, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public static ReportPeriod Week(int year, int week)
    {
        var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
        return new(PeriodKind.Week, monday, monday.AddDays(6), $"{year}-W{week:00}");
    }

    public static ReportPeriod Month(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return new(PeriodKind.Month, first, first.AddMonths(1).AddDays(-1), $"{year}-{month:00}");
    }

    public static ReportPeriod Quarter(int year, int quarter)
    {
        var first = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
        return new(PeriodKind.Quarter, first, first.AddMonths(3).AddDays(-1), $"{year}-Q{quarter}");
    }

    public static ReportPeriod Year(int year) => new(PeriodKind.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), year.ToString(CultureInfo.InvariantCulture));

    /// <summary>环比: the period just before (the previous day, week, month, quarter, year; for a range, as many days before it).</summary>
    public ReportPeriod Previous() => Kind switch
    {
        PeriodKind.Day => Day(From.AddDays(-1)),
        PeriodKind.Week => Week(ISOWeek.GetYear(From.AddDays(-7).ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(From.AddDays(-7).ToDateTime(TimeOnly.MinValue))),
        PeriodKind.Month => Month(From.AddMonths(-1).Year, From.AddMonths(-1).Month),
        PeriodKind.Quarter => Quarter(From.AddMonths(-3).Year, (From.AddMonths(-3).Month - 1) / 3 + 1),
        PeriodKind.Year => Year(From.Year - 1),
        _ => new(PeriodKind.Range, From.AddDays(-Days), From.AddDays(-1), $"{From.AddDays(-Days):yyyy-MM-dd}..{From.AddDays(-1):yyyy-MM-dd}"),
    };

    /// <summary>同比: the same period a year earlier (the same ISO week number for a week; 29 February falls on the 28th).</summary>
    public ReportPeriod YearBefore() => Kind switch
    {
        PeriodKind.Day => Day(From.AddYears(-1)),
        PeriodKind.Week => Week(ISOWeek.GetYear(From.ToDateTime(TimeOnly.MinValue)) - 1,
            Math.Min(ISOWeek.GetWeekOfYear(From.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeeksInYear(ISOWeek.GetYear(From.ToDateTime(TimeOnly.MinValue)) - 1))),
        PeriodKind.Month => Month(From.Year - 1, From.Month),
        PeriodKind.Quarter => Quarter(From.Year - 1, (From.Month - 1) / 3 + 1),
        PeriodKind.Year => Year(From.Year - 1),
        _ => new(PeriodKind.Range, From.AddYears(-1), To.AddYears(-1), $"{From.AddYears(-1):yyyy-MM-dd}..{To.AddYears(-1):yyyy-MM-dd}"),
    };

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$")]
    private static partial Regex RangePattern();
    [GeneratedRegex(@"^(\d{4})-W(\d{2})$")]
    private static partial Regex WeekPattern();
    [GeneratedRegex(@"^(\d{4})-(\d{2})$")]
    private static partial Regex MonthPattern();
    [GeneratedRegex(@"^(\d{4})-Q([1-4])$")]
    private static partial Regex QuarterPattern();
    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex YearPattern();
}
