using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Cases;

namespace OneWindow.Web.Modules.Supervision;

/// <summary>A case's supervision alerts, on its workbench page.</summary>
public sealed class AlertsOnCasePage(OneWindowDbContext db) : ICaseSection
{
    public async Task<CaseSection?> ForAsync(CaseOnPage shown, CancellationToken ct) =>
        shown.Page == CasePage.Workbench && await SubjectAlerts.ListAsync(db, SubjectKind.Case, shown.CaseId, ct) is { Count: > 0 } alerts
            ? new CaseSection("/Modules/Supervision/Workbench/_CaseAlerts.cshtml", alerts)
            : null;
}
