using OneWindow.Web.Modules.Statistics;

namespace OneWindow.Web.Tests.Statistics;

/// <summary>
/// A period cut into whole years, whole months, whole ten days and leftover days (ADR 0038, 0045) covers exactly its
/// days, each once, and reads a bounded number of rows per key: at most 20 days, 4 ten days, 22 months and the years.
/// </summary>
public class PeriodSplitTests
{
    [Fact]
    public void Any_period_splits_into_years_months_and_days_that_cover_it_exactly_once()
    {
        var random = new Random(38);
        var origin = new DateOnly(2023, 1, 1);
        for (var i = 0; i < 3000; i++)
        {
            var from = origin.AddDays(random.Next(0, 6 * 366));
            var to = from.AddDays(random.Next(0, i % 3 == 0 ? 40 : 4 * 366));
            var split = PeriodSplit.Of(from, to);
            var covered = new List<DateOnly>();
            var (dayRows, tenDayRows, monthRows, yearRows) = (0, 0, 0, 0);
            foreach (var (a, b) in new[] { split.FewDays.Before, split.FewDays.After })
            {
                for (var d = a; d <= b; d = d.AddDays(1))
                {
                    covered.Add(d);
                    dayRows++;
                }
            }
            foreach (var (a, b) in new[] { split.TenDays.Before, split.TenDays.After })
            {
                for (var t = a; t <= b; t = PeriodFigure.NextTenDays(t))
                {
                    Assert.Equal(t, PeriodFigure.TenDaysOf(t));
                    for (var d = t; d < PeriodFigure.NextTenDays(t); d = d.AddDays(1))
                    {
                        covered.Add(d);
                    }
                    tenDayRows++;
                }
            }
            foreach (var (a, b) in new[] { split.MonthsBefore, split.MonthsAfter })
            {
                for (var m = a; m <= b; m = m.AddMonths(1))
                {
                    Assert.Equal(1, m.Day);
                    covered.AddRange(Enumerable.Range(0, DateTime.DaysInMonth(m.Year, m.Month)).Select(m.AddDays));
                    monthRows++;
                }
            }
            for (var y = split.Years.From; y <= split.Years.To; y = y.AddYears(1))
            {
                Assert.Equal((1, 1), (y.Month, y.Day));
                covered.AddRange(Enumerable.Range(0, DateTime.IsLeapYear(y.Year) ? 366 : 365).Select(y.AddDays));
                yearRows++;
            }
            covered.Sort();
            var expected = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).ToList();
            Assert.True(expected.SequenceEqual(covered), $"{from}..{to}: {split}");
            Assert.True(dayRows <= 20 && tenDayRows <= 4 && monthRows <= 22, $"{from}..{to}: {dayRows} days, {tenDayRows} ten days, {monthRows} months");
            Assert.Equal(dayRows > 0, split.HasDays);
            Assert.Equal(tenDayRows + monthRows + yearRows > 0, split.HasSpans);

            // Read with month rows only (the hotline's, ADR 0040): the whole months and the day runs cover it once too.
            var byMonths = split.DayRanges.SelectMany(r => Enumerable.Range(0, r.To.DayNumber - r.From.DayNumber + 1).Select(r.From.AddDays)).ToList();
            if (split.WholeMonths is var (first, last))
            {
                for (var m = first; m <= last; m = m.AddMonths(1))
                {
                    byMonths.AddRange(Enumerable.Range(0, DateTime.DaysInMonth(m.Year, m.Month)).Select(m.AddDays));
                }
            }
            byMonths.Sort();
            Assert.True(expected.SequenceEqual(byMonths), $"{from}..{to} by months: {split.WholeMonths}");
        }
    }

    [Fact]
    public void A_year_reads_one_row_a_quarter_three_and_the_stock_everything_up_to_its_day()
    {
        var year = PeriodSplit.Of(new(2026, 1, 1), new(2026, 12, 31));
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 1)), year.Years);
        Assert.False(year.HasDays);
        Assert.True(year.MonthsBefore.From > year.MonthsBefore.To && year.MonthsAfter.From > year.MonthsAfter.To);

        var quarter = PeriodSplit.Of(new(2026, 10, 1), new(2026, 12, 31));
        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 1)), quarter.MonthsBefore);
        Assert.False(quarter.HasDays);
        Assert.True(quarter.Years.From > quarter.Years.To);

        // Everything up to a day (the stock in hand before the first month kept, ADR 0044).
        var stock = PeriodSplit.Of(DateOnly.MinValue, new(2026, 11, 22));
        Assert.Equal((DateOnly.MinValue, new DateOnly(2025, 1, 1)), stock.Years);
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 10, 1)), stock.MonthsAfter);
        Assert.Equal((new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 22)), stock.DaysAfter);
        // The days after the last whole month read as whole ten days (旬) and the days after them (ADR 0045).
        Assert.Equal((new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 11)), stock.TenDays.After);
        Assert.Equal((new DateOnly(2026, 11, 21), new DateOnly(2026, 11, 22)), stock.FewDays.Before);

        // A range inside months: six days, then whole ten days up to its end.
        var range = PeriodSplit.Of(new(2026, 7, 15), new(2026, 8, 20));
        Assert.Equal((new DateOnly(2026, 7, 15), new DateOnly(2026, 7, 20)), range.FewDays.Before);
        Assert.Equal((new DateOnly(2026, 7, 21), new DateOnly(2026, 8, 11)), range.TenDays.Before);
        Assert.False(range.FewDays.After.From <= range.FewDays.After.To);
        var inOneMonth = PeriodSplit.Of(new(2026, 2, 3), new(2026, 2, 25));
        Assert.Equal(((new DateOnly(2026, 2, 3), new DateOnly(2026, 2, 10)), (new DateOnly(2026, 2, 21), new DateOnly(2026, 2, 25))), inOneMonth.FewDays);
        Assert.Equal((new DateOnly(2026, 2, 11), new DateOnly(2026, 2, 11)), inOneMonth.TenDays.Before);
    }

    [Fact]
    public void The_filters_read_each_day_of_a_period_once_and_send_only_the_ranges_it_has()
    {
        // One row for every day, ten days, month and year of 2024–2027, each counting the days it holds.
        var (origin, end) = (new DateOnly(2024, 1, 1), new DateOnly(2027, 12, 31));
        var days = new List<DailyFigure>();
        var spans = new List<PeriodFigure>();
        for (var d = origin; d <= end; d = d.AddDays(1))
        {
            days.Add(new DailyFigure { Day = d, Received = 1 });
            foreach (var span in new[] { FigureSpan.TenDays, FigureSpan.Month, FigureSpan.Year })
            {
                if (PeriodFigure.StartOf(span, d) == d)
                {
                    var next = span switch { FigureSpan.TenDays => PeriodFigure.NextTenDays(d), FigureSpan.Month => d.AddMonths(1), _ => d.AddYears(1) };
                    spans.Add(new PeriodFigure { Span = span, Start = d, Received = next.DayNumber - d.DayNumber });
                }
            }
        }
        var random = new Random(45);
        for (var i = 0; i < 400; i++)
        {
            var from = origin.AddDays(random.Next(0, 3 * 365));
            var to = from.AddDays(random.Next(0, i % 2 == 0 ? 45 : 365));
            var split = PeriodSplit.Of(from, to);
            var read = (split.HasDays ? split.Days(days.AsQueryable()).Sum(f => f.Received) : 0)
                + (split.HasSpans ? split.Spans(spans.AsQueryable()).Sum(f => f.Received) : 0);
            Assert.Equal(to.DayNumber - from.DayNumber + 1, read);
        }

        // A quarter sends one range of month rows, nothing for the empty ones (ADR 0045: an impossible range sent made
        // PostgreSQL estimate thousands of rows and plan in parallel).
        var quarter = PeriodSplit.Of(new(2026, 7, 1), new(2026, 9, 30)).Spans(spans.AsQueryable()).Expression.ToString();
        Assert.Equal(1, Count(quarter, "f.Span == "));
        Assert.Equal(1, Count(quarter, "f.Start >= "));
        // A range inside months: its ten days (one range) and its days (one range).
        var range = PeriodSplit.Of(new(2026, 7, 15), new(2026, 8, 20));
        Assert.Equal(1, Count(range.Spans(spans.AsQueryable()).Expression.ToString(), "f.Start >= "));
        Assert.Equal(1, Count(range.Days(days.AsQueryable()).Expression.ToString(), "f.Day >= "));

        static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
    }
}
