using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Calendar;

namespace OneWindow.Web.Modules.Ratings;

/// <summary>
/// 好差评 from the public: whoever can track a concluded case (its number and the last four characters of the
/// applicant's phone or ID) rates it once online. A bad rating opens the department's rectification.
/// </summary>
public sealed class RateCase(OneWindowDbContext db, RegionCalendars calendars, OneWindow.Web.Modules.Cases.TrackingGuard guard, TimeProvider clock)
{
    public async Task<Rating> RateOnlineAsync(string number, string tail, RatingLevel level, string? comment, CancellationToken ct)
    {
        // The same lock as tracking: a rating names the case by the same four characters.
        if (await guard.LockedForAsync(number, ct) is { Ticks: > 0 } wait)
        {
            throw new DomainRuleException("tracking.locked", OneWindow.Web.Modules.Cases.TrackingGuard.LockedMessage(wait), "number");
        }
        var key = tail.Trim().ToUpperInvariant();
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Number == number, ct);
        if (c is null || key.Length != 4 || !(c.ApplicantPhone.EndsWith(key, StringComparison.Ordinal) || c.ApplicantIdNumber.EndsWith(key, StringComparison.OrdinalIgnoreCase)))
        {
            await guard.CountFailureAsync(number, ct);
            throw new DomainRuleException("rating.case-unknown", "没有查到该办件。", "number");
        }
        if (await db.Ratings.AnyAsync(r => r.CaseId == c.Id && r.Channel == CaseChannel.Online, ct))
        {
            throw new DomainRuleException("rating.already-rated", "该办件已在网上评价过，每个渠道只能评价一次。");
        }
        var rating = Rating.Rate(c, CaseChannel.Online, level, comment, clock.GetUtcNow().UtcDateTime, await calendars.ForRegionAsync(c.RegionCode));
        db.Ratings.Add(rating);
        await db.SaveChangesAsync(ct);
        return rating;
    }
}
