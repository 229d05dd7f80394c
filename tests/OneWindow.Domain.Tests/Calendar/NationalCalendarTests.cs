using OneWindow.Domain.Calendar;

namespace OneWindow.Domain.Tests.Calendar;

public class NationalCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Create(NationalCalendar.ShippedDays);

    public static TheoryData<string, string> ReferenceDays()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in ReferenceData.ReadCsv("holidays/holiday-cn_flattened_2007_2026.csv"))
        {
            data.Add(row["date"], row["kind"]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ReferenceDays))]
    public void Every_listed_day_of_the_official_notices_has_its_status(string date, string kind)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var expectedWorking = !kind.Contains("off", StringComparison.Ordinal);
        Assert.Equal(expectedWorking, Calendar.IsWorkingDay(day));
        if (kind.StartsWith("weekend_workday", StringComparison.Ordinal))
        {
            Assert.Equal(DayKind.AdjustedWorkingDay, Calendar.Describe(day).Kind);
        }
        if (kind.StartsWith("weekday_off", StringComparison.Ordinal))
        {
            Assert.Equal(DayKind.StatutoryHoliday, Calendar.Describe(day).Kind);
        }
    }

    [Fact]
    public void An_independent_source_agrees_on_every_adjusted_working_day_and_weekday_holiday_2007_to_2026()
    {
        // LKI/chinese-calendar was compiled independently of holiday-cn; it lists holidays (including weekend days
        // in a holiday period) and adjusted working days. The 2020 COVID extension is the one known difference.
        var checkedDays = 0;
        foreach (var row in ReferenceData.ReadCsv("holidays/LKI-chinese-calendar/lki_chinese_calendar_2004_2026.csv"))
        {
            var day = DateOnly.Parse(row["date"], System.Globalization.CultureInfo.InvariantCulture);
            if (day.Year < 2007 || (day >= new DateOnly(2020, 1, 31) && day <= new DateOnly(2020, 2, 3)))
            {
                continue;
            }
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            switch (row["kind"])
            {
                case "workdays":
                    Assert.True(Calendar.IsWorkingDay(day), $"{day} should be an adjusted working day");
                    checkedDays++;
                    break;
                case "holidays" when !weekend:
                    Assert.False(Calendar.IsWorkingDay(day), $"{day} should be a day off");
                    checkedDays++;
                    break;
            }
        }
        Assert.True(checkedDays > 450, $"only {checkedDays} days checked");
    }

    [Theory]
    [InlineData("2024-02-04")]
    [InlineData("2024-02-18")]
    [InlineData("2025-10-11")]
    [InlineData("2025-09-28")]
    [InlineData("2024-09-29")]
    [InlineData("2024-10-12")]
    [InlineData("2025-01-26")]
    [InlineData("2025-02-08")]
    [InlineData("2026-01-04")]
    public void Weekend_days_declared_working_days_are_working_days(string date) =>
        Assert.True(Calendar.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void The_2020_Spring_Festival_extension_is_kept()
    {
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2020, 1, 31)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2020, 2, 1)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2020, 2, 3)));
    }

    [Fact]
    public void Years_without_a_published_notice_keep_their_statutory_holidays_and_say_so()
    {
        Assert.True(Calendar.IsOfficialCalendarPublished(2026));
        Assert.False(Calendar.IsOfficialCalendarPublished(2027));
        Assert.Equal(Enumerable.Range(2007, 20), NationalCalendar.ShippedNoticeYears);
        var newYear2027 = Calendar.Describe(new DateOnly(2027, 1, 1));
        Assert.False(newYear2027.IsWorkingDay); // a Friday, and 元旦 by law whatever the notice will say
        Assert.Equal(DayKind.StatutoryHoliday, newYear2027.Kind);
        Assert.Equal("元旦", newYear2027.Name);
        Assert.False(newYear2027.OfficialCalendarPublished);
        Assert.True(Calendar.Describe(new DateOnly(2027, 1, 4)).IsWorkingDay); // no bridge day or 调休 is guessed
    }
}
