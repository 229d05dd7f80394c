using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Ratings;

namespace OneWindow.Web.Modules.Cases.Public;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.RateLimits.Public)]
public sealed class TrackModel(OneWindowDbContext db, RegionCalendars calendars, RateCase rate, TrackingGuard guard, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Number { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tail { get; set; }
    [BindProperty] public RatingLevel? Level { get; set; }
    [BindProperty] public string? Comment { get; set; }

    public TrackedCase? Result { get; private set; }
    public bool Searched { get; private set; }
    public bool MayRate { get; private set; }
    public string? RatingError { get; private set; }
    /// <summary>Set while the case number's public lookup is locked after too many wrong tries.</summary>
    public string? Locked { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostRateAsync(CancellationToken ct)
    {
        try
        {
            var rating = await rate.RateOnlineAsync(Number ?? "", Tail ?? "", Level ?? 0, Comment, ct);
            TempData["Flash"] = rating.IsBad
                ? Text.Translate("感谢评价。您的意见已转交办理部门，将在五个工作日内回访并整改。")
                : Text.Translate("感谢您的评价！");
            return Redirect($"/track?number={Uri.EscapeDataString(Number ?? "")}&tail={Uri.EscapeDataString(Tail ?? "")}");
        }
        catch (DomainRuleException e)
        {
            RatingError = e.Message;
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (Number is null && Tail is null)
        {
            return;
        }
        Searched = true;
        if (await guard.LockedForAsync(Number, ct) is { Ticks: > 0 } wait)
        {
            Locked = TrackingGuard.LockedMessage(wait);
            return;
        }
        Result = await TrackCase.RunAsync(db, calendars, Number, Tail, clock.GetUtcNow().UtcDateTime, ct);
        if (Result is null && await guard.CountFailureAsync(Number, ct) is { Ticks: > 0 } locked)
        {
            Locked = TrackingGuard.LockedMessage(locked);
        }
        if (Result is { Status: CaseStatus.Concluded or CaseStatus.RejectedAtIntake })
        {
            var number = Result.Number;
            MayRate = !await db.Ratings.AnyAsync(r => r.CaseNumber == number && r.Channel == CaseChannel.Online, ct);
        }
    }
}
