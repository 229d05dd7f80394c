using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Calendar;

namespace OneWindow.Web.Modules.Cases.Public;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.RateLimits.Public)]
public sealed class TrackModel(OneWindowDbContext db, RegionCalendars calendars, CaseSections sections, TrackingGuard guard, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Number { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tail { get; set; }

    public TrackedCase? Result { get; private set; }
    public bool Searched { get; private set; }
    /// <summary>What other modules show of the case here (the online rating).</summary>
    public IReadOnlyList<CaseSection> Sections { get; private set; } = [];
    /// <summary>Set while the case number's public lookup is locked after too many wrong tries.</summary>
    public string? Locked { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        if (Number is null && Tail is null)
        {
            return;
        }
        Searched = true;
        // The try is taken before the four characters are compared (parallel guesses cannot outrun the count).
        var taken = await guard.TakeAsync(Number, ct);
        if (!taken.Allowed)
        {
            Locked = TrackingGuard.LockedMessage(taken.Wait);
            return;
        }
        Result = await TrackCase.RunAsync(db, calendars, Number, Tail, clock.GetUtcNow().UtcDateTime, ct);
        if (Result is null && taken.Blocked)
        {
            Locked = TrackingGuard.LockedMessage(taken.Wait);
        }
        if (Result is { } found)
        {
            await guard.GiveBackAsync(Number, ct);
            Sections = await sections.ForAsync(new CaseOnPage(CasePage.PublicTracking, found.CaseId, found.Number, found.Status, User, Tail?.Trim()), ct);
        }
    }
}
