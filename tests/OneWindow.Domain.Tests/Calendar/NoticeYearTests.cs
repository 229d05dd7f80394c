using OneWindow.Domain.Calendar;

namespace OneWindow.Domain.Tests.Calendar;

/// <summary>Which shipped notice a shipped day belongs to: loading that year's notice again replaces exactly its days.</summary>
public class NoticeYearTests
{
    [Theory]
    [InlineData("2006-12-30", 2007)] // 2007's notice reaches back to the December before
    [InlineData("2007-12-29", 2008)]
    [InlineData("2011-12-31", 2012)]
    [InlineData("2018-12-29", 2019)]
    [InlineData("2022-12-31", 2023)]
    [InlineData("2026-10-01", 2026)]
    public void A_December_day_belongs_to_the_next_year_s_notice(string date, int year) =>
        Assert.Equal(year, NationalCalendar.NoticeYearOf(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Every_shipped_day_belongs_to_a_shipped_notice()
    {
        Assert.Equal(NationalCalendar.ShippedNoticeYears, NationalCalendar.ShippedDays.Select(d => NationalCalendar.NoticeYearOf(d.Date)).Distinct().Order());
    }
}
