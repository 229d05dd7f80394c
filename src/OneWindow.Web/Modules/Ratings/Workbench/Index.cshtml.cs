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
public sealed class IndexModel(OneWindowDbContext db, UserManager<UserAccount> users, RectifyRating rectify, AppealRating appeal, ReviewRatingAppeal review) : PageModel
{
    [BindProperty] public Guid RatingId { get; set; }
    [BindProperty] public int Revision { get; set; }
    [BindProperty] public string? CallbackNote { get; set; }
    [BindProperty] public string? RectificationNote { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public bool Upheld { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public IReadOnlyList<Rating> Ratings { get; private set; } = [];
    public string? Next { get; private set; }
    public RatingStaff Staff { get; private set; } = null!;
    public bool IsSupervisor => Staff.IsSupervisor;
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string action, CancellationToken ct)
    {
        try
        {
            switch (action)
            {
                case RatingActions.Rectify: await rectify.RunAsync(User, RatingId, Revision, CallbackNote, RectificationNote, ct); break;
                case RatingActions.Appeal: await appeal.RunAsync(User, RatingId, Revision, Reason, ct); break;
                case RatingActions.Review: await review.RunAsync(User, RatingId, Revision, Upheld, Reason, ct); break;
                default: return BadRequest();
            }
            TempData["Flash"] = Text.Translate("已保存。");
            return Redirect("/workbench/ratings");
        }
        catch (ForbiddenException)
        {
            return Forbid();
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
        if (users.GetUserId(User) is null)
        {
            return Challenge();
        }
        Staff = await RatingStaff.LoadAsync(User, users, db);
        (Ratings, Next) = await RatingList.PageAsync(db, Staff, null, After, ct);
        return Page();
    }
}
