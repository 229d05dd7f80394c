using OneWindow.Web.Modules.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Cases;

namespace OneWindow.Web.Modules.Cases.Workbench;

/// <summary>The inbox: my department's (or my venue's) open cases, the soonest deadline first, coloured by time left.</summary>
public sealed class IndexModel(OneWindowDbContext db, UserManager<UserAccount> users, RegionCalendars calendars, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? After { get; set; }
    [BindProperty(SupportsGet = true)] public bool Mine { get; set; }

    public IReadOnlyList<InboxRow> Rows { get; private set; } = [];
    public string? Next { get; private set; }
    public DateTime Now { get; private set; }
    public WorkingDayCalendar Calendar { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var staff = await CaseStaff.LoadAsync(User, users, db);
        (Rows, Next) = await CaseInbox.PageAsync(db, staff, After, Mine, ct);
        Now = clock.GetUtcNow().UtcDateTime;
        var region = staff.User.VenueId is { } venueId
            ? await db.Venues.Where(v => v.Id == venueId).Select(v => v.RegionCode).FirstOrDefaultAsync(ct)
            : null;
        Calendar = await calendars.ForRegionAsync(region);
    }

    /// <summary>Working days left until a due instant (negative when overdue); null when no clock runs.</summary>
    public int? DaysLeft(DateTime? dueAt) =>
        dueAt is { } d && d != Domain.Cases.Case.NoDeadline
            ? Calendar.WorkingDaysBetween(ChinaTime.DateOf(Now), ChinaTime.DateOf(d.AddTicks(-1))) - (Now >= d ? 1 : 0)
            : null;

    public static string Urgency(int? left) => left switch
    {
        null => "",
        < 0 => "overdue",
        0 => "due-today",
        <= 2 => "due-soon",
        _ => "on-time",
    };
}
