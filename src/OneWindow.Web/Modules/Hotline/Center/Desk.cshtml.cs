using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using OneWindow.Domain;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Hotline.Center;

/// <summary>
/// The operator's desk (坐席台): the caller's phone first (their earlier orders at once), then the order, and in the same
/// screen the first choice — dispatch to a unit (the category's default unit when none is chosen) or answer on the
/// spot. Keyboard-first: the phone field has the focus; Enter (the form's first button) looks the caller up keeping what was typed; Alt+S registers.
/// A call reported by the telephony fills the phone and shows the caller's earlier orders at once (desk.js, the live
/// stream); the knowledge box (Alt+K) searches entries and guides, arrows pick, Enter inserts the answer.
/// </summary>
public sealed class DeskModel(RegisterWorkOrder register, DispatchWorkOrder dispatch, AnswerWorkOrder answer, OneWindowDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public WorkOrderChannel Channel { get; set; } = WorkOrderChannel.Phone;
    [BindProperty] public WorkOrderType Type { get; set; } = WorkOrderType.Complaint;
    [BindProperty] public WorkOrderUrgency Urgency { get; set; } = WorkOrderUrgency.Normal;
    [BindProperty] public string? CategoryCode { get; set; }
    [BindProperty] public string? Details { get; set; }
    [BindProperty] public string? RegionCode { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? CallerName { get; set; }
    [BindProperty] public string? CallerPhone { get; set; }
    [BindProperty] public bool Anonymous { get; set; }
    [BindProperty] public bool Confidential { get; set; }
    [BindProperty] public string? RelatedCaseNumber { get; set; }
    /// <summary>The caller's answer to publication as a typical order, when asked (ADR 0037): null not asked.</summary>
    [BindProperty] public bool? PublicationConsent { get; set; }
    /// <summary>The first choice made with the registration: dispatch, answer, or none (decide later).</summary>
    [BindProperty] public string Choice { get; set; } = "dispatch";
    [BindProperty] public Guid? LeadUnitId { get; set; }
    [BindProperty] public string? Answer { get; set; }
    /// <summary>The reported call the order is registered from (set by the call panel when a call comes in).</summary>
    [BindProperty] public string? CallId { get; set; }
    /// <summary>The knowledge-base entry the answer was taken from (set when the operator inserts one).</summary>
    [BindProperty] public Guid? KnowledgeEntryId { get; set; }
    /// <summary>What the files are: a letter's or an e-mail's scan, or the caller's material (by the channel when not chosen).</summary>
    [BindProperty] public WorkOrderFileKind? FileKind { get; set; }

    public List<SelectListItem> Categories { get; private set; } = [];
    public List<SelectListItem> Regions { get; private set; } = [];
    public List<SelectListItem> Units { get; private set; } = [];
    public IReadOnlyList<WorkOrderRow>? History { get; private set; }
    public string? Error { get; private set; }
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>来电历史: the caller's earlier orders by the phone number, keeping what was typed.</summary>
    public async Task<IActionResult> OnPostHistoryAsync(CancellationToken ct)
    {
        History = await WorkOrderQueries.CallerHistoryAsync(db, CallerPhone, Now, ct);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        WorkOrder order;
        try
        {
            var kind = FileKind ?? (Channel is WorkOrderChannel.Letter or WorkOrderChannel.Email ? WorkOrderFileKind.LetterScan : WorkOrderFileKind.CallerFile);
            order = await register.ByOperatorAsync(User, new WorkOrderForm(Channel, Type, CategoryCode, Details, RegionCode, Address, null, null, CallerName, CallerPhone,
                Anonymous, Confidential, Urgency, RelatedCaseNumber, CallId, PublicationConsent), ct, await WorkOrderFiles.FromFormAsync(Request.Form.Files, "Files", kind, ct));
        }
        catch (DomainRuleException e)
        {
            Error = Request.Form.Files.Count > 0 ? Text.Formatted("{0} 工单未登记；请重新选择附件。", e.Message) : e.Message;
            History = await WorkOrderQueries.CallerHistoryAsync(db, CallerPhone, Now, ct);
            await LoadAsync(ct);
            return Page();
        }
        try
        {
            if (Choice == "dispatch")
            {
                var lead = LeadUnitId ?? (await db.Set<HotlineCategory>().FindAsync([order.CategoryCode], ct))?.DefaultUnitId;
                if (lead is null)
                {
                    throw new DomainRuleException("hotline.lead-required", Text.Translate("该分类没有默认承办单位，请在工单页选择主办单位。"), "leadUnitId");
                }
                order = await dispatch.RunAsync(User, order.Id, order.Revision, lead.Value, [], null, ct);
                TempData["Flash"] = Text.Formatted("工单 {0} 已登记并派单。", order.Number);
            }
            else if (Choice == "answer")
            {
                order = await answer.RunAsync(User, order.Id, order.Revision, Answer, ct, KnowledgeEntryId);
                TempData["Flash"] = Text.Formatted("工单 {0} 已直接办结。", order.Number);
            }
            else
            {
                TempData["Flash"] = Text.Formatted("工单 {0} 已登记，待处置。", order.Number);
            }
        }
        catch (DomainRuleException e)
        {
            // Registered all the same: the order page takes the choice up again, with the reason shown.
            TempData["Flash"] = Text.Formatted("工单 {0} 已登记，但未完成处置：{1}", order.Number, e.Message);
        }
        return Redirect($"/hotline/orders/{order.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Categories = await HotlinePickLists.CategoriesAsync(db, CategoryCode, ct);
        Regions = await HotlinePickLists.RegionsAsync(db, RegionCode, ct);
        Units = await HotlinePickLists.UnitsAsync(db, LeadUnitId, "（按分类默认单位）", ct);
    }
}
