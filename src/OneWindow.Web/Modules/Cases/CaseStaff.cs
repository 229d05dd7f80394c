using OneWindow.Web.Modules.Accounts;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using OneWindow.Domain;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Cases;

/// <summary>
/// The signed-in member of staff as the case sees them: the actor recorded in events, and the scope rule — a
/// department's staff act on their department's cases; a comprehensive window (no department) on the cases
/// received at its own venue.
/// </summary>
public sealed record CaseStaff(UserAccount User, IReadOnlyList<string> Roles)
{
    public static async Task<CaseStaff> LoadAsync(ClaimsPrincipal principal, UserManager<UserAccount> users, OneWindowDbContext db)
    {
        // Read untracked through a compiled query: the account is not changed here, and UserManager's tracked
        // lookup was a tenth of an intake's CPU in the profile (ADR 0012).
        var id = users.GetUserId(principal);
        return From(principal, users, id is null ? null : await IntakeQueries.UserById(db, id));
    }

    /// <summary>The member of staff from an account already read for this request (null: not signed in).</summary>
    public static CaseStaff From(ClaimsPrincipal principal, UserManager<UserAccount> users, UserAccount? user)
    {
        if (user is null)
        {
            throw new ForbiddenException("auth.required", "请先登录。");
        }
        // The roles the sign-in carries: the ones every authorization policy reads (refreshed with the security
        // stamp), without a second query per action.
        var roleClaim = users.Options.ClaimsIdentity.RoleClaimType;
        return new CaseStaff(user, [.. principal.FindAll(roleClaim).Select(c => c.Value).Distinct()]);
    }

    /// <summary>Whether the person works on cases (window clerk, reviewer, approver) rather than only watching them.</summary>
    public bool IsCaseWorker => StaffRoles.CaseRoles.Any(Roles.Contains);

    /// <summary>The actor for an action on a case, in the role the domain's rule lets this person take it in; 403 when none.</summary>
    public Actor ActorFor(Case c, string action) =>
        new(User.Id, User.DisplayName, c.RoleToActIn(action, Roles) ?? throw c.NotAllowed(action));

    /// <summary>The actor who registers an application at a window: only a window clerk takes one in.</summary>
    public Actor AsWindowClerk() => Roles.Contains(StaffRoles.WindowClerk)
        ? new Actor(User.Id, User.DisplayName, StaffRoles.WindowClerk)
        : throw new ActionNotAllowedException("case.role-not-allowed", "只有窗口人员可以收件。");

    /// <summary>Drafts are the applicant's alone; a submitted application is the center's to pre-review.</summary>
    public bool MaySee(Case c) =>
        c.Status != CaseStatus.Draft && (User.DepartmentId is { } department ? c.DepartmentId == department : c.ReceivingVenueId == User.VenueId);

    public void EnsureMaySee(Case c)
    {
        if (!MaySee(c))
        {
            throw new ForbiddenException("case.out-of-scope", "该案件不属于您所在的部门或场所。");
        }
    }
}
