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
/// Which cases are an applicant's own: those they applied for online, and those handed in at a window under their
/// real-name ID number and their phone number — both must match, and the phone must be verified by a code sent to it
/// (ADR 0015): an ID number and a phone are written on paper forms, only the phone's holder receives its codes. An
/// account whose phone is not verified (made before codes, or whose phone changed) sees its online cases only
/// until it verifies the phone at /my/phone. Never a part of a joint case on its own — the joint case shows its parts.
/// </summary>
public static class ApplicantAccess
{
    public const int PageSize = 20;

    public static bool MaySee(UserAccount user, Case c) =>
        c.IsOwnedBy(user.Id)
        || (c.ApplicantUserId is null && HasWindowCases(user) && c.ApplicantIdNumber == user.IdentityNumber && c.ApplicantPhone == user.PhoneNumber);

    /// <summary>Whether the window cases under the account's ID number and phone are the account's: only with a verified phone.</summary>
    public static bool HasWindowCases(UserAccount user) => user.PhoneNumberConfirmed && user.IdentityNumber is not null && user.PhoneNumber is not null;

    public static async Task<UserAccount> LoadAsync(ClaimsPrincipal principal, UserManager<UserAccount> users)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null || user.IdentityNumber is null || !await users.IsInRoleAsync(user, ApplicantRoles.Applicant))
        {
            throw new ForbiddenException("auth.applicant-required", "请以办事群众账户登录。");
        }
        return user;
    }

    public static Actor ActorOf(UserAccount user) => new(user.Id, user.DisplayName, ApplicantRoles.Applicant);

    /// <summary>
    /// One page of the applicant's cases, newest first, keyed by (CreatedAt, Id): the online ones from the
    /// (ApplicantUserId, CreatedAt, Id) index and the window ones from the (ApplicantIdNumber, CreatedAt) index, merged
    /// (the window ones only with a verified phone).
    /// </summary>
    public static async Task<(IReadOnlyList<MyCaseRow> Rows, string? Next)> PageAsync(OneWindowDbContext db, UserAccount user, string? after, CancellationToken ct)
    {
        var hasCursor = KeysetCursor.TryParse(after, out var createdAt, out var id);
        var online = db.Cases.AsNoTracking().Where(c => c.ApplicantUserId == user.Id && c.ParentCaseId == null);
        var window = db.Cases.AsNoTracking().Where(c => c.ApplicantIdNumber == user.IdentityNumber && c.ApplicantPhone == user.PhoneNumber
            && c.ApplicantUserId == null && c.ParentCaseId == null);
        if (hasCursor)
        {
            online = online.Where(c => c.CreatedAt <= createdAt && (c.CreatedAt < createdAt || c.Id.CompareTo(id) < 0));
            window = window.Where(c => c.CreatedAt <= createdAt && (c.CreatedAt < createdAt || c.Id.CompareTo(id) < 0));
        }
        var rows = new List<MyCaseRow>();
        foreach (var query in HasWindowCases(user) ? new[] { online, window } : [online])
        {
            rows.AddRange(await query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(PageSize + 1)
                .Select(c => new MyCaseRow(c.Id, c.Number, !c.Number.StartsWith(Case.DraftNumberPrefix), c.ItemName, c.Status, c.Channel, c.IsJoint, c.CreatedAt, c.PromisedDueAt))
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
