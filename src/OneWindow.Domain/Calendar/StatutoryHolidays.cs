using System.Globalization;

namespace OneWindow.Domain.Calendar;

/// <summary>
/// The days off 《全国年节及纪念日放假办法》 gives every citizen (its article 2), as the revision in force in a year
/// gives them. The law fixes these days; the State Council's yearly notice only adds the bridge days, the make-up
/// days (article 6) and the 调休 working days around them, so until a year's notice is loaded the calendar can
/// still keep its statutory holidays (ADR 0014).
/// </summary>
public static class StatutoryHolidays
{
    /// <summary>The first and last years the rule is computed for: the calendar's range.</summary>
    public static readonly int FirstYear = WorkingDayCalendar.MinDate.Year;
    public static readonly int LastYear = WorkingDayCalendar.MaxDate.Year;

    private static readonly ChineseLunisolarCalendar Lunar = new();
    private static readonly Lazy<IReadOnlyList<SpecialDay>[]> ByYear = new(() =>
        [.. Enumerable.Range(FirstYear, LastYear - FirstYear + 1).Select(Compute)]);

    /// <summary>
    /// The revision of the 放假办法 in force for a year's holidays. Each revision took effect on 1 January after it
    /// was made (the 2007 one on 1 January 2008, the 2013 one on 1 January 2014, the 2024 one on 1 January 2025).
    /// </summary>
    public static StatuteRevision RevisionFor(int year) => year switch
    {
        < 2008 => StatuteRevision.Of1999,
        < 2014 => StatuteRevision.Of2007,
        < 2025 => StatuteRevision.Of2013,
        _ => StatuteRevision.Of2024,
    };

    /// <summary>The statutory days off of a year, in date order; a day that is two festivals at once (国庆 and 中秋) is listed once.</summary>
    public static IReadOnlyList<SpecialDay> Of(int year)
    {
        if (year < FirstYear || year > LastYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"The rule is computed for {FirstYear}–{LastYear}.");
        }
        return ByYear.Value[year - FirstYear];
    }

    private static IReadOnlyList<SpecialDay> Compute(int year)
    {
        var revision = RevisionFor(year);
        var springFestival = LunarDate(year, 1, 1);
        var days = new List<(DateOnly Date, string Name)> { (new DateOnly(year, 1, 1), "元旦") };
        // 春节: 初一–初三 (1999, 2013); 除夕–初二 (2007); 除夕 and 初一–初三 (2024). 除夕 is the day before 初一.
        var springStart = revision is StatuteRevision.Of2007 or StatuteRevision.Of2024 ? -1 : 0;
        var springEnd = revision is StatuteRevision.Of2007 ? 1 : 2;
        for (var offset = springStart; offset <= springEnd; offset++)
        {
            days.Add((springFestival.AddDays(offset), "春节"));
        }
        var labourDays = revision switch { StatuteRevision.Of1999 => 3, StatuteRevision.Of2024 => 2, StatuteRevision.Of2007 or StatuteRevision.Of2013 => 1 };
        for (var d = 1; d <= labourDays; d++)
        {
            days.Add((new DateOnly(year, 5, d), "劳动节"));
        }
        if (revision != StatuteRevision.Of1999)
        {
            days.Add((Qingming(year), "清明节"));
            days.Add((LunarDate(year, 5, 5), "端午节"));
            days.Add((LunarDate(year, 8, 15), "中秋节"));
        }
        for (var d = 1; d <= 3; d++)
        {
            days.Add((new DateOnly(year, 10, d), "国庆节"));
        }
        return [.. days.GroupBy(d => d.Date).OrderBy(g => g.Key)
            .Select(g => new SpecialDay(g.Key, true, string.Join("、", g.Select(d => d.Name)), SpecialDaySource.Statute))];
    }

    /// <summary>
    /// 清明: the day (Beijing time) the sun reaches ecliptic longitude 15°. The solar-term formula
    /// [Y × 0.2422 + 4.81] − L, Y the years since 2000 and L the leap days since 2000's 清明, follows the tropical year
    /// from 2000's 清明. It agrees with every notice 2008–2026 (a test) and with a solar-longitude computation for
    /// every year 2000–2100 (ADR 0014).
    /// </summary>
    public static DateOnly Qingming(int year)
    {
        var y = year - 2000;
        var leapDays = Enumerable.Range(2001, Math.Max(0, y)).Count(DateTime.IsLeapYear);
        var day = (int)Math.Floor(y * 0.2422 + 4.81) - leapDays;
        return new DateOnly(year, 4, day);
    }

    /// <summary>The Gregorian date of a day of the Chinese lunisolar calendar; <paramref name="month"/> is the month's number, never a leap month.</summary>
    public static DateOnly LunarDate(int lunarYear, int month, int day)
    {
        // The calendar counts a leap month as a month of its own: after 闰四月, 五月 is the sixth month of the year.
        var leap = Lunar.GetLeapMonth(lunarYear);
        var index = leap > 0 && leap <= month ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(lunarYear, index, day, 0, 0, 0, 0));
    }
}

/// <summary>The revisions of 《全国年节及纪念日放假办法》, by the year they were made.</summary>
public enum StatuteRevision
{
    /// <summary>1999: 元旦 1, 春节 3 (初一–初三), 劳动节 3, 国庆 3 days.</summary>
    Of1999 = 1999,
    /// <summary>2007: 元旦 1, 春节 3 (除夕–初二), 清明 1, 劳动节 1, 端午 1, 中秋 1, 国庆 3 days.</summary>
    Of2007 = 2007,
    /// <summary>2013: as 2007, but 春节 is 初一–初三.</summary>
    Of2013 = 2013,
    /// <summary>2024: 春节 4 (除夕 and 初一–初三), 劳动节 2 (1–2 May); the others as 2013.</summary>
    Of2024 = 2024,
}
