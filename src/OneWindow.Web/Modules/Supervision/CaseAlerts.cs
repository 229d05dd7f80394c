using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Supervision;

/// <summary>A case's alerts in the order they were raised (the (CaseId, RaisedAt) index), for its pages.</summary>
public static class CaseAlerts
{
    /// <summary>A bound far above what one case collects (one per rule and node).</summary>
    public const int Max = 200;

    public static async Task<IReadOnlyList<SupervisionAlert>> ListAsync(OneWindowDbContext db, Guid caseId, CancellationToken ct) =>
        await db.SupervisionAlerts.AsNoTracking().Where(a => a.CaseId == caseId).OrderBy(a => a.RaisedAt).ThenBy(a => a.Id).Take(Max).ToListAsync(ct);
}
