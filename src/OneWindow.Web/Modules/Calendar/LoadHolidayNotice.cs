using OneWindow.Web.Modules.Audit;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Calendar;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Calendar.Changes;

namespace OneWindow.Web.Modules.Calendar;

/// <summary>One day of a notice: a day off in a holiday period, or a Saturday or Sunday declared a working day (调休).</summary>
public sealed record NoticeDay(DateOnly Date, bool IsOffDay, string? Name);

/// <summary>
/// A year's State Council holiday notice: its title and document number, and its days. A notice that leaves a statutory
/// holiday of the rule a working day is refused unless <paramref name="ConfirmDisagreement"/>: the administrator has
/// checked the notice's text and it decides (a close 清明, a lunar edge year; ADR 0014).
/// </summary>
public sealed record HolidayNoticeRequest(int Year, string? Reference, IReadOnlyList<NoticeDay>? Days, bool ConfirmDisagreement = false);

/// <summary>
/// Loads a year's notice (国务院办公厅关于部分节假日安排的通知) into the national calendar: its days replace the year's
/// national days (and the December days before it that it lists), the year is no longer provisional, and a calendar
/// change starts the recount of every open record's due dates (<see cref="RecountDueDates"/>). Each day keeps the
/// notice's year, so that loading the same year again (a corrected or extended notice) replaces every day of the
/// earlier load, the December days it listed included.
/// </summary>
public sealed class LoadHolidayNotice(OneWindowDbContext db, WriteUnit unit, RegionCalendars calendars, CalendarChangeWorker worker, TimeProvider clock)
{
    public const int MaxDays = 120;

    public async Task<CalendarChange> LoadAsync(HolidayNoticeRequest request, string actor, CancellationToken ct)
    {
        var (reference, days, disagreement) = Check(request);
        var year = request.Year;
        var now = clock.GetUtcNow().UtcDateTime;
        var disagreementText = disagreement.Count == 0 ? null : Clip(string.Join("、", disagreement), 400);
        var change = new CalendarChange
        {
            Id = Guid.CreateVersion7(now), RegionCode = SpecialDayEntry.National, CreatedAt = now, CreatedBy = actor,
            Description = Clip($"录入 {year} 年节假日安排通知：{reference}{(disagreement.Count == 0 ? "" : "（与法定节假日推算不一致处以通知为准）")}", 400),
            Disagreement = disagreementText,
        };
        // One unit (ADR 0019): the year's days replaced, the notice, the change and the audit entry, or nothing.
        await unit.RunAsync(async t =>
        {
            // The notice replaces the year's national days: every day of an earlier load of this year's notice (a corrected
            // notice drops a mistyped day wherever it was), every national day set on its own in the year, and any day it
            // lists. The days of the next year's notice in this December (2019's made 29 December 2018 a working day) stay.
            var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            var listed = days.Select(d => d.Date).ToList();
            var replaced = await db.SpecialDays
                .Where(d => d.RegionCode == SpecialDayEntry.National
                    && (d.NoticeYear == year || (d.NoticeYear == null && d.Date >= first && d.Date <= last) || listed.Contains(d.Date)))
                .ExecuteDeleteAsync(t);
            db.SpecialDays.AddRange(days.Select(d => new SpecialDayEntry
            {
                RegionCode = SpecialDayEntry.National, Date = d.Date, IsOffDay = d.IsOffDay, Name = d.Name!.Trim(), Reason = reference, CreatedBy = actor, CreatedAt = now,
                NoticeYear = year,
            }));
            var notice = await db.HolidayNotices.FirstOrDefaultAsync(n => n.Year == year, t);
            if (notice is null)
            {
                db.HolidayNotices.Add(new HolidayNotice { Year = year, Reference = reference, LoadedAt = now, LoadedBy = actor });
            }
            else
            {
                (notice.Reference, notice.LoadedAt, notice.LoadedBy) = (reference, now, actor);
            }
            db.CalendarChanges.Add(change);
            db.Audit(now, actor, "HolidayNotice", year.ToString(System.Globalization.CultureInfo.InvariantCulture), notice is null ? "loaded" : "replaced",
                new { reference, days = days.Count, replacedDays = replaced, change = change.Id, disagreementConfirmed = disagreement.Count == 0 ? null : disagreement });
        }, ct);
        calendars.Invalidate();
        worker.Wake();
        return change;
    }

