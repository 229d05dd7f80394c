using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using OneWindow.Domain;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Hotline.Public;

/// <summary>"我要反映": anyone registers an order on the web, named or anonymous, and gets its number (by SMS too, with a phone).</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.RateLimits.Public)]
public sealed class NewModel(RegisterWorkOrder register, OneWindowDbContext db) : PageModel
{
    [BindProperty] public WorkOrderType Type { get; set; } = WorkOrderType.Complaint;
    [BindProperty] public string? CategoryCode { get; set; }
    [BindProperty] public string? Details { get; set; }
    [BindProperty] public string? RegionCode { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? CallerName { get; set; }
    [BindProperty] public string? CallerPhone { get; set; }
    [BindProperty] public bool Anonymous { get; set; }
    [BindProperty] public bool Confidential { get; set; }
    /// <summary>同意公开: the caller's own consent to publication as a typical order once concluded, without personal data (ADR 0037).</summary>
    [BindProperty] public bool PublicationConsent { get; set; }

    public List<SelectListItem> Categories { get; private set; } = [];
    public List<SelectListItem> Regions { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Number { get; private set; }
    public bool Trackable { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Categories = await HotlinePickLists.CategoriesAsync(db, CategoryCode, ct);
        Regions = await HotlinePickLists.RegionsAsync(db, RegionCode, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var order = await register.FromPublicAsync(new WorkOrderForm(WorkOrderChannel.Web, Type, CategoryCode, Details, RegionCode, Address, null, null,
                CallerName, CallerPhone, Anonymous, Confidential, PublicationConsent: PublicationConsent ? true : null), ct, await WorkOrderFiles.FromFormAsync(Request.HasFormContentType ? Request.Form.Files : null, "Files",
                WorkOrderFileKind.CallerFile, ct));
            Number = order.Number;
            Trackable = order.CallerPhoneTail is not null;
        }
        catch (DomainRuleException e)
        {
            // Nothing was registered; a browser cannot keep the chosen files, so the sender is asked to choose them again.
            Error = Request.HasFormContentType && Request.Form.Files.Count > 0 ? Infrastructure.Text.Formatted("{0} 未提交；请重新选择附件。", e.Message) : e.Message;
        }
        await OnGetAsync(ct);
        return Page();
    }
}
