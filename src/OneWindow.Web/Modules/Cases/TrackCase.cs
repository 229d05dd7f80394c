using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Calendar;

namespace OneWindow.Web.Modules.Cases;

public sealed record TrackedStep(DateTime At, string Action, string? Node);

/// <summary>What the public sees of a case: no staff names, no opinions, no full identity numbers.</summary>
public sealed record TrackedCase(string Number, string ItemName, string DepartmentName, CaseStatus Status, string? CurrentNode,
    IReadOnlyList<string> MissingMaterials, DateOnly? PromisedDueDate, bool ClockStopped, DecisionOutcome? Decision, string? ResultNumber,
    DeliveryMethod? DeliveryMethod, string? DeliveryReference, IReadOnlyList<TrackedStep> Steps, IReadOnlyList<Cases.JointPartView> Parts,
    bool DueDateProvisional, Guid CaseId);

/// <summary>
/// 办件查询: anyone with the case number and the last four characters of the applicant's phone or ID number sees
/// the case's progress. A wrong pair gets the same answer as an unknown number, so numbers cannot be probed.
/// </summary>
public static class TrackCase
{
    public static async Task<TrackedCase?> RunAsync(OneWindowDbContext db, RegionCalendars calendars, string? number, string? tail, DateTime now, CancellationToken ct)
    {
        var key = tail?.Trim().ToUpperInvariant() ?? "";
        if (string.IsNullOrWhiteSpace(number) || key.Length != 4 || number.Length > 40)
        {
            return null;
        }
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Number == number.Trim(), ct);
        if (c is null || c.Status == CaseStatus.Draft || !(c.Applicant.Phone.EndsWith(key, StringComparison.Ordinal) || c.Applicant.IdentityNumber.EndsWith(key, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
        var calendar = await calendars.ForRegionAsync(c.RegionCode);
        var promised = c.ReadPromised(now, calendar);
        var departments = await Cases.CaseDepartments.NamesAsync(db, c, ct);
        var department = departments.GetValueOrDefault(c.DepartmentId) ?? "";
        var steps = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == c.Id).OrderBy(e => e.Sequence)
            .Select(e => new TrackedStep(e.At, e.Action, e.Node)).ToListAsync(ct);
        return new TrackedCase(c.Number, c.ItemName, department, c.Status, c.CurrentNode?.Name, c.MissingMaterials, promised.DueDate, promised.IsStopped,
            c.Decision.Outcome, c.Status is CaseStatus.ResultIssued or CaseStatus.Concluded ? c.Decision.ResultNumber : null, c.Delivery.Method, c.Delivery.Reference, steps,
            Cases.CaseDepartments.Parts(c, departments), c.HasProvisionalDueDates(calendar), c.Id);
    }
}
