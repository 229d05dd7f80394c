using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Catalog.Admin;

/// <summary>Lists combined items and edits one (new when no code is given).</summary>
public sealed class CombinedItemsModel(OneWindowDbContext db, ManageCombinedItems manage) : PageModel
{
    [BindProperty] public string Code { get; set; } = "";
    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Members { get; set; }
    [BindProperty] public Guid LeadDepartmentId { get; set; }
    [BindProperty] public int? PromisedLimitDays { get; set; }
    [BindProperty] public string? Themes { get; set; }
    [BindProperty] public bool DeliverPickup { get; set; } = true;
    [BindProperty] public bool DeliverMail { get; set; }
    [BindProperty] public bool DeliverElectronic { get; set; }
    [BindProperty] public int? Revision { get; set; }

    public IReadOnlyList<CombinedItem> Items { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Departments { get; private set; } = [];
    public CombinedItem? Editing { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(string? edit, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (edit is not null && await db.CombinedItems.AsNoTracking().FirstOrDefaultAsync(c => c.Code == edit, ct) is { } item)
        {
            Editing = item;
            Code = item.Code;
            Name = item.Name;
            Description = item.Description;
            Members = string.Join('\n', item.MemberCodes);
            LeadDepartmentId = item.LeadDepartmentId;
            PromisedLimitDays = item.PromisedLimitDays;
            Themes = string.Join('、', item.Themes);
            DeliverPickup = item.DeliveryMethods.HasFlag(DeliveryMethods.WindowPickup);
            DeliverMail = item.DeliveryMethods.HasFlag(DeliveryMethods.Mail);
            DeliverElectronic = item.DeliveryMethods.HasFlag(DeliveryMethods.Electronic);
            Revision = item.Revision;
            await LoadAsync(ct);
        }
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        try
        {
            var members = (Members ?? "").Split(['\n', ',', '，', '、', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var themes = (Themes ?? "").Split(['、', ',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var delivery = (DeliverPickup ? DeliveryMethods.WindowPickup : 0) | (DeliverMail ? DeliveryMethods.Mail : 0) | (DeliverElectronic ? DeliveryMethods.Electronic : 0);
            await manage.SaveAsync(Code, Revision, Name, Description ?? "", members, LeadDepartmentId, PromisedLimitDays, delivery, themes, User.ActorName(), ct);
            TempData["Flash"] = Text.Translate("已保存。");
            return Redirect("/admin/catalog/combined?edit=" + Uri.EscapeDataString(Code.Trim()));
        }
        catch (DomainRuleException e)
        {
            Error = e.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            Error = Text.Translate("该一件事已被他人修改，您的输入未保存，请刷新后重试。");
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(string code, CancellationToken ct) => await ActAsync(() => manage.PublishAsync(code, User.ActorName(), ct), "已发布。", code, ct);

    public async Task<IActionResult> OnPostWithdrawAsync(string code, CancellationToken ct) => await ActAsync(() => manage.WithdrawAsync(code, User.ActorName(), ct), "已停用。", code, ct);

    private async Task<IActionResult> ActAsync(Func<Task> action, string done, string code, CancellationToken ct)
    {
        try
        {
            await action();
            TempData["Flash"] = Text.Translate(done);
            return Redirect("/admin/catalog/combined?edit=" + Uri.EscapeDataString(code));
        }
        catch (DomainRuleException e)
        {
            Error = e.Message;
            await OnGetAsync(code, ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Items = await db.CombinedItems.AsNoTracking().OrderBy(c => c.Code).Take(500).ToListAsync(ct);
        Departments = await PickLists.DepartmentsAsync(db, LeadDepartmentId, null, ct);
    }
}
