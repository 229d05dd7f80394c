using OneWindow.Web.Modules.Audit;
using OneWindow.Web.Modules.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Ratings.Workbench;

/// <summary>
/// 差评整改: a department's bad ratings to call back and rectify (or appeal), soonest due first; supervisors see
/// the appeals awaiting their review.
/// </summary>
public sealed class IndexModel(OneWindowDbContext db, UserManager<UserAccount> users, TimeProvider clock) : PageModel
{
    [BindProperty] public Guid RatingId { get; set; }
    [BindProperty] public int Revision { get; set; }
    [BindProperty] public string? CallbackNote { get; set; }
    [BindProperty] public string? RectificationNote { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public bool Upheld { get; set; }

    public IReadOnlyList<Rating> Ratings { get; private set; } = [];
    public bool IsSupervisor { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string action, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        var roles = user is null ? [] : await users.GetRolesAsync(user);
        var rating = await db.Ratings.FirstOrDefaultAsync(r => r.Id == RatingId, ct) ?? throw new NotFoundException("评价不存在。");
        var supervisor = roles.Contains(StaffRoles.Supervisor);
        if (!supervisor && rating.DepartmentId != user?.DepartmentId)
        {
            return Forbid();
        }
        try
        {
            if (rating.Revision != Revision)
            {
                throw new DbUpdateConcurrencyException("The rating changed.");
            }
            var now = clock.GetUtcNow().UtcDateTime;
            var actor = new Actor(user!.Id, user.DisplayName, supervisor ? StaffRoles.Supervisor : roles.FirstOrDefault() ?? "");
            switch (action)
            {
                case "rectify": rating.Rectify(CallbackNote ?? "", RectificationNote ?? "", actor, now); break;
                case "appeal": rating.Appeal(Reason ?? "", actor, now); break;
                case "review": rating.ReviewAppeal(Upheld, Reason ?? "", actor, now); break;
                default: return BadRequest();
            }
            db.Audit(now, User.ActorName(), "Rating", rating.CaseNumber, action, new { rating.Rectification });
            await db.SaveChangesAsync(ct);
            TempData["Flash"] = Text.Translate("已保存。");
            return Redirect("/workbench/ratings");
        }
        catch (DomainRuleException e)
        {
            Error = e.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            Error = Text.Translate("该评价刚刚被他人处理，请核对后再操作。");
        }
        return await LoadAsync(ct);
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        IsSupervisor = await users.IsInRoleAsync(user, StaffRoles.Supervisor);
        var query = db.Ratings.AsNoTracking();
        query = IsSupervisor
            ? query.Where(r => r.Rectification == RectificationStatus.AppealPending)
            : query.Where(r => r.DepartmentId == user.DepartmentId && (r.Rectification == RectificationStatus.Open || r.Rectification == RectificationStatus.AppealPending));
        Ratings = await query.OrderBy(r => r.RectificationDueAt).ThenBy(r => r.Id).Take(100).ToListAsync(ct);
        return Page();
    }
}
