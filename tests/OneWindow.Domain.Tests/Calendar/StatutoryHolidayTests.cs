using System.Text.Json;
using OneWindow.Domain.Calendar;

namespace OneWindow.Domain.Tests.Calendar;

/// <summary>
/// The statutory holidays of 《全国年节及纪念日放假办法》, derived by rule, against the State Council's own notices
/// (holiday-cn's copy in ReferenceData/, read here independently of the product's shipped CSV).
/// </summary>
public class StatutoryHolidayTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    public static TheoryData<int> NoticeYears() => [.. Enumerable.Range(2007, 20)];

    /// <summary>
    /// Twenty notices, 2007 (the 1999 revision) and 2008–2026 (the 2007, 2013 and 2024 revisions): a notice adds bridge
    /// days around the statutory holidays and moves weekends, but every statutory holiday is a day off in it.
    /// </summary>
    [Theory]
    [MemberData(nameof(NoticeYears))]
    public void Every_statutory_holiday_of_the_rule_is_a_day_off_in_the_published_notice(int year)
    {
        var notice = Notice(year);
        var statutory = StatutoryHolidays.Of(year);
        Assert.NotEmpty(statutory);
        foreach (var day in statutory)
        {
            var listed = notice.TryGetValue(day.Date, out var entry);
            Assert.False(listed && !entry!.IsOffDay, $"{day.Date} ({day.Name}) is a working day in the {year} notice");
            var weekend = day.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            Assert.True(listed || weekend, $"{day.Date} ({day.Name}) is an ordinary working day in the {year} notice");
        }
    }

    [Theory]
    [MemberData(nameof(NoticeYears))]
    public void Each_festival_falls_in_the_notice_period_of_the_same_festival(int year)
    {
        // Stronger than "a day off": the 清明 of the solar term and the lunar dates land in the festival the notice names.
        var notice = Notice(year);
        foreach (var day in StatutoryHolidays.Of(year).Where(d => notice.ContainsKey(d.Date)))
        {
            var names = day.Name.Split('、').SelectMany(NoticeNames);
            Assert.True(names.Any(n => notice[day.Date].Name.Contains(n, StringComparison.Ordinal)),
                $"{day.Date}: the rule says {day.Name}, the {year} notice {notice[day.Date].Name}");
        }
    }

    [Fact]
    public void Each_revision_gives_its_own_days()
    {
        // 1999 revision (2007): 春节 初一–初三, 劳动节 three days, no 清明/端午/中秋.
        Assert.Equal([D(2007, 1, 1), D(2007, 2, 18), D(2007, 2, 19), D(2007, 2, 20), D(2007, 5, 1), D(2007, 5, 2), D(2007, 5, 3),
            D(2007, 10, 1), D(2007, 10, 2), D(2007, 10, 3)], Dates(2007));
        // 2007 revision: 春节 除夕–初二 (除夕 2013 = 9 Feb).
        Assert.Equal([D(2013, 2, 9), D(2013, 2, 10), D(2013, 2, 11)], Dates(2013, "春节"));
        Assert.Equal([D(2013, 5, 1)], Dates(2013, "劳动节"));
        // 2013 revision: 初一–初三; the 2014 notice kept 除夕 (30 Jan, a Thursday) a working day.
        Assert.Equal([D(2014, 1, 31), D(2014, 2, 1), D(2014, 2, 2)], Dates(2014, "春节"));
        Assert.DoesNotContain(D(2014, 1, 30), Dates(2014));
        // 2024 revision: 除夕 and 初一–初三; 劳动节 1–2 May.
        Assert.Equal([D(2025, 1, 28), D(2025, 1, 29), D(2025, 1, 30), D(2025, 1, 31)], Dates(2025, "春节"));
        Assert.Equal([D(2025, 5, 1), D(2025, 5, 2)], Dates(2025, "劳动节"));
    }

    [Fact]
    public void The_statutory_holidays_of_2027_are_known_before_its_notice()
    {
        Assert.Equal(StatuteRevision.Of2024, StatutoryHolidays.RevisionFor(2027));
        Assert.Equal(
        [
            D(2027, 1, 1),                                                 // 元旦
            D(2027, 2, 5), D(2027, 2, 6), D(2027, 2, 7), D(2027, 2, 8),    // 除夕, 初一–初三 (春节 6 Feb)
            D(2027, 4, 5),                                                 // 清明
            D(2027, 5, 1), D(2027, 5, 2),                                  // 劳动节
            D(2027, 6, 9),                                                 // 端午 (五月初五)
            D(2027, 9, 15),                                                // 中秋 (八月十五)
            D(2027, 10, 1), D(2027, 10, 2), D(2027, 10, 3),                // 国庆
        ], Dates(2027));
        Assert.All(StatutoryHolidays.Of(2027), d => Assert.Equal(SpecialDaySource.Statute, d.Source));
    }

    [Fact]
    public void A_day_that_is_two_festivals_is_one_day_off_with_both_names()
    {
        // 2020: 中秋 fell on 1 October.
        var day = Assert.Single(StatutoryHolidays.Of(2020), d => d.Date == D(2020, 10, 1));
        Assert.Equal("中秋节、国庆节", day.Name);
        Assert.Equal(10, StatutoryHolidays.Of(2020).Count);
    }

    [Fact]
    public void A_leap_month_before_the_festival_is_counted_as_a_month_of_its_own()
    {
        // 2020 had 闰四月, so 端午 (五月初五) is 25 June, not a month earlier; 2023 had 闰二月 (端午 22 June).
        Assert.Equal(D(2020, 6, 25), StatutoryHolidays.LunarDate(2020, 5, 5));
        Assert.Equal(D(2023, 6, 22), StatutoryHolidays.LunarDate(2023, 5, 5));
        // 2025 had 闰六月: 中秋 (八月十五) is 6 October.
        Assert.Equal(D(2025, 10, 6), StatutoryHolidays.LunarDate(2025, 8, 15));
    }

    [Theory]
    [InlineData(2000, 4)]
    [InlineData(2009, 4)] // 23:35 Beijing on 4 April: the day is the 4th
    [InlineData(2026, 5)]
    [InlineData(2027, 5)]
    [InlineData(2028, 4)]
    [InlineData(2100, 5)] // 2100 is not a leap year
    public void Qingming_is_the_day_of_the_solar_term(int year, int day) =>
        Assert.Equal(D(year, 4, day), StatutoryHolidays.Qingming(year));

    [Fact]
    public void Every_year_of_the_calendar_has_its_holidays()
    {
        for (var year = StatutoryHolidays.FirstYear; year <= StatutoryHolidays.LastYear; year++)
        {
            Assert.InRange(StatutoryHolidays.Of(year).Count, 9, 13);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => StatutoryHolidays.Of(2101));
    }

    private static List<DateOnly> Dates(int year, string? name = null) =>
        [.. StatutoryHolidays.Of(year).Where(d => name is null || d.Name.Contains(name, StringComparison.Ordinal)).Select(d => d.Date)];

    /// <summary>How the notices name a festival: older ones say “五一” and “十一”.</summary>
    private static string[] NoticeNames(string festival) => festival switch
    {
        "劳动节" => ["劳动节", "五一"],
        "国庆节" => ["国庆节", "十一"],
        _ => [festival],
    };

    private sealed record NoticeDay(string Name, bool IsOffDay);

    /// <summary>The days a year's notice lists (holiday-cn's {year}.json): days off in its holiday periods and 调休 working days.</summary>
    private static Dictionary<DateOnly, NoticeDay> Notice(int year)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(ReferenceData.PathOf($"holidays/holiday-cn/{year}.json")));
        return json.RootElement.GetProperty("days").EnumerateArray().ToDictionary(
            d => DateOnly.Parse(d.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            d => new NoticeDay(d.GetProperty("name").GetString()!, d.GetProperty("isOffDay").GetBoolean()));
    }
}
