using OneWindow.Web.Modules.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Applicants;

namespace OneWindow.Web.Modules.Applicants.My;

/// <summary>网上申报: the form for an item or a package, saved as a draft or submitted at once.</summary>
public sealed class ApplyModel(ApplyOnline apply, UserManager<UserAccount> users) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Item { get; set; }
    [BindProperty] public OnlineForm Form { get; set; } = new();
    [BindProperty] public string? Intent { get; set; }

    public string ItemName { get; private set; } = "";
    public bool IsJoint { get; private set; }
    public IReadOnlyList<FormMaterial> Materials { get; private set; } = [];
    public IReadOnlyList<OneWindow.Domain.Cases.DeliveryMethod> DeliveryOffered { get; private set; } = [];
    public string Owner { get; private set; } = "";
    public string? Error { get; private set; }
    /// <summary>The application form's fields (一表通), and what was wrong in the answers posted.</summary>
    public IReadOnlyList<OneWindow.Domain.Catalog.FormField> Fields { get; private set; } = [];
    public Dictionary<string, string> FieldErrors { get; } = [];
    public OneWindow.Web.Modules.Catalog.ApplicationFormView Application => new(Fields, Form.Answers, FieldErrors, "Form.Answers");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        Form.Phone = (await users.GetUserAsync(User))?.PhoneNumber ?? "";
        Form.Delivery = DeliveryOffered[0];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        OneWindow.Domain.Cases.Case c;
        try
        {
            var started = await apply.StartAsync(User, Item!, await Form.ToApplicationAsync(Request.Form.Files, [.. Materials.Select(m => m.Name)], ct), ct);
            c = started.Case;
            if (started.Refused.Count > 0)
            {
                // The draft keeps everything else; its page says which files were not kept, and that nothing was submitted.
                TempData["Error"] = RefusedFile.Summary(started.Refused) + (Intent == "submit" ? Infrastructure.Text.Translate("申请尚未提交。") : "");
                return Redirect("/my/cases/" + c.Id);
            }
        }
        catch (DomainRuleException e)
        {
            Error = e.Message;
            foreach (var (field, message) in e.Errors ?? new Dictionary<string, string>())
            {
                FieldErrors[field] = message;
            }
            return Page();
        }
        if (Intent == "submit")
        {
            try
            {
                c = (await apply.SubmitAsync(User, c.Id, c.Revision, new OnlineApplication(Form.ApplicantKind, Form.EnterpriseName, Form.CreditCode, Form.Phone, []), ct)).Case;
                TempData["Flash"] = Infrastructure.Text.Formatted("已提交，办件编号 {0}。政务服务中心将在 1 个工作日内预审。", c.Number);
            }
            catch (DomainRuleException e)
            {
                TempData["Error"] = e.Message;
            }
        }
        else
        {
            TempData["Flash"] = Infrastructure.Text.Translate("草稿已保存。");
        }
        return Redirect("/my/cases/" + c.Id);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Item) || Item.Length > 40)
        {
            return false;
        }
        try
        {
            (ItemName, IsJoint, Materials, DeliveryOffered, Fields) = await apply.FormForAsync(Item.Trim(), ct);
        }
        catch (DomainRuleException)
        {
            return false;
        }
        Owner = (await users.GetUserAsync(User))?.DisplayName ?? "";
        return true;
    }
}
