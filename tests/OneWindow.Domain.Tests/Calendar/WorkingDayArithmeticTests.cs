using OneWindow.Domain.Calendar;

namespace OneWindow.Domain.Tests.Calendar;

public class WorkingDayArithmeticTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Create(NationalCalendar.ShippedDays, null, NationalCalendar.ShippedNoticeYears);

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Five_working_days_from_the_eve_of_National_Day_2025_end_on_14_October()
    {
        // 1–8 Oct off; 9 Thu, 10 Fri, 11 Sat (adjusted working day), 13 Mon, 14 Tue.
        Assert.Equal(D(2025, 10, 14), Calendar.AddWorkingDays(D(2025, 9, 30), 5));
    }

    [Fact]
    public void Five_working_days_across_Spring_Festival_2025_count_the_adjusted_Sunday()
    {
        // 26 Jan (Sun) is a working day; 28 Jan – 4 Feb off.
        Assert.Equal(D(2025, 1, 26), Calendar.AddWorkingDays(D(2025, 1, 24), 1));
        Assert.Equal(D(2025, 2, 7), Calendar.AddWorkingDays(D(2025, 1, 24), 5));
    }

    [Fact]
    public void Twenty_working_days_from_30_September_2026_end_on_3_November()
    {
        Assert.Equal(D(2026, 11, 3), Calendar.AddWorkingDays(D(2026, 9, 30), 20));
    }

    [Fact]
    public void The_start_day_is_not_counted_even_when_it_is_a_working_day()
    {
        Assert.Equal(D(2025, 3, 4), Calendar.AddWorkingDays(D(2025, 3, 3), 1));
        Assert.Equal(D(2025, 3, 3), Calendar.AddWorkingDays(D(2025, 3, 3), 0));
    }

    [Fact]
    public void A_start_on_a_holiday_counts_from_the_next_working_day()
    {
        Assert.Equal(D(2025, 10, 9), Calendar.AddWorkingDays(D(2025, 10, 3), 1));
    }

    [Fact]
    public void Working_days_between_two_dates_exclude_the_first_and_include_the_last()
    {
        Assert.Equal(5, Calendar.WorkingDaysBetween(D(2025, 9, 30), D(2025, 10, 14)));
        Assert.Equal(0, Calendar.WorkingDaysBetween(D(2025, 10, 1), D(2025, 10, 8)));
        Assert.Equal(-5, Calendar.WorkingDaysBetween(D(2025, 10, 14), D(2025, 9, 30)));
        // A whole ordinary year: 2025 has 250 working days per the notice (365 − 104 weekend days − 11 holiday weekdays... checked by counting).
        Assert.Equal(CountByLoop(D(2024, 12, 31), D(2025, 12, 31)), Calendar.WorkingDaysBetween(D(2024, 12, 31), D(2025, 12, 31)));
    }

    [Fact]
    public void Adding_and_counting_agree_over_twenty_years()
    {
        // Property: for every start date and limit, counting back from the due date gives the limit.
        for (var day = D(2007, 1, 1); day < D(2027, 1, 1); day = day.AddDays(13))
        {
            foreach (var n in new[] { 1, 3, 5, 10, 20, 45, 60 })
            {
                var due = Calendar.AddWorkingDays(day, n);
                Assert.True(Calendar.IsWorkingDay(due));
                Assert.Equal(n, Calendar.WorkingDaysBetween(day, due));
                Assert.Equal(n - 1, Calendar.WorkingDaysBetween(day, due.AddDays(-1)));
            }
        }
    }

    [Fact]
    public void A_local_day_off_moves_the_due_date_and_says_why()
    {
        var typhoon = new SpecialDay(D(2025, 3, 5), true, "台风停工");
        var local = WorkingDayCalendar.Create(NationalCalendar.ShippedDays, [typhoon], NationalCalendar.ShippedNoticeYears);
        Assert.Equal(D(2025, 3, 5), Calendar.AddWorkingDays(D(2025, 3, 3), 2));
        Assert.Equal(D(2025, 3, 6), local.AddWorkingDays(D(2025, 3, 3), 2));
        var status = local.Describe(D(2025, 3, 5));
        Assert.Equal(DayKind.LocalDayOff, status.Kind);
        Assert.Equal("台风停工", status.Name);
    }

    [Fact]
    public void Dates_outside_the_calendar_range_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.IsWorkingDay(D(1999, 12, 31)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(D(2025, 1, 1), -1));
    }

    private static int CountByLoop(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (Calendar.IsWorkingDay(d))
            {
                count++;
            }
        }
        return count;
    }
}
