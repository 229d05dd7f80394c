using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Calendar.Public;

public sealed class CalendarPageModel(RegionCalendars calendars, OneWindowDbContext db, TimeProvider clock) : PageModel
{
    public DateOnly? From { get; private set; }
    public int Days { get; private set; } = 5;
    public string? Region { get; private set; }
    public int Year { get; private set; }
    public DateOnly? Due { get; private set; }
    /// <summary>The count passed through a year whose notice is not loaded: the due date is provisional.</summary>
    public bool DueProvisional { get; private set; }
    public bool YearPublished { get; private set; }
    public string? Error { get; private set; }
    public WorkingDayCalendar Calendar { get; private set; } = null!;
    public IReadOnlyList<Region> Regions { get; private set; } = [];

    /// <summary>The style of a day in the year's table (a switch in C#, so that CS8509 names a new kind of day).</summary>
    public static string DayClass(DayStatus s) => s.Kind switch
    {
        DayKind.StatutoryHoliday when !s.OfficialCalendarPublished => "day-off provisional",
        DayKind.StatutoryHoliday => "day-off",
        DayKind.AdjustedWorkingDay => "day-adjusted",
        DayKind.LocalDayOff => "day-local-off",
        DayKind.LocalWorkingDay => "day-local-work",
        DayKind.Weekend => "day-weekend",
        DayKind.OrdinaryWorkingDay => "",
    };

    public async Task OnGetAsync(string? from, int? days, string? region, int? year, CancellationToken ct)
    {
        var today = ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime);
        Region = region is not null && Domain.Organization.RegionCode.TryParse(region, out var code) ? code.Value : null;
        Regions = await db.Regions.AsNoTracking().Where(r => r.Level <= RegionLevel.Town).OrderBy(r => r.Code).Take(300).ToListAsync(ct);
        Calendar = await calendars.ForRegionAsync(Region);
        Year = year is >= 2001 and <= 2099 ? year.Value : today.Year;
        YearPublished = Calendar.IsOfficialCalendarPublished(Year);
        Days = days ?? 5;
        From = today;
        if (from is null)
        {
            return;
        }
        if (CalendarModule.ParseStart(from) is not { } startUtc || !DateOnly.TryParse(from, System.Globalization.CultureInfo.InvariantCulture, out var fromDate))
        {
            Error = Text.Translate("起算日格式不正确，应为 yyyy-MM-dd，且在 2000–2099 年之间。");
            return;
        }
        From = fromDate;
        if (Days is < 0 or > 1000)
        {
            Error = Text.Translate("时限应为 0 至 1000 个工作日。");
            return;
        }
        Due = LegalClock.Due(Calendar, startUtc, Days).DueDate;
        DueProvisional = Calendar.IsProvisional(fromDate, Due!.Value);
        if (year is null)
        {
            Year = fromDate.Year;
            YearPublished = Calendar.IsOfficialCalendarPublished(Year);
        }
    }
}
