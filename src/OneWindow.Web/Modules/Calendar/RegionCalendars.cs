using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Calendar;

/// <summary>
/// The working-day calendar of each region: the national days plus the overrides of the region and of every
/// region above it (a county's day off applies to its towns), and the statutory holidays of the years whose notice is
/// not loaded. Built once per region and kept until the calendar changes; building costs a few milliseconds (one pass
/// over the years 2000–2100). A change made here is seen at once; one made on another instance when
/// <see cref="RefreshAsync"/> next finds it (the calendar worker asks every few seconds).
/// </summary>
public sealed class RegionCalendars(IServiceScopeFactory scopes)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<WorkingDayCalendar>>> _cache = new(StringComparer.Ordinal);
    private int? _changesSeen;

    public Task<WorkingDayCalendar> ForRegionAsync(string? regionCode) =>
        _cache.GetOrAdd(regionCode ?? SpecialDayEntry.National, code => new Lazy<Task<WorkingDayCalendar>>(() => BuildAsync(code))).Value;

    /// <summary>Forgets every cached calendar: an override may concern the regions below it.</summary>
    public void Invalidate() => _cache.Clear();

    /// <summary>
    /// Forgets the cached calendars if the calendar changed since this instance last looked (on any instance). Changes
    /// are never deleted, so their number grows with each; a few a year, so counting them is cheap.
    /// </summary>
    public async Task RefreshAsync(OneWindowDbContext db, CancellationToken ct)
    {
        var changes = await db.CalendarChanges.CountAsync(ct);
        if (changes != _changesSeen)
        {
            Invalidate();
            _changesSeen = changes;
        }
    }

    private async Task<WorkingDayCalendar> BuildAsync(string regionCode)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
        var chain = RegionChain(regionCode);
        var rows = await db.SpecialDays.AsNoTracking()
            .Where(d => chain.Contains(d.RegionCode))
            .Select(d => new { d.RegionCode, d.Date, d.IsOffDay, d.Name })
            .ToListAsync();
        var national = rows.Where(r => r.RegionCode == SpecialDayEntry.National).Select(r => new SpecialDay(r.Date, r.IsOffDay, r.Name));
        // Lower regions override higher ones: order by code length so the most local entry is applied last.
        var local = rows.Where(r => r.RegionCode != SpecialDayEntry.National)
            .OrderBy(r => r.RegionCode.TrimEnd('0').Length)
            .Select(r => new SpecialDay(r.Date, r.IsOffDay, r.Name, SpecialDaySource.Local));
        var published = await db.HolidayNotices.AsNoTracking().Select(n => n.Year).ToListAsync();
        return WorkingDayCalendar.Create(national, local, published);
    }

    /// <summary>The region and the regions containing it, plus the national entry.</summary>
    internal static List<string> RegionChain(string regionCode)
    {
        var chain = new List<string> { SpecialDayEntry.National };
        if (Domain.Organization.RegionCode.TryParse(regionCode, out var code))
        {
            for (Domain.Organization.RegionCode? c = code; c is not null; c = c.Value.Parent)
            {
                chain.Add(c.Value.Value);
            }
        }
        return chain;
    }
}
