using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Statistics;

/// <summary>
/// The kept service figures of a period, summed by a breakdown with the same filters as the case figures (one grouped
/// query): what the report, the assessment and the standard reports read for ratings, alerts and complaints.
/// </summary>
public static class ServiceFigureSums
{
    public static IQueryable<DailyServiceFigure> Rows(OneWindowDbContext db, DateOnly from, DateOnly to, Guid? departmentId, string? regionPrefix)
    {
        var rows = db.Set<DailyServiceFigure>().AsNoTracking().Where(f => f.Day >= from && f.Day <= to);
        if (departmentId is { } d)
        {
            rows = rows.Where(f => f.DepartmentId == d);
        }
        if (!string.IsNullOrEmpty(regionPrefix))
        {
            rows = rows.Where(f => f.RegionCode.StartsWith(regionPrefix));
        }
        return rows;
    }

    public static Task<Dictionary<string, ServiceValues>> ByAsync(IQueryable<DailyServiceFigure> rows, Breakdown by, CancellationToken ct) => by switch
    {
        Breakdown.Department => SumsAsync(rows, f => f.DepartmentId, k => k.ToString(), ct),
        Breakdown.Window => SumsAsync(rows, f => f.WindowId, k => k.ToString(), ct),
        Breakdown.Venue => SumsAsync(rows, f => f.VenueId, k => k.ToString(), ct),
        Breakdown.Item => SumsAsync(rows, f => f.ItemCode, k => k, ct),
        Breakdown.Channel => SumsAsync(rows, f => f.Channel, k => k.ToString(), ct),
        Breakdown.Region => SumsAsync(rows, f => f.RegionCode, k => k, ct),
        _ => SumsAsync(rows, f => 1, _ => "", ct),
    };

    private static async Task<Dictionary<string, ServiceValues>> SumsAsync<TKey>(IQueryable<DailyServiceFigure> rows, Expression<Func<DailyServiceFigure, TKey>> key, Func<TKey, string> text, CancellationToken ct)
    {
        var sums = await rows.GroupBy(key).Select(g => new Sums<TKey>
        {
            Key = g.Key,
            RatedVeryDissatisfied = g.Sum(f => f.RatedVeryDissatisfied), RatedDissatisfied = g.Sum(f => f.RatedDissatisfied), RatedFair = g.Sum(f => f.RatedFair),
            RatedSatisfied = g.Sum(f => f.RatedSatisfied), RatedVerySatisfied = g.Sum(f => f.RatedVerySatisfied), BadRatings = g.Sum(f => f.BadRatings),
            BadRectified = g.Sum(f => f.BadRectified), Reminders = g.Sum(f => f.Reminders), YellowCards = g.Sum(f => f.YellowCards), RedCards = g.Sum(f => f.RedCards),
            ComplaintsUpheld = g.Sum(f => f.ComplaintsUpheld),
        }).ToListAsync(ct);
        var result = new Dictionary<string, ServiceValues>();
        foreach (var s in sums)
        {
            var values = new ServiceValues([s.RatedVeryDissatisfied, s.RatedDissatisfied, s.RatedFair, s.RatedSatisfied, s.RatedVerySatisfied, s.BadRatings, s.BadRectified,
                s.Reminders, s.YellowCards, s.RedCards, s.ComplaintsUpheld]);
            var k = text(s.Key);
            if (result.TryGetValue(k, out var existing))
            {
                existing.Add(values); // two database keys that read as one (a Guid in two text forms)
            }
            else
            {
                result[k] = values;
            }
        }
        return result;
    }

    private sealed class Sums<TKey>
    {
        public TKey Key { get; init; } = default!;
        public long RatedVeryDissatisfied { get; init; }
        public long RatedDissatisfied { get; init; }
        public long RatedFair { get; init; }
        public long RatedSatisfied { get; init; }
        public long RatedVerySatisfied { get; init; }
        public long BadRatings { get; init; }
        public long BadRectified { get; init; }
        public long Reminders { get; init; }
        public long YellowCards { get; init; }
        public long RedCards { get; init; }
        public long ComplaintsUpheld { get; init; }
    }
}
