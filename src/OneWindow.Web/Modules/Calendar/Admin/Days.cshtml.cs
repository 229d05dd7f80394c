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
public sealed class DaysModel(OneWindowDbContext db, ManageCalendar manage) : PageModel
{
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
        Regions = [new SelectListItem(Text.Translate("全国（录入国务院放假通知）"), ""), .. regions.Where(r => r.Level >= RegionLevel.County).Select(r => new SelectListItem(r.Name, r.Code, r.Code == RegionCode))];
    }
}
