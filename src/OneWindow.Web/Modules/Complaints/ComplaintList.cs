using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Complaints;

/// <summary>
/// 效能投诉 as the supervision center reads them (supervisors and leaders see every complaint): by one status or all,
/// newest first, paged by key (FiledAt, Id) descending on the (Status, FiledAt, Id) or (FiledAt, Id) index. The
/// center's pages and <c>GET /api/v1/complaints</c> read through here.
/// </summary>
public static class ComplaintList
{
    public const int PageSize = 30;

    public static async Task<(IReadOnlyList<EfficiencyComplaint> Rows, string? Next)> PageAsync(OneWindowDbContext db, ComplaintStatus? status, string? after, CancellationToken ct)
    {
        var complaints = db.EfficiencyComplaints.AsNoTracking();
        if (status is { } s)
        {
            complaints = complaints.Where(c => c.Status == s);
        }
        if (KeysetCursor.TryParse(after, out var at, out var id))
        {
            complaints = complaints.Where(c => c.FiledAt <= at && (c.FiledAt < at || c.Id.CompareTo(id) < 0));
        }
        return await KeysetPage.TakeAsync(complaints.OrderByDescending(c => c.FiledAt).ThenByDescending(c => c.Id), PageSize, c => (c.FiledAt, c.Id), ct);
    }

    public static async Task<EfficiencyComplaint> OneAsync(OneWindowDbContext db, Guid id, CancellationToken ct) =>
        await db.EfficiencyComplaints.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("投诉不存在。");
}
