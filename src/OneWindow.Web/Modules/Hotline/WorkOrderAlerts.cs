using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Supervision;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>Supervision's alerts about work orders as the hotline's pages show them (ADR 0028).</summary>
public static class WorkOrderAlerts
{
    /// <summary>The most an inbox shows: the newest open ones; the workbench's alert list has them all.</summary>
    public const int InboxMax = 20;

    /// <summary>A unit's alerts about work orders not yet closed, newest first, on the (DepartmentId, Status, RaisedAt, Id) index.</summary>
    public static async Task<IReadOnlyList<AlertRow>> OpenForUnitAsync(OneWindowDbContext db, Guid unitId, CancellationToken ct) =>
        await AlertRow.From(db.SupervisionAlerts.AsNoTracking()
                .Where(a => a.DepartmentId == unitId && a.Status != AlertStatus.Closed && a.SubjectKind == SubjectKind.WorkOrder)
                .OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id).Take(InboxMax))
            .ToListAsync(ct);
}
