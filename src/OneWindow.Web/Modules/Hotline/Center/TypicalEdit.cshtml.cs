using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Accounts;

namespace OneWindow.Web.Modules.Hotline.Center;

/// <summary>
/// 编写典型工单: the order as it was handled (for the staff's reference only) beside the public version they write; publish,
/// edit on the revision loaded, take down. A refused text (personal data, a stale revision) keeps what was typed.
/// </summary>
public sealed class TypicalEditModel(PublishTypicalOrder publish, EditTypicalOrder edit, UnpublishTypicalOrder unpublish, OneWindowDbContext db,
    UserManager<UserAccount> users) : PageModel
{
    [BindProperty] public int Revision { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Question { get; set; }
    [BindProperty] public string? Answer { get; set; }

    public WorkOrderView Order { get; private set; } = null!;
    public TypicalOrderView? Typical { get; private set; }
    public string? Error { get; private set; }
    public string? ErrorField { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (Typical is { } t)
        {
            (Title, Question, Answer, Revision) = (t.Title, t.Question, t.Answer, t.Revision);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string act, CancellationToken ct)
    {
        var text = new TypicalText(Title, Question, Answer);
        try
        {
            var existing = await TypicalOrderQueries.OfOrderAsync(db, id, ct);
            var done = act switch
            {
                "unpublish" when existing is not null => await unpublish.RunAsync(User, existing.Id, Revision, ct),
                "save" when existing is { Published: true } => await edit.RunAsync(User, existing.Id, Revision, text, ct),
                "save" when existing is null || existing.Revision == Revision => await publish.RunAsync(User, id, text, ct),
                "save" => throw new DbUpdateConcurrencyException("The typical order changed since it was loaded."),
                _ => throw new DomainRuleException("hotline.action-unknown", Infrastructure.Text.Translate("未知的操作。")),
            };
            TempData["Flash"] = Infrastructure.Text.Translate(done.Published ? "典型工单已公开。" : "典型工单已撤下。");
            return Redirect($"/hotline/typical-orders/{id}");
        }
        catch (DomainRuleException e)
        {
            (Error, ErrorField) = (e.Message, e.Field);
        }
        catch (ActionNotAllowedException e)
        {
            Error = e.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            Error = Infrastructure.Text.Translate("该典型工单已被他人修改或撤下，下面保留了您填写的内容；请对照最新内容后再保存。");
        }
        var typed = (Title, Question, Answer);
        await LoadAsync(id, ct);
        (Title, Question, Answer) = typed; // what was typed stays; the revision is the current one, so saving again is a choice made seeing it
        Revision = Typical?.Revision ?? 0;
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        var by = await TypicalScreen.CenterAsync(User, users, db);
        var order = await db.Set<WorkOrder>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException("工单不存在。");
        Order = await WorkOrderViews.BuildAsync(db, order, by, ct);
        Typical = await TypicalOrderQueries.OfOrderAsync(db, id, ct);
    }
}
