using OneWindow.Web.Modules.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Cases;

namespace OneWindow.Web.Modules.Cases.Workbench;

/// <summary>A case: its clocks, nodes and timeline, and the forms for the actions that fit its state.</summary>
public sealed class DetailModel(OneWindowDbContext db, WriteUnit unit, OpenCase open, ActOnCase act, CaseSections sections, CaseApplicationForm forms, RegionCalendars calendars, TimeProvider clock, Infrastructure.RecordKeyStore recordKeys) : PageModel
{
    /// <summary>The revision the forms carry: the case as the person sees it now.</summary>
    public int Revision { get; private set; }

    /// <summary>The request of a refused action as it was typed (its form shows the text again).</summary>
    public ICaseActionRequest? Posted { get; private set; }

    /// <summary>Why the full ID number and phone are looked at (recorded in the audit entry).</summary>
    [BindProperty] public string? RevealReason { get; set; }

    public CaseView View { get; private set; } = null!;
    public IReadOnlyList<string> Actions { get; private set; } = [];
    /// <summary>Whom the case may be handed over to (when hand-over is among the actions).</summary>
    public IReadOnlyList<HandOverCandidate> Colleagues { get; private set; } = [];
    public string? Error { get; private set; }
    public string? FailedAction { get; private set; }
    /// <summary>What other modules show of the case here (supervision's alerts).</summary>
    public IReadOnlyList<CaseSection> Sections { get; private set; } = [];
    /// <summary>The application form as answered (一表通); no fields when the case answered none.</summary>
    public Catalog.ApplicationFormView Application { get; private set; } = Catalog.ApplicationFormView.Blank([], "");

    /// <summary>The applicant's full ID number and phone, only in the answer to an explicit, audited request.</summary>
    public (string IdNumber, string Phone)? Revealed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        await LoadAsync(number, ct);
        return Page();
    }

    /// <summary>显示完整号码: staff who may handle the case see the full values, giving a reason; the view is audited first.</summary>
    public async Task<IActionResult> OnPostRevealAsync(string number, CancellationToken ct)
    {
        var c = await LoadAsync(number, ct);
        try
        {
            await PersonalData.RecordViewAsync(db, unit, clock.GetUtcNow().UtcDateTime, User, "Case", c.Number, ["identityNumber", "phone"], RevealReason, ct);
        }
        catch (DomainRuleException e)
        {
            Error = e.Message;
            return Page();
        }
        PersonalData.NoStore(Response);
        Revealed = (c.Applicant.IdentityNumber, c.Applicant.Phone);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string number, string action, CancellationToken ct)
    {
        var chosen = CaseActions.Find(action);
        if (chosen is null)
        {
            return BadRequest();
        }
        // The form binds into the action's own request, the type its API endpoint reads.
        var request = (ICaseActionRequest)Activator.CreateInstance(chosen.RequestType)!;
        if (!await TryUpdateModelAsync(request, chosen.RequestType, ""))
        {
            Error = string.Join("；", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
            return await RefusedAsync(number, action, request, ct);
        }
        try
        {
            await act.ActAsync(User, number, chosen, request, ct);
            TempData["Flash"] = CaseText.Done(action);
            return Redirect("/workbench/cases/" + number);
        }
        catch (DomainRuleException e)
        {
            Error = e.Message;
        }
        catch (ActionNotAllowedException e)
        {
            Error = e.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            Error = Text.Translate("该案件刚刚被他人办理，您的操作未保存。页面已刷新为最新状态，请核对后再操作。");
        }
        return await RefusedAsync(number, action, request, ct);
    }

    /// <summary>What was typed, for the forms to show again after a refused action (a field the request lacks is empty).</summary>
    public string? Typed(string field) => Posted is not null && Request.HasFormContentType ? Request.Form[field].ToString() : null;

    private async Task<IActionResult> RefusedAsync(string number, string action, ICaseActionRequest request, CancellationToken ct)
    {
        FailedAction = action;
        Posted = request;
        await LoadAsync(number, ct);
        return Page();
    }

    private async Task<Case> LoadAsync(string number, CancellationToken ct)
    {
        var (c, staff) = await open.LoadWithStaffAsync(User, number, ct);
        View = await CaseView.BuildAsync(db, calendars, recordKeys.Ring, c, clock.GetUtcNow().UtcDateTime, ct);
        Application = await forms.ViewAsync(c, ct);
        Sections = await sections.ForAsync(new CaseOnPage(CasePage.Workbench, c.Id, c.Number, c.Status, User), ct);
        Actions = c.AvailableActions(staff.Roles, staff.User.Id);
        Colleagues = Actions.Contains(CaseActionNames.HandOver) ? await HandOverCandidates.ForAsync(db, c, staff.User.Id, ct) : [];
        // The forms carry the revision shown now; after a refused action the typed text stays in the bound fields.
        Revision = c.Revision;
        return c;
    }
}
