using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Calendar;

namespace OneWindow.Web.Modules.Tracking;

public sealed class TrackModel(OneWindowDbContext db, RegionCalendars calendars, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Number { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tail { get; set; }

    public TrackedCase? Result { get; private set; }
    public bool Searched { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Number is null && Tail is null)
        {
            return;
        }
        Searched = true;
        Result = await TrackCase.RunAsync(db, calendars, Number, Tail, clock.GetUtcNow().UtcDateTime, ct);
    }
}
