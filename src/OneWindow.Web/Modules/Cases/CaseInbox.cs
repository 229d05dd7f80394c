using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Cases;

public sealed record InboxRow(string Number, string ItemName, string ApplicantName, CaseStatus Status, string? AssigneeName, DateTime? PromisedDueAt, DateTime? StatutoryDueAt, DateTime InboxDueAt, Guid Id);

/// <summary>
/// A member of staff's open cases, the soonest deadline first, paged by key (InboxDueAt, Id) on the partial indexes
/// (DepartmentId | ReceivingVenueId | AssigneeId, InboxDueAt, Id) WHERE "Open".
/// </summary>
public static class CaseInbox
{
    public const int PageSize = 30;

    /// <param name="mine">Only the cases in this person's own hands (claimed or handed over to them).</param>
    /// <summary>
    /// The cases after a cursor in (InboxDueAt, Id) order, written so that each database seeks its index to it: a row
    /// comparison on PostgreSQL (one index condition, where the two-branch form makes it combine bitmaps and sort the
    /// whole filtered set — 4 ms against 0.25 ms at a million cases), the range-led form on SQLite.
    /// </summary>
    public static IQueryable<Case> After(OneWindowDbContext db, IQueryable<Case> cases, DateTime dueAt, Guid id) =>
        db.Database.IsNpgsql()
            ? cases.Where(c => EF.Functions.GreaterThan(ValueTuple.Create(c.InboxDueAt, c.Id), ValueTuple.Create(dueAt, id)))
            : cases.Where(c => c.InboxDueAt >= dueAt && (c.InboxDueAt > dueAt || c.Id.CompareTo(id) > 0));

    public static async Task<(IReadOnlyList<InboxRow> Rows, string? Next)> PageAsync(OneWindowDbContext db, CaseStaff staff, string? after, bool mine, CancellationToken ct)
    {
        var cases = db.Cases.AsNoTracking().Where(c => c.Open);
        var userId = staff.User.Id;
        cases = mine
            ? cases.Where(c => c.AssigneeId == userId)
            : staff.User.DepartmentId is { } department
                ? cases.Where(c => c.DepartmentId == department)
                : cases.Where(c => c.ReceivingVenueId == staff.User.VenueId);
        if (KeysetCursor.TryParse(after, out var dueAt, out var id))
        {
            cases = After(db, cases, dueAt, id);
        }
        return await KeysetPage.TakeAsync(cases.OrderBy(c => c.InboxDueAt).ThenBy(c => c.Id)
            .Select(c => new InboxRow(c.Number, c.ItemName, c.Applicant.Name, c.Status, c.AssigneeName, c.Clocks.PromisedDueAt, c.Clocks.StatutoryDueAt, c.InboxDueAt, c.Id)),
            PageSize, r => (r.InboxDueAt, r.Id), ct);
    }
}
