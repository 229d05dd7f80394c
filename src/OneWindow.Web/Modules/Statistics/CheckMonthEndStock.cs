using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Statistics;

/// <summary>
/// The stock kept at the months' ends (<see cref="MonthEndStock"/>, ADR 0044) against the kept figures it sums: for every
/// month kept from the one holding <c>from</c> on (a stock carries every day before it, so a period's repair moves every
/// later month's), the receipts less closures of the year rows before its year and the month rows of its year up to it.
/// Run by the recount check after the day, month and year rows are repaired, so the stock agrees with the figures, which
/// agree with the cases. A command's work: it reads the month rows from that year on.
/// </summary>
public static class CheckMonthEndStock
{
    /// <summary>A month's stock at one grain (the key's day is the month's first) that differs from what the figures sum.</summary>
    public sealed record Difference(FigureKey Key, long Kept, long Summed)
    {
        public override string ToString() =>
            $"in hand at {MonthEndStock.EndOf(Key.Day):yyyy-MM-dd} department {Key.DepartmentId} item {Key.ItemCode} venue {Key.VenueId} window {Key.WindowId} {Key.Channel} region {Key.RegionCode}: kept {Kept} figures {Summed}";
    }

    public static async Task<IReadOnlyList<Difference>> RunAsync(OneWindowDbContext db, WriteUnit unit, DateOnly from, bool repair, CancellationToken ct)
    {
        var kept = await KeepMonthEndStock.KeptAsync(db, ct);
        var first = PeriodFigure.MonthOf(from);
        if (kept is null || first > kept.Last)
        {
            return [];
        }
        if (first < kept.First)
        {
            first = kept.First;
        }
        var year = PeriodFigure.YearOf(first);
        var spans = db.Set<PeriodFigure>().AsNoTracking();
        var open = (await spans.Where(p => p.Span == FigureSpan.Year && p.Start < year && p.Received != p.Closed)
                .GroupBy(p => new { p.DepartmentId, p.ItemCode, p.VenueId, p.WindowId, p.Channel, p.RegionCode })
                .Select(g => new { g.Key, InHand = g.Sum(p => p.Received - p.Closed) }).ToListAsync(ct))
            .ToDictionary(x => new FigureKey(year, x.Key.DepartmentId, x.Key.ItemCode, x.Key.VenueId, x.Key.WindowId, x.Key.Channel, x.Key.RegionCode), x => x.InHand);
        var months = (await spans.Where(p => p.Span == FigureSpan.Month && p.Start >= year && p.Start <= kept.Last && p.Received != p.Closed).ToListAsync(ct))
            .ToLookup(p => p.Start);
        var stocks = (await db.Set<MonthEndStock>().AsNoTracking().Where(s => s.Month >= first && s.Month <= kept.Last).ToListAsync(ct)).ToLookup(s => s.Month);
        var differences = new List<Difference>();
        for (var month = year; month <= kept.Last; month = month.AddMonths(1))
        {
            // The running stock, keyed on the grain alone (the year's first day as its day).
            foreach (var p in months[month])
            {
                var k = p.KeyOn(year);
                open[k] = open.GetValueOrDefault(k) + p.Received - p.Closed;
            }
            if (month < first)
            {
                continue;
            }
            var keptRows = stocks[month].ToDictionary(s => s.KeyOn(year), s => s.InHand);
            foreach (var k in keptRows.Keys.Union(open.Keys))
            {
                var (k1, s1) = (keptRows.GetValueOrDefault(k), open.GetValueOrDefault(k));
                if (k1 != s1)
                {
                    differences.Add(new Difference(k with { Day = month }, k1, s1));
                }
            }
        }
        differences.Sort((a, b) => FigureRows.Compare(a.Key, b.Key));
        if (repair && differences.Count > 0)
        {
            await unit.RunAsync(t => KeepMonthEndStock.AddRowsAsync(db, [.. differences.Select(d => KeyValuePair.Create(d.Key, d.Summed - d.Kept))], t), ct);
        }
        return differences;
    }
}
