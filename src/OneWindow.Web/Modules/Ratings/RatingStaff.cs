using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using OneWindow.Domain;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Accounts;
using OneWindow.Web.Modules.Cases;

namespace OneWindow.Web.Modules.Ratings;

/// <summary>
/// Who sees and acts on ratings: a department's staff see their department's ratings, call the applicant back and
/// rectify a bad one or appeal it as malicious; supervisors see every rating and review the appeals. The one scope
/// rule of the ratings page and <c>/api/v1/ratings</c>.
/// </summary>
public sealed record RatingStaff(CaseStaff Staff)
{
    public bool IsSupervisor => Staff.Roles.Contains(StaffRoles.Supervisor);

    public Actor Actor => new(Staff.User.Id, Staff.User.DisplayName, IsSupervisor ? StaffRoles.Supervisor : Staff.Roles.FirstOrDefault() ?? "");

    /// <summary>Whether the rating is of this person's own department (whose staff answer for it).</summary>
    public bool OfDepartment(Rating r) => Staff.User.DepartmentId is { } own && r.DepartmentId == own;

    public bool MaySee(Rating r) => IsSupervisor || OfDepartment(r);

    /// <summary>The rating, if this person may see it; 403 otherwise (the page's answer too).</summary>
    public Rating EnsureMaySee(Rating r) => MaySee(r) ? r : throw new ForbiddenException("rating.out-of-scope", "该评价不属于您所在的部门。");

    /// <summary><see cref="MaySee"/> as a query, for lists.</summary>
    public IQueryable<Rating> Visible(IQueryable<Rating> ratings) =>
        IsSupervisor ? ratings : Staff.User.DepartmentId is { } own ? ratings.Where(r => r.DepartmentId == own) : ratings.Where(r => false);

    /// <summary>What this person may do with the rating now.</summary>
    public IReadOnlyList<string> ActionsOn(Rating r)
    {
        var actions = new List<string>();
        if (OfDepartment(r) && r.Rectification is RectificationStatus.Open or RectificationStatus.AppealPending)
        {
            actions.Add(RatingActions.Rectify);
        }
        if (OfDepartment(r) && r.Rectification == RectificationStatus.Open)
        {
            actions.Add(RatingActions.Appeal);
        }
        if (IsSupervisor && r.Rectification == RectificationStatus.AppealPending)
        {
            actions.Add(RatingActions.Review);
        }
        return actions;
    }

    public static async Task<RatingStaff> LoadAsync(ClaimsPrincipal principal, UserManager<UserAccount> users, OneWindowDbContext db) =>
        new(await CaseStaff.LoadAsync(principal, users, db));
}

/// <summary>The names of the actions on a rating, as the API routes them and lists them in <c>availableActions</c>.</summary>
public static class RatingActions
{
    public const string Rectify = "rectify";
    public const string Appeal = "appeal";
    public const string Review = "review";
}
