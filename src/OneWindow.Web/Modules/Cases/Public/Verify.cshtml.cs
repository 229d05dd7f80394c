using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OneWindow.Web.Modules.Cases.Public;

/// <summary>
/// 证照核验: the QR code on a decision or certificate opens this page with both numbers; anyone else types the result
/// number (and the case number when asked). See <see cref="VerifyResult"/>.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.RateLimits.Public)]
public sealed class VerifyModel(VerifyResult verify) : PageModel
{
    public VerifyOutcome? Outcome { get; private set; }
    public string? ResultNumber { get; private set; }
    public string? CaseNumber { get; private set; }

    public async Task OnGetAsync(string? number, string? result, CancellationToken ct)
    {
        (ResultNumber, CaseNumber) = (result?.Trim(), number?.Trim());
        if (!string.IsNullOrWhiteSpace(result))
        {
            Outcome = await verify.RunAsync(result, number, ct);
        }
    }
}
