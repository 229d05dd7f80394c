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
public sealed class RateCase(OneWindowDbContext db, WriteUnit unit, RegionCalendars calendars, OneWindow.Web.Modules.Cases.TrackingGuard guard, TimeProvider clock)
{
    /// <summary>The longest case number there is (a joint case's part included), as the cases table holds it.</summary>
    public const int MaxNumber = 40;

    public async Task<Rating> RateOnlineAsync(string number, string tail, RatingLevel level, string? comment, CancellationToken ct)
    {
        // What cannot name a case is refused as it is and not counted as a wrong guess: only a real try at a case
        // number's four characters counts towards its lock.
        if (string.IsNullOrWhiteSpace(number) || number.Trim().Length > MaxNumber)
        {
            throw new DomainRuleException("rating.case-unknown", "没有查到该办件。", "number");
        }
        if (tail.Trim().Length != 4)
        {
            throw new DomainRuleException("rating.tail-invalid", "请填写申请人手机号码或身份证号码的后四位。", "tail");
        }
        number = number.Trim();
        // The same lock as tracking, the try taken before the comparison: a rating names the case by the same four characters.
        var taken = await guard.TakeAsync(number, ct);
        if (!taken.Allowed)
        {
            throw new DomainRuleException("tracking.locked", OneWindow.Web.Modules.Cases.TrackingGuard.LockedMessage(taken.Wait), "number");
        }
        var key = tail.Trim().ToUpperInvariant();
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Number == number, ct);
        if (c is null || !(c.Applicant.Phone.EndsWith(key, StringComparison.Ordinal) || c.Applicant.IdentityNumber.EndsWith(key, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainRuleException("rating.case-unknown", "没有查到该办件。", "number");
        }
        await guard.GiveBackAsync(number, ct);
        if (await db.Ratings.AnyAsync(r => r.CaseId == c.Id && r.Channel == CaseChannel.Online, ct))
        {
            throw new DomainRuleException("rating.already-rated", "该办件已在网上评价过，每个渠道只能评价一次。");
        }
        var rating = Rating.Rate(c, CaseChannel.Online, level, comment, clock.GetUtcNow().UtcDateTime, await calendars.ForRegionAsync(c.RegionCode));
        db.Ratings.Add(rating);
        await unit.SaveAsync(ct);
        return rating;
    }
}
