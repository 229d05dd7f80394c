using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Ratings;

/// <summary>
/// Bad ratings in the reader's scope (<see cref="RatingStaff"/>), the soonest due first, paged by key
/// (RectificationDueAt, Id) on the (DepartmentId, Rectification, RectificationDueAt, Id) index. By one rectification
/// state, or by default what awaits the reader: for a department the ratings to call back and rectify and those under
/// appeal, for supervisors the appeals to review. The workbench page and <c>GET /api/v1/ratings</c> list through here.
/// </summary>
public static class RatingList
{
    public const int PageSize = 50;

    public static async Task<(IReadOnlyList<Rating> Rows, string? Next)> PageAsync(OneWindowDbContext db, RatingStaff staff, RectificationStatus? rectification,
        string? after, CancellationToken ct)
    {
        var ratings = staff.Visible(db.Ratings.AsNoTracking()).Where(r => r.Rectification != RectificationStatus.None);
        if (rectification is { } wanted)
        {
            ratings = ratings.Where(r => r.Rectification == wanted);
        }
        else
        {
            ratings = staff.IsSupervisor
                ? ratings.Where(r => r.Rectification == RectificationStatus.AppealPending)
                : ratings.Where(r => r.Rectification == RectificationStatus.Open || r.Rectification == RectificationStatus.AppealPending);
        }
        if (KeysetCursor.TryParse(after, out var at, out var id))
        {
            ratings = ratings.Where(r => r.RectificationDueAt >= at && (r.RectificationDueAt > at || r.Id.CompareTo(id) > 0));
        }
        // A bad rating always has its rectification date.
        return await KeysetPage.TakeAsync(ratings.OrderBy(r => r.RectificationDueAt).ThenBy(r => r.Id), PageSize, r => (r.RectificationDueAt!.Value, r.Id), ct);
    }
}
