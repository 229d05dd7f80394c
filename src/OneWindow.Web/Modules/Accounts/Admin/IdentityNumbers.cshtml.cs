using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Domain;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Audit;

namespace OneWindow.Web.Modules.Accounts.Admin;

/// <summary>
/// 身份证号码核查: the accounts that name an ID number, and detaching it from one with no right to it (the person shows
/// their ID card at the window). The ID number is posted, never put in a URL; both steps are audited.
/// </summary>
public sealed class IdentityNumbersModel(IdentityNumberHolders holders) : PageModel
{
    [BindProperty] public string? IdentityNumber { get; set; }
    [BindProperty] public string? UserId { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public IReadOnlyList<IdentityNumberHolder>? Holders { get; private set; }
    public Dictionary<string, string> FieldErrors { get; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostFindAsync(CancellationToken ct)
    {
        PersonalData.NoStore(Response); // the page carries the ID number typed, in its forms
        await FindAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDetachAsync(CancellationToken ct)
    {
        PersonalData.NoStore(Response);
        try
        {
            await holders.DetachAsync(User, UserId ?? "", IdentityNumber, Reason, ct);
        }
        catch (DomainRuleException e)
        {
            FieldErrors[e.Field ?? "reason"] = Text.Translate(e.Message);
            await FindAsync(ct);
            return Page();
        }
        catch (NotFoundException e)
        {
            FieldErrors["identityNumber"] = Text.Translate(e.Message);
            return Page();
        }
        TempData["Flash"] = Text.Translate("已解除该账户登记的身份证号码，并已短信告知该账户的手机。");
        return Redirect("/admin/accounts/identity-numbers");
    }

    private async Task FindAsync(CancellationToken ct)
    {
        try
        {
            Holders = await holders.FindAsync(User, IdentityNumber, ct);
        }
        catch (DomainRuleException e)
        {
            FieldErrors["identityNumber"] = Text.Translate(e.Message);
        }
    }

    /// <summary>The ID number as the page shows it back: masked.</summary>
    public string MaskedNumber => IdentityNumber is { Length: > 0 } n ? Domain.Identifiers.ResidentIdNumber.Mask(n.Trim().ToUpperInvariant()) : "";
}
