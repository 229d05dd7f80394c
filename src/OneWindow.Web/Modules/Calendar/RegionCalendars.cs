using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Calendar;

/// <summary>
/// The working-day calendar of each region: the national days plus the overrides of the region and of every
/// region above it (a county's day off applies to its towns). Built once per region and kept until an
/// administrator changes a day; building costs a few milliseconds (one pass over the years 2000–2100).
/// </summary>
public sealed class RegionCalendars(IServiceScopeFactory scopes)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<WorkingDayCalendar>>> _cache = new(StringComparer.Ordinal);

    public Task<WorkingDayCalendar> ForRegionAsync(string? regionCode) =>
        _cache.GetOrAdd(regionCode ?? SpecialDayEntry.National, code => new Lazy<Task<WorkingDayCalendar>>(() => BuildAsync(code))).Value;

    /// <summary>Forgets every cached calendar: an override may concern the regions below it.</summary>
    public void Invalidate() => _cache.Clear();

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
        return WorkingDayCalendar.Create(national, local);
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
