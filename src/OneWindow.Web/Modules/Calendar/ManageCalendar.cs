using OneWindow.Web.Modules.Audit;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Calendar;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Calendar.Changes;

namespace OneWindow.Web.Modules.Calendar;

/// <summary>
/// Local days off and working days of a region (e.g. a typhoon day), and single national days, each with a reason
/// and an audit entry. Changing a day clears the cached calendars and starts the recount of the due dates it moves
/// (a calendar change, as loading a notice does: ADR 0014).
/// </summary>
public sealed class ManageCalendar(OneWindowDbContext db, WriteUnit unit, RegionCalendars calendars, CalendarChangeWorker worker, TimeProvider clock)
{
    public async Task<(SpecialDayEntry Entry, CalendarChange Change)> SetDayAsync(string regionCode, DateOnly date, bool isOffDay, string name, string reason, string actor, CancellationToken ct = default)
    {
        regionCode ??= SpecialDayEntry.National;
        if (regionCode != SpecialDayEntry.National)
        {
            // Stored as the calendars look it up: the full 12 digits (431025 is 431025000000).
            regionCode = Domain.Organization.RegionCode.TryParse(regionCode, out var code) ? code.Value
                : throw new DomainRuleException("calendar.region-invalid", "行政区划代码应为 12 位数字。", "regionCode");
        }
        if (string.IsNullOrWhiteSpace(reason) || string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("calendar.reason-required", "请填写名称和调整理由。", string.IsNullOrWhiteSpace(name) ? "name" : "reason");
        }
        if (name.Trim().Length > 100 || reason.Trim().Length > 400)
        {
            throw new DomainRuleException("calendar.text-too-long", "名称应在 100 字以内，理由应在 400 字以内。", name.Trim().Length > 100 ? "name" : "reason");
        }
        if (date < WorkingDayCalendar.MinDate || date > WorkingDayCalendar.MaxDate)
        {
            throw new DomainRuleException("calendar.date-out-of-range", "日期超出日历范围。", "date");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        // One unit (ADR 0019): the day, its audit entry and the change that recounts what it moves.
        var result = await unit.RunAsync(async t =>
        {
            var entry = await db.SpecialDays.FirstOrDefaultAsync(d => d.RegionCode == regionCode && d.Date == date, t);
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
            var change = Change(regionCode, $"{date:yyyy-MM-dd} 调整为{(isOffDay ? "休息日" : "工作日")}：{name.Trim()}（{reason.Trim()}）", actor, now);
            db.CalendarChanges.Add(change);
            return (entry, change);
        }, ct);
        calendars.Invalidate();
        worker.Wake();
        return result;
    }

    public async Task<CalendarChange> RemoveDayAsync(long id, string reason, string actor, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("calendar.reason-required", "请填写撤销理由。", "reason");
        }
        if (reason.Trim().Length > 400)
        {
            throw new DomainRuleException("calendar.text-too-long", "理由应在 400 字以内。", "reason");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var change = await unit.RunAsync(async t =>
        {
            var entry = await db.SpecialDays.FirstOrDefaultAsync(d => d.Id == id, t) ?? throw new NotFoundException("该日历调整不存在。");
            db.SpecialDays.Remove(entry);
            db.Audit(now, actor, "CalendarDay", $"{Display(entry.RegionCode)}:{entry.Date:yyyy-MM-dd}", "removed", new { entry.IsOffDay, entry.Name, reason });
            var removed = Change(entry.RegionCode, $"撤销 {entry.Date:yyyy-MM-dd} 的调整（{entry.Name}）：{reason.Trim()}", actor, now);
            db.CalendarChanges.Add(removed);
            return removed;
        }, ct);
        calendars.Invalidate();
        worker.Wake();
        return change;
    }

    private static CalendarChange Change(string regionCode, string description, string actor, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(now), RegionCode = regionCode, CreatedAt = now, CreatedBy = actor,
        Description = description.Length > 400 ? description[..400] : description,
    };

    private static string Display(string regionCode) => regionCode.Length == 0 ? "national" : regionCode;
}
