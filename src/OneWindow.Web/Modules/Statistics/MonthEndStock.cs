namespace OneWindow.Web.Modules.Statistics;

/// <summary>
/// 期末在办: the cases in hand (received − closed, <see cref="IndicatorId.InHand"/>) at the end of one month at one grain
/// (ADR 0044), so that the stock at any day is one month's snapshot plus the days since instead of the whole history.
/// Kept for every month from the first with figures to the last that has ended (<see cref="StockedMonth"/>); a grain
/// with nothing in hand at that end has no row (or a row of zero, left by a later correction).
/// </summary>
public sealed class MonthEndStock : FigureGrainRow
{
    /// <summary>The month's first day (the stock is at the end of its last).</summary>
    public DateOnly Month { get; init; }

    public long InHand { get; set; }

    /// <summary>The grain with the month's first day as its day.</summary>
    public FigureKey Key => KeyOn(Month);

    public static MonthEndStock Of(FigureKey key, long inHand) => new()
    {
        Month = key.Day, DepartmentId = key.DepartmentId, ItemCode = key.ItemCode, VenueId = key.VenueId, WindowId = key.WindowId,
        Channel = key.Channel, RegionCode = key.RegionCode, InHand = inHand,
    };

    /// <summary>The month's last day.</summary>
    public static DateOnly EndOf(DateOnly month) => month.AddMonths(1).AddDays(-1);
}

/// <summary>A month whose end has its <see cref="MonthEndStock"/> rows; the months kept run without a gap.</summary>
public sealed class StockedMonth
{
    public DateOnly Month { get; init; }
    public DateTime BuiltAt { get; init; }
}

/// <summary>The first and the last month kept (their first days), both inclusive.</summary>
public sealed record StockedMonths(DateOnly First, DateOnly Last)
{
    /// <summary>The last kept month that has ended by the end of <paramref name="day"/>; none when the first kept ends after it.</summary>
    public DateOnly? LastEndedBy(DateOnly day)
    {
        var month = day.AddDays(1).Day == 1 ? PeriodFigure.MonthOf(day) : PeriodFigure.MonthOf(day).AddMonths(-1);
        if (month > Last)
        {
            month = Last;
        }
        return month < First ? null : month;
    }
}
