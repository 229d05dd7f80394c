using OneWindow.Domain.Calendar;

namespace OneWindow.Domain.Tests.Calendar;

/// <summary>Counting across the years whose notice is not out yet: the statutory holidays hold, the rest waits for the notice.</summary>
public class ProvisionalCalendarTests
{
    private static readonly WorkingDayCalendar Shipped = WorkingDayCalendar.Create(NationalCalendar.ShippedDays, null, NationalCalendar.ShippedNoticeYears);

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static DateTime Bj(int y, int m, int d, int h = 10) => DateTime.SpecifyKind(new DateTime(y, m, d, h, 0, 0) - ChinaTime.Offset, DateTimeKind.Utc);

    [Fact]
    public void A_food_licence_accepted_on_5_December_2026_is_due_after_New_Year_2027_not_on_it()
    {
        // 20 working days: 7–31 Dec give 19; 1 Jan 2027 is 元旦 and 2–3 Jan a weekend, so the 20th is Mon 4 Jan.
        var due = LegalClock.Due(Shipped, Bj(2026, 12, 5), 20);
        Assert.Equal(D(2027, 1, 4), due.DueDate);
        Assert.True(Shipped.IsProvisional(D(2026, 12, 5), D(2027, 1, 4)));
        Assert.False(Shipped.IsProvisional(D(2026, 11, 2), D(2026, 12, 31)));
    }

    [Fact]
    public void Ten_working_days_across_Spring_Festival_2027_skip_its_eve_and_its_third_day()
    {
        // From Fri 29 Jan: 1–4 Feb (4), 5 Feb 除夕 off, 6–7 a weekend (初一, 初二), 8 Feb 初三 off, 9–12 Feb (8), 15–16 Feb (10).
        Assert.Equal(D(2027, 2, 16), Shipped.AddWorkingDays(D(2027, 1, 29), 10));
        Assert.Equal(DayKind.StatutoryHoliday, Shipped.Describe(D(2027, 2, 5)).Kind);
        Assert.Equal("春节", Shipped.Describe(D(2027, 2, 8)).Name);
        Assert.True(Shipped.IsWorkingDay(D(2027, 2, 9))); // a likely bridge day, but only the notice can make it one
    }

    [Fact]
    public void A_statutory_holiday_on_a_weekend_gets_no_guessed_make_up_day()
    {
        // 1–2 May 2027 are a Saturday and a Sunday: article 6 promises a make-up day, but where it goes is the notice's.
        Assert.Equal(D(2027, 5, 3), Shipped.AddWorkingDays(D(2027, 4, 30), 1));
    }

    [Fact]
    public void Loading_the_notice_replaces_the_rule_for_its_year_only()
    {
        // A notice for 2027 that keeps every statutory day and adds 9 Feb as a bridge day and Sun 31 Jan as a 调休 working day.
        SpecialDay[] notice2027 =
        [
            new(D(2027, 1, 1), true, "元旦"), new(D(2027, 1, 31), false, "春节"),
            .. Enumerable.Range(5, 5).Select(d => new SpecialDay(D(2027, 2, d), true, "春节")),
            new(D(2027, 4, 5), true, "清明节"), new(D(2027, 5, 1), true, "劳动节"), new(D(2027, 5, 2), true, "劳动节"),
            new(D(2027, 6, 9), true, "端午节"), new(D(2027, 9, 15), true, "中秋节"),
            new(D(2027, 10, 1), true, "国庆节"), new(D(2027, 10, 2), true, "国庆节"), new(D(2027, 10, 3), true, "国庆节"),
        ];
        var loaded = WorkingDayCalendar.Create([.. NationalCalendar.ShippedDays, .. notice2027], null, [.. NationalCalendar.ShippedNoticeYears, 2027]);
        Assert.True(loaded.IsOfficialCalendarPublished(2027));
        Assert.False(loaded.IsProvisional(D(2026, 12, 5), D(2027, 1, 4)));
        Assert.True(loaded.IsWorkingDay(D(2027, 1, 31)));
        Assert.False(loaded.IsWorkingDay(D(2027, 2, 9)));
        // The Sunday gained and the Tuesday lost cancel out from late January; from 1 Feb the bridge day costs one.
        Assert.Equal(D(2027, 2, 16), loaded.AddWorkingDays(D(2027, 1, 29), 10));
        Assert.Equal(D(2027, 2, 17), loaded.AddWorkingDays(D(2027, 2, 1), 9));
        Assert.Equal(D(2027, 2, 16), Shipped.AddWorkingDays(D(2027, 2, 1), 9));
        // 2028 is still provisional: its 清明 (Tue 4 Apr) is kept by the rule.
        Assert.False(loaded.IsOfficialCalendarPublished(2028));
        Assert.False(loaded.IsWorkingDay(D(2028, 4, 4)));
    }

    [Fact]
    public void A_local_day_and_a_national_day_override_the_rule()
    {
        var local = WorkingDayCalendar.Create(NationalCalendar.ShippedDays, [new SpecialDay(D(2027, 2, 8), false, "抢险复工")], NationalCalendar.ShippedNoticeYears);
        Assert.Equal(DayKind.LocalWorkingDay, local.Describe(D(2027, 2, 8)).Kind);
        var national = WorkingDayCalendar.Create([new SpecialDay(D(2027, 2, 9), true, "春节")], null, []);
        Assert.Equal(DayKind.StatutoryHoliday, national.Describe(D(2027, 2, 9)).Kind);
        Assert.False(national.Describe(D(2027, 2, 8)).IsWorkingDay); // the rule still holds beside the entered day
    }
}
