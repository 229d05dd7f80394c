using OneWindow.Domain.Calendar;

namespace OneWindow.Domain.Tests.Calendar;

public class LegalClockTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Create(NationalCalendar.ShippedDays, null, NationalCalendar.ShippedNoticeYears);

    /// <summary>A Beijing wall-clock time as a UTC instant.</summary>
    private static DateTime Bj(int y, int m, int d, int h = 10, int min = 0) =>
        DateTime.SpecifyKind(new DateTime(y, m, d, h, min, 0) - ChinaTime.Offset, DateTimeKind.Utc);

    [Fact]
    public void A_limit_ends_at_midnight_Beijing_time_of_the_last_working_day()
    {
        var result = LegalClock.Due(Calendar, Bj(2025, 9, 30, 16), 5);
        Assert.Equal(new DateOnly(2025, 10, 14), result.DueDate);
        Assert.Equal(new DateTime(2025, 10, 14, 16, 0, 0, DateTimeKind.Utc), result.DueAtUtc);
    }

    [Fact]
    public void Day_boundaries_are_Beijing_days_not_UTC_days()
    {
        // 23:30 on 30 Sep in Beijing is still 30 Sep; 01:00 on 1 Oct in Beijing is 30 Sep in UTC but 1 Oct in law.
        Assert.Equal(new DateOnly(2025, 10, 14), LegalClock.Due(Calendar, Bj(2025, 9, 30, 23, 30), 5).DueDate);
        Assert.Equal(new DateOnly(2025, 3, 5), LegalClock.Due(Calendar, Bj(2025, 3, 3, 23, 59), 2).DueDate);
        Assert.Equal(new DateOnly(2025, 3, 6), LegalClock.Due(Calendar, Bj(2025, 3, 4, 0, 1), 2).DueDate);
    }

    [Fact]
    public void An_instant_item_is_due_at_the_end_of_the_day_it_was_accepted_even_after_hours()
    {
        var result = LegalClock.Due(Calendar, Bj(2025, 10, 4, 21), 0); // a Saturday in the holiday
        Assert.Equal(new DateOnly(2025, 10, 4), result.DueDate);
        Assert.Equal(ChinaTime.EndOfDayUtc(new DateOnly(2025, 10, 4)), result.DueAtUtc);
    }

    [Fact]
    public void A_suspension_takes_out_the_working_days_after_its_first_day_up_to_the_day_it_resumes()
    {
        // Accepted Mon 3 Mar 2025, 10 working days → 17 Mar. Suspended Wed 5 Mar, resumed Mon 10 Mar:
        // 6, 7, 10 Mar are excluded (3 working days) → 20 Mar.
        var result = LegalClock.Due(Calendar, Bj(2025, 3, 3), 10, [new ExcludedPeriod(Bj(2025, 3, 5, 15), Bj(2025, 3, 10, 9))]);
        Assert.Equal(3, result.ExcludedWorkingDays);
        Assert.Equal(new DateOnly(2025, 3, 20), result.DueDate);
    }

    [Fact]
    public void A_suspension_over_a_holiday_excludes_only_working_days()
    {
        // Accepted 29 Sep 2025, 5 working days → 30 Sep, 9, 10, 11, 13 Oct.
        // Suspended 30 Sep, resumed 10 Oct: excluded 9 and 10 Oct (the holiday was never counted) → 15 Oct.
        var plain = LegalClock.Due(Calendar, Bj(2025, 9, 29), 5);
        Assert.Equal(new DateOnly(2025, 10, 13), plain.DueDate);
        var suspended = LegalClock.Due(Calendar, Bj(2025, 9, 29), 5, [new ExcludedPeriod(Bj(2025, 9, 30, 11), Bj(2025, 10, 10, 9))]);
        Assert.Equal(2, suspended.ExcludedWorkingDays);
        Assert.Equal(new DateOnly(2025, 10, 15), suspended.DueDate);
    }

    [Fact]
    public void While_suspended_there_is_no_due_date_only_the_days_left()
    {
        var result = LegalClock.Due(Calendar, Bj(2025, 3, 3), 10, [new ExcludedPeriod(Bj(2025, 3, 5), null)]);
        Assert.False(result.IsRunning);
        Assert.Equal(8, result.RemainingWhenResumed); // 4 and 5 Mar were used
    }

    [Fact]
    public void A_suspension_after_the_limit_ran_out_gives_no_time_back()
    {
        var result = LegalClock.Due(Calendar, Bj(2025, 3, 3), 2, [new ExcludedPeriod(Bj(2025, 3, 10), Bj(2025, 3, 12))]);
        Assert.Equal(new DateOnly(2025, 3, 5), result.DueDate);
        Assert.Equal(0, result.ExcludedWorkingDays);
    }

    [Fact]
    public void Overlapping_periods_are_not_excluded_twice()
    {
        var periods = new[]
        {
            new ExcludedPeriod(Bj(2025, 3, 5), Bj(2025, 3, 10)),
            new ExcludedPeriod(Bj(2025, 3, 7), Bj(2025, 3, 11)),
        };
        var result = LegalClock.Due(Calendar, Bj(2025, 3, 3), 10, periods);
        Assert.Equal(4, result.ExcludedWorkingDays); // 6, 7, 10, 11 Mar
        Assert.Equal(new DateOnly(2025, 3, 21), result.DueDate);
    }

    [Fact]
    public void Elapsed_working_days_leave_out_excluded_days()
    {
        var start = Bj(2025, 3, 3);
        Assert.Equal(5, LegalClock.ElapsedWorkingDays(Calendar, start, Bj(2025, 3, 10)));
        Assert.Equal(2, LegalClock.ElapsedWorkingDays(Calendar, start, Bj(2025, 3, 10), [new ExcludedPeriod(Bj(2025, 3, 5), Bj(2025, 3, 10))]));
        Assert.Equal(2, LegalClock.ElapsedWorkingDays(Calendar, start, Bj(2025, 3, 10), [new ExcludedPeriod(Bj(2025, 3, 5), null)]));
    }
}
