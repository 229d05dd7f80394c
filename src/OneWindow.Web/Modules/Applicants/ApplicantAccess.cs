using OneWindow.Web.Modules.Accounts;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Applicants;

public sealed record MyCaseRow(Guid Id, string Number, bool HasNumber, string ItemName, CaseStatus Status, CaseChannel Channel, bool IsJoint, DateTime CreatedAt, DateTime? PromisedDueAt);

/// <summary>
/// The applicant's own cases page by page ("my cases"): those they applied for online, and those handed in at a
/// window under their real-name ID number and verified phone (the rule is <see cref="Cases.CaseOwnership"/>).
/// </summary>
public static class ApplicantAccess
{
    public const int PageSize = 20;

    /// <summary>
    /// One page of the applicant's cases, newest first, keyed by (CreatedAt, Id): the online ones from the
    /// (ApplicantUserId, CreatedAt, Id) index and the window ones from the (ApplicantIdNumber, CreatedAt) index, merged
    /// (the window ones only with a verified phone).
    /// </summary>
    public static async Task<(IReadOnlyList<MyCaseRow> Rows, string? Next)> PageAsync(OneWindowDbContext db, UserAccount user, string? after, CancellationToken ct)
    {
        var hasCursor = KeysetCursor.TryParse(after, out var createdAt, out var id);
        var online = db.Cases.AsNoTracking().Where(c => c.ApplicantUserId == user.Id && c.ParentCaseId == null);
        var window = db.Cases.AsNoTracking().Where(c => c.Applicant.IdentityNumber == user.IdentityNumber && c.Applicant.Phone == user.PhoneNumber
            && c.ApplicantUserId == null && c.ParentCaseId == null);
        if (hasCursor)
        {
            online = online.Where(c => c.CreatedAt <= createdAt && (c.CreatedAt < createdAt || c.Id.CompareTo(id) < 0));
            window = window.Where(c => c.CreatedAt <= createdAt && (c.CreatedAt < createdAt || c.Id.CompareTo(id) < 0));
        }
        var rows = new List<MyCaseRow>();
        foreach (var query in ApplicantAccounts.HasWindowCases(user) ? new[] { online, window } : [online])
        {
            rows.AddRange(await query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(PageSize + 1)
                .Select(c => new MyCaseRow(c.Id, c.Number, !c.Number.StartsWith(Case.DraftNumberPrefix), c.ItemName, c.Status, c.Channel, c.IsJoint, c.CreatedAt, c.Clocks.PromisedDueAt))
                .ToListAsync(ct));
        }
        var page = rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(PageSize + 1).ToList();
        string? next = null;
        if (page.Count > PageSize)
        {
            page.RemoveAt(PageSize);
            next = KeysetCursor.Format(page[^1].CreatedAt, page[^1].Id);
        }
        return (page, next);
    }
}
