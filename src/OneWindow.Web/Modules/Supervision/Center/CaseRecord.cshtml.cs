using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Cases;

namespace OneWindow.Web.Modules.Supervision.Center;

/// <summary>
/// A case as supervision sees it: every event with its hash and the chain's verification, both clocks read now,
/// the nodes and their limits, and every alert raised on it. Any case of the center, read-only.
/// </summary>
public sealed class CaseRecordModel(OneWindowDbContext db, RegionCalendars calendars, TimeProvider clock, Infrastructure.RecordKeyStore recordKeys) : PageModel
{
    public CaseView View { get; private set; } = null!;
    public IReadOnlyList<SupervisionAlert> Alerts { get; private set; } = [];

    public async Task OnGetAsync(string number, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Number == number, ct) ?? throw new NotFoundException($"案件 {number} 不存在。");
        View = await CaseView.BuildAsync(db, calendars, recordKeys.Ring, c, clock.GetUtcNow().UtcDateTime, ct);
        Alerts = await SubjectAlerts.ListAsync(db, SubjectKind.Case, c.Id, ct);
    }
}
