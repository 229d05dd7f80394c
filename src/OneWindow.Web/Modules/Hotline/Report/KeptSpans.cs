namespace OneWindow.Web.Modules.Hotline.Report;

/// <summary>A period cut into the whole months it covers (read from month rows) and the days left before and after them (read from day rows).</summary>
public sealed record KeptSpans((DateOnly First, DateOnly Last)? Months, IReadOnlyList<(DateOnly From, DateOnly To)> Days)
{
    /// <summary>
    /// From <paramref name="from"/> to <paramref name="to"/>, both included: the first and last whole month (by their
    /// first days), and at most two runs of days (the part-month at each end); a period inside one month is days only.
    /// </summary>
    public static KeptSpans Split(DateOnly from, DateOnly to)
    {
        var firstWhole = from.Day == 1 ? from : new DateOnly(from.Year, from.Month, 1).AddMonths(1);
        var afterLastWhole = new DateOnly(to.Year, to.Month, 1); // the first day of the last month, whole only when `to` is its last day
        if (to == afterLastWhole.AddMonths(1).AddDays(-1))
        {
            afterLastWhole = afterLastWhole.AddMonths(1);
        }
        if (firstWhole >= afterLastWhole)
        {
            return new KeptSpans(null, from <= to ? [(from, to)] : []);
        }
        var days = new List<(DateOnly, DateOnly)>();
        if (from < firstWhole)
        {
            days.Add((from, firstWhole.AddDays(-1)));
        }
        if (afterLastWhole <= to)
        {
            days.Add((afterLastWhole, to));
        }
        return new KeptSpans((firstWhole, afterLastWhole.AddMonths(-1)), days);
    }
}
