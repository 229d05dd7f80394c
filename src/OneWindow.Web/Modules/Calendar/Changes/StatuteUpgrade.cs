using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Audit;

namespace OneWindow.Web.Modules.Calendar.Changes;

/// <summary>
/// The national calendar change of the upgrade to statutory holidays before the notice (migrations 0014–0015, ADR 0014).
/// Before it a year without its notice counted every weekday, so the open records counted then may have wrong dates (a
/// 食品经营许可 accepted in December 2026, due on New Year's Day 2027). Migration 0015 leaves this change waiting on a
/// database that was in use (it had national days), dated the far future so that no recount takes it; the first start
/// after the upgrade (<see cref="RunAsync"/>) takes back the years 0014 counted as published from national days set by
/// hand (no notice could be loaded before 0014), dates the change now and wakes the recount, which counts every open record again, records the moves in
/// each record and lists them, as for any change. It happens once: only the start that dates the change finds it waiting.
/// </summary>
public sealed class StatuteUpgrade(OneWindowDbContext db, WriteUnit unit, RegionCalendars calendars, CalendarChangeWorker worker, TimeProvider clock, ILogger<StatuteUpgrade> logger)
{
    /// <summary>The change's key, as migration 0015 writes it.</summary>
    public static readonly Guid ChangeId = Guid.Parse("0193d0c0-0015-7000-8000-000000000015");

    /// <summary>The date migration 0015 gives the change until a start takes it up: no recount takes a change made later than now.</summary>
    public static readonly DateTime Waiting = new(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    public const string Actor = "migration";

    public const string Description = "启用《全国年节及纪念日放假办法》法定节假日：未录入国务院放假通知的年份，法定节假日不计入期限";

    /// <summary>Starts the change if it is waiting; returns it then, null otherwise (a fresh database, or done before).</summary>
    public async Task<CalendarChange?> RunAsync(CancellationToken ct)
    {
        if (!await db.CalendarChanges.AnyAsync(c => c.Id == ChangeId && c.CreatedAt == Waiting, ct))
        {
            return null;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        // One unit (ADR 0019), taken by one start only: another instance starting at the same moment waits for the row,
        // then finds it taken.
        var unpublished = await unit.RunAsync<IReadOnlyList<int>?>(async t =>
        {
            if (await db.CalendarChanges.Where(c => c.Id == ChangeId && c.CreatedAt == Waiting)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.CreatedAt, now), t) == 0)
            {
                return null;
            }
            var years = await TakeBackAdHocYearsAsync(now, t);
            var description = years.Count == 0 ? Description
                : $"{Description}；{string.Join("、", years)} 年的全国调整日为逐日设置、未录入放假通知，按法定节假日计算，节假日以国务院办公厅通知为准（已设置的日期保留）";
            await db.CalendarChanges.Where(c => c.Id == ChangeId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Description, description.Length > 400 ? description[..400] : description), t);
            db.Audit(now, Actor, "CalendarChange", ChangeId.ToString(), "statute-enabled", new { unpublishedYears = years });
            return years;
        }, ct);
        if (unpublished is null)
        {
            return null;
        }
        calendars.Invalidate();
        worker.Wake();
        logger.LogInformation("The statutory holidays before the notice are in force; open due dates are recounted (calendar change {Change}); years no longer taken as published: {Years}",
            ChangeId, unpublished);
        return await db.CalendarChanges.AsNoTracking().FirstAsync(c => c.Id == ChangeId, ct);
    }

    /// <summary>
    /// Migration 0014 took every year with a national day for a year whose notice is loaded. Before it no notice could be
    /// loaded at all: a year other than a shipped notice's had only days an administrator set one by one, which are no
    /// notice even when they happen to hold every statutory holiday (a bridge day or a 调休 may be missing, and nobody
    /// confirmed the notice's text). Every such year is provisional again (节假日以国务院办公厅通知为准): its statutory
    /// holidays count, and the days set by hand stay, to be replaced by the notice when it is loaded. Returns those years.
    /// </summary>
    private async Task<IReadOnlyList<int>> TakeBackAdHocYearsAsync(DateTime now, CancellationToken ct)
    {
        var shipped = NationalCalendar.ShippedNoticeYears.ToHashSet();
        var taken = await db.HolidayNotices.Where(n => n.LoadedBy == Actor).OrderBy(n => n.Year).ToListAsync(ct);
        var unpublished = new List<int>();
        foreach (var notice in taken.Where(n => !shipped.Contains(n.Year)))
        {
            var (first, last) = (new DateOnly(notice.Year, 1, 1), new DateOnly(notice.Year, 12, 31));
            var days = await db.SpecialDays.AsNoTracking()
                .Where(d => d.RegionCode == SpecialDayEntry.National && d.Date >= first && d.Date <= last && d.NoticeYear == null)
                .Select(d => new { d.Date, d.IsOffDay }).ToListAsync(ct);
            db.HolidayNotices.Remove(notice);
            unpublished.Add(notice.Year);
            db.Audit(now, Actor, "HolidayNotice", notice.Year.ToString(CultureInfo.InvariantCulture), "unpublished", new
            {
                reason = "全国调整日为逐日设置，不是录入的放假通知，按法定节假日计算",
                days = days.Count,
                statutoryHolidaysNotSet = LoadHolidayNotice.Disagreements(notice.Year, days.ToDictionary(d => d.Date, d => d.IsOffDay)),
            });
        }
        return unpublished;
    }
}
