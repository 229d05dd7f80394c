using System.Security.Claims;
using OneWindow.Domain.Cases;

namespace OneWindow.Web.Modules.Ratings;

/// <summary>恶意差评申诉: the rated department holds a bad rating malicious and says why; a supervisor reviews it.</summary>
public sealed class AppealRating(ActOnRating act)
{
    public Task<Rating> RunAsync(ClaimsPrincipal principal, Guid id, int revision, string? reason, CancellationToken ct) =>
        act.RunAsync(principal, id, revision, RatingActions.Appeal, (rating, staff, now) =>
        {
            ActOnRating.EnsureOfDepartment(rating, staff);
            rating.Appeal(reason ?? "", staff.Actor, now);
        }, ct);
}
