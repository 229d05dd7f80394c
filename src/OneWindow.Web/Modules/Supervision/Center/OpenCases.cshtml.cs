using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Cases;

namespace OneWindow.Web.Modules.Supervision.Center;

/// <summary>
/// The dashboard's drill-down: every open case of the center, or of one department, state or item, the soonest
/// deadline first, paged by key (InboxDueAt, Id) on the (Open, InboxDueAt, Id) or (DepartmentId, Open, InboxDueAt, Id) index.
/// </summary>
public sealed class OpenCasesModel(OneWindowDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public Guid? Department { get; set; }
    [BindProperty(SupportsGet = true)] public CaseStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Item { get; set; }
    /// <summary>The open cases a window took in.</summary>
    [BindProperty(SupportsGet = true)] public Guid? Window { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public IReadOnlyList<InboxRow> Rows { get; private set; } = [];
    public string? Next { get; private set; }
    public DateTime Now { get; private set; }
    public List<SelectListItem> Departments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        var cases = db.Cases.AsNoTracking().Where(c => c.Open);
        if (Department is { } department)
        {
            cases = cases.Where(c => c.DepartmentId == department);
        }
        if (Status is { } status)
        {
            cases = cases.Where(c => c.Status == status);
        }
        if (!string.IsNullOrWhiteSpace(Item))
        {
            var code = Item.Trim();
            cases = cases.Where(c => c.ItemCode == code);
        }
        if (Window is { } window)
        {
            cases = cases.Where(c => c.ReceivingWindowId == window);
        }
        if (Overdue)
        {
            var now = Now;
            cases = cases.Where(c => c.Status == CaseStatus.Accepted && c.Clocks.PromisedDueAt < now);
        }
        if (KeysetCursor.TryParse(After, out var dueAt, out var id))
        {
            cases = CaseInbox.After(db, cases, dueAt, id);
        }
        (Rows, Next) = await KeysetPage.TakeAsync(cases.OrderBy(c => c.InboxDueAt).ThenBy(c => c.Id)
            .Select(c => new InboxRow(c.Number, c.ItemName, c.Applicant.Name, c.Status, c.AssigneeName, c.Clocks.PromisedDueAt, c.Clocks.StatutoryDueAt, c.InboxDueAt, c.Id)),
            PageSize, r => (r.InboxDueAt, r.Id), ct);
        Departments = await PickLists.DepartmentsAsync(db, Department, "全部", ct);
    }

    public string PageLink(string next) =>
        $"/supervision/cases?department={Department}&status={Status}&item={Uri.EscapeDataString(Item ?? "")}&window={Window}&overdue={Overdue}&after={Uri.EscapeDataString(next)}";
}
