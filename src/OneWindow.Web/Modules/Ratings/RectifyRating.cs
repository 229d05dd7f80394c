using System.Security.Claims;
using OneWindow.Domain.Cases;

namespace OneWindow.Web.Modules.Ratings;

/// <summary>回访并整改: the rated department records its call to the applicant and what it changed; the bad rating is rectified.</summary>
public sealed class RectifyRating(ActOnRating act)
{
    public Task<Rating> RunAsync(ClaimsPrincipal principal, Guid id, int revision, string? callbackNote, string? rectificationNote, CancellationToken ct) =>
        act.RunAsync(principal, id, revision, RatingActions.Rectify, (rating, staff, now) =>
        {
            ActOnRating.EnsureOfDepartment(rating, staff);
            rating.Rectify(callbackNote ?? "", rectificationNote ?? "", staff.Actor, now);
        }, ct);
}