    /// <summary>
    /// A notice as the law allows it: its days in its year (or the December before), each once and named, and every
    /// statutory holiday of the year a day off — a notice adds bridge days and moves weekends, it never works a
    /// statutory holiday (《全国年节及纪念日放假办法》 art. 2, 6). A day left out is usually a typing slip to correct;
    /// where the rule itself may be a day off (a close 清明, a lunar edge year) the administrator confirms that the
    /// notice decides, and the disagreement is returned to be recorded.
    /// </summary>
    private static (string Reference, List<NoticeDay> Days, IReadOnlyList<string> Disagreement) Check(HolidayNoticeRequest request)
    {
        var year = request.Year;
        if (year <= WorkingDayCalendar.MinDate.Year || year > WorkingDayCalendar.MaxDate.Year)
        {
            throw new DomainRuleException("calendar.notice-year", $"年份应在 {WorkingDayCalendar.MinDate.Year + 1} 至 {WorkingDayCalendar.MaxDate.Year} 之间。", "year");
        }
        if (string.IsNullOrWhiteSpace(request.Reference) || request.Reference.Trim().Length > 200)
        {
            throw new DomainRuleException("calendar.notice-reference", "请填写通知的标题和文号（200 字以内）。", "reference");
        }
        var days = request.Days ?? [];
        if (days.Count is 0 or > MaxDays)
        {
            throw new DomainRuleException("calendar.notice-days", $"请逐日列出通知中的放假日和调休上班日（1 至 {MaxDays} 天）。", "days");
        }
        var (from, to) = (new DateOnly(year - 1, 12, 1), new DateOnly(year, 12, 31));
        foreach (var day in days)
        {
            if (day.Date < from || day.Date > to)
            {
                throw new DomainRuleException("calendar.notice-day-outside", $"{day.Date:yyyy-MM-dd} 不在 {year} 年通知的范围内（上年 12 月至本年 12 月）。", "days");
            }
            if (string.IsNullOrWhiteSpace(day.Name) || day.Name.Trim().Length > 100)
            {
                throw new DomainRuleException("calendar.notice-day-name", $"{day.Date:yyyy-MM-dd} 须写明所属节日（100 字以内）。", "days");
            }
        }
        if (days.GroupBy(d => d.Date).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new DomainRuleException("calendar.notice-day-twice", $"{twice.Key:yyyy-MM-dd} 列了两次。", "days");
        }
        var worked = Disagreements(year, days.ToDictionary(d => d.Date, d => d.IsOffDay));
        if (worked.Count > 0 && !request.ConfirmDisagreement)
        {
            throw new DomainRuleException("calendar.notice-misses-statutory-holiday",
                $"以下法定节假日在通知中不是休息日，请核对（《全国年节及纪念日放假办法》第二条）：{string.Join("、", worked)}。"
                + "如通知原文确实如此（清明、中秋等日期与推算相差一天），请确认以通知为准后再录入。", "days");
        }
        return (request.Reference.Trim(), [.. days.OrderBy(d => d.Date)], worked);
    }

    /// <summary>
    /// The statutory holidays of <paramref name="year"/> that national days given as (date, is a day off) leave a working
    /// day: listed as a working day, or a weekday not listed at all. Empty for a notice that keeps every one.
    /// </summary>
    public static IReadOnlyList<string> Disagreements(int year, IReadOnlyDictionary<DateOnly, bool> offByDate) =>
        [.. StatutoryHolidays.Of(year)
            .Where(s => offByDate.TryGetValue(s.Date, out var off) ? !off : s.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .Select(s => $"{s.Date:yyyy-MM-dd} {s.Name}")];

    private static string Clip(string text, int length) => text.Length > length ? text[..length] : text;
}
