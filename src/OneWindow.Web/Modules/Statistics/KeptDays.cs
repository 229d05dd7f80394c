using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Statistics;

/// <summary>
/// The platform's intake, conclusions, decided and on-time cases by day, summed from the kept daily figures (ADR 0024,
/// 0030): what the dashboard's trend and month read. Unlike a day counted once after it ended, a kept day follows a
/// supplement that moves a receipt and a recount that moves a due date. One grouped query over the days' rows.
/// </summary>
public static class KeptDays
{
    /// <summary>One day's platform figures.</summary>
    public sealed record Day(DateOnly Date, int Intake, int Concluded, int Decided, int OnTime);

    /// <summary>The days from <paramref name="first"/> to <paramref name="last"/> that have ended by <paramref name="now"/>; a day with nothing kept is absent.</summary>
    public static async Task<IReadOnlyDictionary<DateOnly, Day>> PastAsync(OneWindowDbContext db, DateOnly first, DateOnly last, DateTime now, CancellationToken ct)
    {
        var today = ChinaTime.DateOf(now);
        if (last >= today)
        {
            last = today.AddDays(-1);
        }
        var days = await db.Set<DailyFigure>().AsNoTracking().Where(f => f.Day >= first && f.Day <= last).GroupBy(f => f.Day)
            .Select(g => new { Day = g.Key, Received = g.Sum(f => f.Received), Concluded = g.Sum(f => f.Concluded), Decided = g.Sum(f => f.Decided), OnTime = g.Sum(f => f.OnTime) })
            .ToListAsync(ct);
        return days.ToDictionary(d => d.Day, d => new Day(d.Day, (int)d.Received, (int)d.Concluded, (int)d.Decided, (int)d.OnTime));
    }
}
