using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Supervision;

/// <summary>An alert in a list: the subject it is about by its kind, number and title (for a case, its number and item).</summary>
public sealed record AlertRow(Guid Id, SupervisionRule Rule, AlertSeverity Severity, AlertStatus Status, EscalationLevel Level, SubjectKind? SubjectKind,
    string? SubjectNumber, string? SubjectTitle, Guid DepartmentId, string? HandlerName, string Detail, DateTime TriggeredAt, DateTime RaisedAt)
{
    public string? CaseNumber => SubjectKind == Domain.Supervision.SubjectKind.Case ? SubjectNumber : null;

    public string? ItemName => SubjectKind == Domain.Supervision.SubjectKind.Case ? SubjectTitle : null;

    /// <summary>The alerts of a query as list rows.</summary>
    public static IQueryable<AlertRow> From(IQueryable<SupervisionAlert> alerts) =>
        alerts.Select(a => new AlertRow(a.Id, a.Rule, a.Severity, a.Status, a.Level, a.SubjectKind, a.SubjectNumber, a.SubjectTitle, a.DepartmentId, a.HandlerName,
            a.Detail, a.TriggeredAt, a.RaisedAt));
}

/// <summary>
/// Alerts newest first, paged by key (RaisedAt, Id) descending: those the viewer may see (a department's or a venue's
/// for its staff, all for supervisors and leaders: <see cref="SupervisionViewer.Visible(IQueryable{SupervisionAlert})"/>);
/// by one status (an equality, so the (DepartmentId, Status, RaisedAt, Id) and (Status, RaisedAt, Id) indexes serve
/// the order) and optionally one severity; for those who see all, optionally one department. The workbench page and
/// <c>GET /api/v1/supervision/alerts</c> list through here.
/// </summary>
public static class AlertList
{
    public const int PageSize = 30;

    public static async Task<(IReadOnlyList<AlertRow> Rows, string? Next)> PageAsync(OneWindowDbContext db, SupervisionViewer viewer,
        AlertStatus? status, AlertSeverity? severity, Guid? department, string? after, CancellationToken ct)
    {
        var alerts = viewer.Visible(db.SupervisionAlerts.AsNoTracking());
        if (viewer.SeesAll && department is { } d)
        {
            alerts = alerts.Where(a => a.DepartmentId == d);
        }
        if (status is { } s)
        {
            alerts = alerts.Where(a => a.Status == s);
        }
        if (severity is { } v)
        {
            alerts = alerts.Where(a => a.Severity == v);
        }
        if (KeysetCursor.TryParse(after, out var at, out var id))
        {
            alerts = alerts.Where(a => a.RaisedAt <= at && (a.RaisedAt < at || a.Id.CompareTo(id) < 0));
        }
        return await KeysetPage.TakeAsync(AlertRow.From(alerts.OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id)),
            PageSize, r => (r.RaisedAt, r.Id), ct);
    }
}
