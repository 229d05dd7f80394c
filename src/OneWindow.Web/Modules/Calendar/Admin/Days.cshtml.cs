using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Calendar.Admin;

/// <summary>
/// Local calendar changes (a typhoon day off, a make-up working day) and the national notice of a new year,
/// each with a reason, newest first, paged by key.
/// </summary>
public sealed class DaysModel(OneWindowDbContext db, ManageCalendar manage, LoadHolidayNotice load, Changes.CalendarChangeList changes, TimeProvider clock) : PageModel
{
    [BindProperty] public int? NoticeYear { get; set; }
    [BindProperty] public string NoticeReference { get; set; } = "";
    [BindProperty] public string NoticeDays { get; set; } = "";
    /// <summary>The administrator has checked the notice's text: where it disagrees with the statutory rule, it decides.</summary>
    [BindProperty] public bool ConfirmDisagreement { get; set; }

    [BindProperty] public string RegionCode { get; set; } = "";
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public bool IsOffDay { get; set; } = true;
    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public string Reason { get; set; } = "";
    [BindProperty(SupportsGet = true)] public long? Before { get; set; }

    public IReadOnlyList<SpecialDayEntry> Entries { get; private set; } = [];
    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<SelectListItem> Regions { get; private set; } = [];
    public long? NextBefore { get; private set; }
    public string? Error { get; private set; }
    /// <summary>The notice was refused for disagreeing with the statutory rule: the page offers to confirm it.</summary>
    public bool OfferConfirmation { get; private set; }
    public IReadOnlyList<Changes.NoticeView> Notices { get; private set; } = [];
    public IReadOnlyList<Changes.CalendarChangeView> RecentChanges { get; private set; } = [];
    /// <summary>The first year without its notice: the one an administrator will load next.</summary>
    public int NextNoticeYear { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        try
        {
            if (Date is null)
            {
                throw new DomainRuleException("calendar.date-required", Text.Translate("请选择日期。"));
            }
            await manage.SetDayAsync(RegionCode, Date.Value, IsOffDay, Name, Reason, User.ActorName(), ct);
            TempData["Flash"] = Text.Translate("日历已调整，相关时限将按新日历计算。");
            return Redirect("/admin/calendar");
        }
        catch (DomainRuleException e)
        {
            Error = e.Message;
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>A year's notice: its days replace the year's national days, and the recount of open due dates starts.</summary>
    public async Task<IActionResult> OnPostNoticeAsync(CancellationToken ct)
    {
        try
        {
            var (yearInText, days) = HolidayNoticeText.Parse(NoticeDays);
            var year = NoticeYear ?? yearInText ?? throw new DomainRuleException("calendar.notice-year", Text.Translate("请填写通知所属的年份。"), "year");
            var change = await load.LoadAsync(new HolidayNoticeRequest(year, NoticeReference, days, ConfirmDisagreement), User.ActorName(), ct);
            TempData["Flash"] = Text.Formatted("{0} 年放假通知已录入，正在重算在办事项的期限；期限有变动的事项列在下方，申请人将收到短信告知。", year);
            return Redirect($"/admin/calendar/changes/{change.Id}");
        }
        catch (DomainRuleException e)
        {
            Error = e.Message;
            OfferConfirmation = e.Code == "calendar.notice-misses-statutory-holiday";
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(long id, string? removeReason, CancellationToken ct)
    {
        try
        {
            await manage.RemoveDayAsync(id, removeReason ?? "", User.ActorName(), ct);
            TempData["Flash"] = Text.Translate("已撤销该调整。");
            return Redirect("/admin/calendar");
        }
        catch (Exception e) when (e is DomainRuleException or NotFoundException)
        {
            Error = e.Message;
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        const int pageSize = 50;
        var query = db.SpecialDays.AsNoTracking().Where(d => d.RegionCode != SpecialDayEntry.National || d.CreatedBy != "seed");
        if (Before is { } before)
        {
            query = query.Where(d => d.Id < before);
        }
        var rows = await query.OrderByDescending(d => d.Id).Take(pageSize + 1).ToListAsync(ct);
        if (rows.Count > pageSize)
        {
            rows.RemoveAt(pageSize);
            NextBefore = rows[^1].Id;
        }
        Entries = rows;
        var regions = await db.Regions.AsNoTracking().Where(r => r.Level <= RegionLevel.Town).OrderBy(r => r.Code).Take(500).ToListAsync(ct);
        RegionNames = regions.ToDictionary(r => r.Code, r => r.Name);
        Regions = [new SelectListItem(Text.Translate("全国"), ""), .. regions.Where(r => r.Level >= RegionLevel.County).Select(r => new SelectListItem(r.Name, r.Code, r.Code == RegionCode))];
        Notices = await changes.NoticesAsync(ct);
        RecentChanges = (await changes.ListAsync(null, 10, ct)).Items;
        var thisYear = Domain.Calendar.ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime).Year;
        NextNoticeYear = Enumerable.Range(thisYear, 3).FirstOrDefault(y => Notices.All(n => n.Year != y), thisYear + 1);
    }
}
