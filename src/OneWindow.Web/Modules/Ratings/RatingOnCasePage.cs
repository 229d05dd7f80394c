using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Cases;

namespace OneWindow.Web.Modules.Ratings;

/// <summary>The online rating (好差评), offered on public tracking of a concluded case that has not been rated online.</summary>
public sealed class RatingOnCasePage(OneWindowDbContext db) : ICaseSection
{
    public sealed record Offer(string Number, string Tail);

    public async Task<CaseSection?> ForAsync(CaseOnPage shown, CancellationToken ct)
    {
        if (shown is not { Page: CasePage.PublicTracking, Status: CaseStatus.Concluded or CaseStatus.RejectedAtIntake, Tail: { } tail })
        {
            return null;
        }
        var id = shown.CaseId;
        return await db.Ratings.AnyAsync(r => r.CaseId == id && r.Channel == CaseChannel.Online, ct)
            ? null
            : new CaseSection("/Modules/Ratings/Public/_RateForm.cshtml", new Offer(shown.Number, tail));
    }
}
