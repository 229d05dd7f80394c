using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Domain;
using OneWindow.Domain.Cases;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Ratings.Public;

/// <summary>
/// 网上评价: the public rates a concluded case they can track (its number and the last four characters of the
/// applicant's phone or ID). Offered on the tracking page; a refused rating comes back here with its reason.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.RateLimits.Public)]
public sealed class OnlineModel(RateCase rate) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Number { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tail { get; set; }
    [BindProperty] public RatingLevel? Level { get; set; }
    [BindProperty] public string? Comment { get; set; }
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var rating = await rate.RateOnlineAsync(Number ?? "", Tail ?? "", Level ?? 0, Comment, ct);
            TempData["Flash"] = rating.IsBad
                ? Text.Translate("感谢评价。您的意见已转交办理部门，将在五个工作日内回访并整改。")
                : Text.Translate("感谢您的评价！");
            return Redirect($"/track?number={Uri.EscapeDataString(Number ?? "")}&tail={Uri.EscapeDataString(Tail ?? "")}");
        }
        catch (DomainRuleException e)
        {
            Error = e.Message;
            return Page();
        }
    }
}
