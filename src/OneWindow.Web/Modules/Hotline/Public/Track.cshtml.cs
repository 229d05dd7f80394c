using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Domain;
using OneWindow.Domain.Hotline;

namespace OneWindow.Web.Modules.Hotline.Public;

/// <summary>工单查询 and 网上评价: by the order number and the phone's last four digits; no personal data is shown.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.RateLimits.Public)]
public sealed class TrackModel(TrackWorkOrder track, RateWorkOrderOnline rate, WithdrawConsentOnline withdraw) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Number { get; set; }
    [BindProperty] public string? PhoneTail { get; set; }
    [BindProperty] public bool Resolved { get; set; } = true;
    [BindProperty] public Satisfaction Satisfaction { get; set; } = Satisfaction.Satisfied;
    [BindProperty] public string? Comment { get; set; }

    public TrackedWorkOrder? Order { get; private set; }
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await FindAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRateAsync(CancellationToken ct)
    {
        return await ActAsync(() => rate.RunAsync(Number, PhoneTail, Resolved, Satisfaction, Comment, ct), ct);
    }

    /// <summary>撤回公开同意: a typical order written of the order leaves the public page at once (ADR 0037).</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct)
    {
        return await ActAsync(async () =>
        {
            await withdraw.RunAsync(Number, PhoneTail, ct);
            Withdrawn = true;
        }, ct);
    }

    /// <summary>The caller's action on the order: a refusal is shown on the page; done, the order is shown as it stands now.</summary>
    private async Task<IActionResult> ActAsync(Func<Task> action, CancellationToken ct)
    {
        try
        {
            await action();
        }
        catch (DomainRuleException e)
        {
            Error = e.Message;
        }
        catch (Infrastructure.NotFoundException e)
        {
            Error = e.Message;
        }
        if (Error is null)
        {
            await FindAsync(ct);
        }
        return Page();
    }

    public bool Withdrawn { get; private set; }

    private async Task FindAsync(CancellationToken ct)
    {
        var (order, locked) = await track.RunAsync(Number, PhoneTail, ct);
        Order = order;
        Error = locked > TimeSpan.Zero ? TrackWorkOrder.LockedMessage(locked) : order is null ? Infrastructure.Text.Translate("没有找到该工单，请核对工单编号和手机号后四位。") : null;
        Response.Headers.CacheControl = "no-store";
    }
}
