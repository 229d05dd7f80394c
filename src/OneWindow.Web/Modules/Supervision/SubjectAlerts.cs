using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Supervision;

/// <summary>A subject's alerts in the order they were raised (the (SubjectKind, SubjectId, RaisedAt) index), for its pages.</summary>
public static class SubjectAlerts
{
    /// <summary>A bound far above what one subject collects (one per rule and node).</summary>
    public const int Max = 200;

    public static async Task<IReadOnlyList<SupervisionAlert>> ListAsync(OneWindowDbContext db, SubjectKind kind, Guid id, CancellationToken ct) =>
        await db.SupervisionAlerts.AsNoTracking().Where(a => a.SubjectKind == kind && a.SubjectId == id)
            .OrderBy(a => a.RaisedAt).ThenBy(a => a.Id).Take(Max).ToListAsync(ct);
}
