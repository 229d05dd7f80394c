using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Supervision;

/// <summary>
/// 督办单 newest first, paged by key (IssuedAt, Id) descending on the (DepartmentId, IssuedAt, Id) or (IssuedAt, Id)
/// index: a department's for its staff, all for supervisors and leaders
/// (<see cref="SupervisionViewer.Visible(IQueryable{SupervisionNotice})"/>). The workbench page and
/// <c>GET /api/v1/supervision/notices</c> list through here.
/// </summary>
public static class NoticeList
{
    public const int PageSize = 30;

    public static async Task<(IReadOnlyList<SupervisionNotice> Rows, string? Next)> PageAsync(OneWindowDbContext db, SupervisionViewer viewer, string? after, CancellationToken ct)
    {
        var notices = viewer.Visible(db.SupervisionNotices.AsNoTracking());
        if (KeysetCursor.TryParse(after, out var at, out var id))
        {
            notices = notices.Where(n => n.IssuedAt <= at && (n.IssuedAt < at || n.Id.CompareTo(id) < 0));
        }
        return await KeysetPage.TakeAsync(notices.OrderByDescending(n => n.IssuedAt).ThenByDescending(n => n.Id), PageSize, n => (n.IssuedAt, n.Id), ct);
    }
}
