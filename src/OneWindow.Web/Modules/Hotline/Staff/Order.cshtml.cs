using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Accounts;

namespace OneWindow.Web.Modules.Hotline.Staff;

/// <summary>
/// One work order for the center or a unit (<see cref="WorkOrderView"/>, as the API gives it), with a form for each
/// action this person may take now; each form posts to the same use case as its API twin. A broken rule or another's
/// change in between shows the reason on the order as it is now and keeps what was typed.
/// </summary>
public sealed class OrderModel(IServiceProvider services, OneWindowDbContext db, UserManager<UserAccount> users, TimeProvider clock) : PageModel
{
    [BindProperty] public int Revision { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Plan { get; set; }
    [BindProperty] public string? RightChannel { get; set; }
    [BindProperty] public string? MasterNumber { get; set; }
    [BindProperty] public EmergencyService Service { get; set; } = EmergencyService.Police;
    [BindProperty] public RefusalGround Ground { get; set; } = RefusalGround.OtherProcedure;
    [BindProperty] public Guid? LeadUnitId { get; set; }
    [BindProperty] public Guid? CoHandlerId { get; set; }
    [BindProperty] public ReturnRuling Ruling { get; set; } = ReturnRuling.Redispatch;
    [BindProperty] public bool Flag { get; set; }
    [BindProperty] public int? WorkingDays { get; set; }
    [BindProperty] public ReplyResult Result { get; set; } = ReplyResult.Resolved;
    [BindProperty] public CallbackMethod Method { get; set; } = CallbackMethod.Phone;
    [BindProperty] public Satisfaction Satisfaction { get; set; } = Satisfaction.Satisfied;
    /// <summary>The caller's answer to publication (ADR 0037): asked at the callback, or recorded on its own.</summary>
    [BindProperty] public bool? PublicationConsent { get; set; }
    /// <summary>What the center's added files are (ADR 0036).</summary>
    [BindProperty] public WorkOrderFileKind FileKind { get; set; } = WorkOrderFileKind.CenterFile;

    public WorkOrderView Order { get; private set; } = null!;
    /// <summary>Supervision's alerts about the order (ADR 0028), in the order they were raised.</summary>
    public IReadOnlyList<Domain.Supervision.SupervisionAlert> Alerts { get; private set; } = [];
    public List<SelectListItem> Units { get; private set; } = [];
    public List<SelectListItem> CoUnits { get; private set; } = [];
    public string? Error { get; private set; }
    public string? FailedAction { get; private set; }
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string act, CancellationToken ct)
    {
        var co = CoHandlerId is { } c ? new[] { c } : [];
        try
        {
            // The files of the step (a reply's, a contribution's, the center's addition): checked before it runs, saved with it or not at all.
            var kind = act switch { WorkOrderActions.Reply => WorkOrderFileKind.ReplyFile, WorkOrderActions.Contribute => WorkOrderFileKind.ContributionFile, _ => FileKind };
            var files = act is WorkOrderActions.Reply or WorkOrderActions.Contribute or WorkOrderActions.Files && Request.HasFormContentType
                ? await WorkOrderFiles.FromFormAsync(Request.Form.Files, "Files", kind, ct) : (IReadOnlyList<WorkOrderUpload>)[];
            var done = act switch
            {
                WorkOrderActions.Answer => Run<AnswerWorkOrder>(u => u.RunAsync(User, id, Revision, Text, ct)),
                WorkOrderActions.Refer => Run<ReferWorkOrder>(u => u.RunAsync(User, id, Revision, Service, Text, ct)),
                WorkOrderActions.Refuse => Run<RefuseWorkOrder>(u => u.RunAsync(User, id, Revision, Ground, Text, RightChannel, ct)),
                WorkOrderActions.Merge => Run<MergeWorkOrder>(u => u.RunAsync(User, id, Revision, MasterNumber, ct)),
                WorkOrderActions.Dispatch => Run<DispatchWorkOrder>(u => u.RunAsync(User, id, Revision, LeadUnitId ?? Guid.Empty, co, Text, ct)),
                WorkOrderActions.Sign => Run<SignWorkOrder>(u => u.RunAsync(User, id, Revision, ct)),
                WorkOrderActions.Return => Run<ReturnWorkOrder>(u => u.RunAsync(User, id, Revision, Text, ct)),
                WorkOrderActions.Rule => Run<RuleOnReturn>(u => u.RunAsync(User, id, Revision, Ruling, LeadUnitId ?? Guid.Empty, co, Text, ct)),
                WorkOrderActions.Contact => Run<ContactCaller>(u => u.RunAsync(User, id, Revision, Flag, Text, ct)),
                WorkOrderActions.Progress => Run<AddProgress>(u => u.RunAsync(User, id, Revision, Text, ct)),
                WorkOrderActions.Contribute => Run<ContributeToWorkOrder>(u => u.RunAsync(User, id, Revision, Text, ct, files)),
                WorkOrderActions.Extend => Run<RequestExtension>(u => u.RunAsync(User, id, Revision, WorkingDays ?? 0, Text, ct)),
                WorkOrderActions.DecideExtension => Run<DecideExtension>(u => u.RunAsync(User, id, Revision, Flag, WorkingDays, Text, ct)),
                WorkOrderActions.Reply => Run<ReplyToWorkOrder>(u => u.RunAsync(User, id, Revision, Result, Text, Plan, ct, files)),
                WorkOrderActions.Files => Run<AddWorkOrderFiles>(u => u.RunAsync(User, id, Revision, files, ct)),
                WorkOrderActions.Review => Run<ReviewReply>(u => u.RunAsync(User, id, Revision, Flag, Text, ct)),
                WorkOrderActions.Callback => Run<CallBack>(u => u.RunAsync(User, id, Revision, Method, Flag, Satisfaction, Text, ct, PublicationConsent)),
                WorkOrderActions.Consent => Run<RecordConsent>(u => u.RunAsync(User, id, Revision, Flag, Text, ct)),
                WorkOrderActions.Reopen => Run<ReopenWorkOrder>(u => u.RunAsync(User, id, Revision, Text, ct)),
                WorkOrderActions.Close => Run<CloseWorkOrder>(u => u.RunAsync(User, id, Revision, Text, ct)),
                _ => throw new DomainRuleException("hotline.action-unknown", Infrastructure.Text.Translate("未知的操作。")),
            };
            var order = await done;
            TempData["Flash"] = Infrastructure.Text.Formatted("工单 {0}：{1}", order.Number, Infrastructure.Text.Translate("已保存。"));
            return Redirect($"/hotline/orders/{id}");
        }
        catch (DomainRuleException e)
        {
            Error = Request.HasFormContentType && Request.Form.Files.Count > 0 ? Infrastructure.Text.Formatted("{0} 未保存；请重新选择附件。", e.Message) : e.Message;
        }
        catch (ActionNotAllowedException e)
        {
            Error = e.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            Error = Infrastructure.Text.Translate("该工单已被他人处理，请查看最新状态后再操作。");
        }
        FailedAction = act;
        await LoadAsync(id, ct);
        return Page();
    }

    private Task<WorkOrder> Run<T>(Func<T, Task<WorkOrder>> run) where T : notnull => run(services.GetRequiredService<T>());

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        var by = await HotlineStaff.PartyAsync(User, users, db);
        var order = await db.Set<WorkOrder>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException("工单不存在。");
        HotlineStaff.EnsureMaySee(by, order);
        Order = await WorkOrderViews.BuildAsync(db, order, by, ct);
        Alerts = await Supervision.SubjectAlerts.ListAsync(db, Domain.Supervision.SubjectKind.WorkOrder, order.Id, ct);
        Revision = Order.Revision; // after a failure too: the forms act on the order as it is now, what was typed kept
        if (by.IsCenter)
        {
            var suggested = LeadUnitId ?? await db.Set<HotlineCategory>().AsNoTracking().Where(c => c.Code == order.CategoryCode).Select(c => c.DefaultUnitId).FirstOrDefaultAsync(ct);
            Units = await HotlinePickLists.UnitsAsync(db, suggested, "（请选择）", ct);
            CoUnits = await HotlinePickLists.UnitsAsync(db, CoHandlerId, "（无）", ct);
        }
    }
}
