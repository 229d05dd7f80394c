using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Calendar;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Calendar;

/// <summary>
/// Local days off and working days of a region (e.g. a typhoon day), and the national notice of a new year,
/// each with a reason and an audit entry. Changing a day clears the cached calendars.
/// </summary>
public sealed class ManageCalendar(OneWindowDbContext db, RegionCalendars calendars, TimeProvider clock)
{
    public async Task<SpecialDayEntry> SetDayAsync(string regionCode, DateOnly date, bool isOffDay, string name, string reason, string actor, CancellationToken ct = default)
    {
        if (regionCode != SpecialDayEntry.National && !Domain.Organization.RegionCode.TryParse(regionCode, out _))
        {
            throw new DomainRuleException("calendar.region-invalid", "行政区划代码应为 12 位数字。");
        }
        if (string.IsNullOrWhiteSpace(reason) || string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("calendar.reason-required", "请填写名称和调整理由。");
        }
        if (date < WorkingDayCalendar.MinDate || date > WorkingDayCalendar.MaxDate)
        {
            throw new DomainRuleException("calendar.date-out-of-range", "日期超出日历范围。");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var entry = await db.SpecialDays.FirstOrDefaultAsync(d => d.RegionCode == regionCode && d.Date == date, ct);
        var before = entry is null ? null : new { entry.IsOffDay, entry.Name };
        if (entry is null)
        {
            entry = new SpecialDayEntry { RegionCode = regionCode, Date = date, IsOffDay = isOffDay, Name = name.Trim(), Reason = reason.Trim(), CreatedBy = actor, CreatedAt = now };
            db.SpecialDays.Add(entry);
        }
        else
        {
            entry.IsOffDay = isOffDay;
            entry.Name = name.Trim();
            entry.Reason = reason.Trim();
        }
        db.Audit(now, actor, "CalendarDay", $"{Display(regionCode)}:{date:yyyy-MM-dd}", "set", new { before, isOffDay, name, reason });
        await db.SaveChangesAsync(ct);
        calendars.Invalidate();
        return entry;
    }

    public async Task RemoveDayAsync(long id, string reason, string actor, CancellationToken ct = default)
    {
        var entry = await db.SpecialDays.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("该日历调整不存在。");
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("calendar.reason-required", "请填写撤销理由。");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        db.SpecialDays.Remove(entry);
        db.Audit(now, actor, "CalendarDay", $"{Display(entry.RegionCode)}:{entry.Date:yyyy-MM-dd}", "removed", new { entry.IsOffDay, entry.Name, reason });
        await db.SaveChangesAsync(ct);
        calendars.Invalidate();
    }

    private static string Display(string regionCode) => regionCode.Length == 0 ? "national" : regionCode;
}
