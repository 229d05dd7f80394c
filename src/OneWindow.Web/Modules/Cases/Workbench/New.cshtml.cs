using OneWindow.Web.Modules.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Modules.Catalog;
using OneWindow.Web.Modules.Organization;

namespace OneWindow.Web.Modules.Cases.Workbench;

/// <summary>
/// 窗口收件: choose one of my items, tick the materials handed in against the guide's checklist, enter the applicant.
/// Without JavaScript the item is chosen first (GET), then the form shows that item's checklist.
/// </summary>
public sealed class NewModel(UserManager<UserAccount> users, CaseTemplates templates, ReceiveApplication receive, ChooseWindow seats, IntakeItems intakeItems) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Item { get; set; }
    [BindProperty] public ApplicantKind ApplicantKind { get; set; } = ApplicantKind.Person;
    [BindProperty] public string ApplicantName { get; set; } = "";
    [BindProperty] public string IdentityNumber { get; set; } = "";
    [BindProperty] public string Phone { get; set; } = "";
    [BindProperty] public List<string> Provided { get; set; } = [];
    /// <summary>The answers to the application form (一表通) by field key, posted as <c>Form[key]</c>.</summary>
    public Dictionary<string, string?> Form { get; private set; } = [];
    /// <summary>The window the clerk sits at: remembered from last time, changed here when they moved.</summary>
    [BindProperty] public Guid? WindowId { get; set; }
    public SeatView Seat { get; private set; } = new(null, null, []);

    public IReadOnlyList<(string Code, string Name)> MyItems { get; private set; } = [];
    /// <summary>The chosen item or package, with the materials of its guide (merged over a package's members).</summary>
    public CaseTemplate? Template { get; private set; }
    public IReadOnlyList<Material> Materials { get; private set; } = [];
    public string? Error { get; private set; }

    /// <summary>The application form of the chosen item (a package's merged), with what was typed and what was wrong.</summary>
    public ApplicationFormView FormView => new(Template?.Form ?? [], Form, FieldErrors, nameof(Form));
    public Dictionary<string, string> FieldErrors { get; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            Form = ApplicationFormView.AnswersFrom(Request.Form, nameof(Form));
            await LoadAsync(ct);
            var scans = await Upload.FromFormAsync(Request.Form.Files, [.. Materials.Select(m => m.Name)], ct);
            var (c, _) = await receive.RunAsync(User, new RegisterApplication(Item ?? "", ApplicantKind, ApplicantName, IdentityNumber, Phone, CaseChannel.Window, Provided) { Scans = scans, WindowId = WindowId, Form = Form }, ct);
            TempData["Flash"] = Text.Formatted("已收件，办件编号 {0}。请核验材料后受理、告知补正或不予受理。", c.Number);
            return Redirect("/workbench/cases/" + c.Number);
        }
        catch (DomainRuleException e)
        {
            Error = e.Message;
            if (e.Field is { } field)
            {
                FieldErrors[field] = e.Message;
            }
            foreach (var (name, message) in e.Errors ?? new Dictionary<string, string>())
            {
                FieldErrors[name] = message;
            }
        }
        catch (ForbiddenException e)
        {
            Error = e.Message;
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User) ?? throw new ForbiddenException("auth.required", "请先登录。");
        MyItems = await intakeItems.ForAsync(user, ct);
        Seat = await seats.GetAsync(User, ct);
        WindowId ??= Seat.WindowId ?? (Seat.Windows.Count == 1 ? Seat.Windows[0].Id : null);
        if (Item is not null && MyItems.Any(i => i.Code == Item))
        {
            (Template, var guides) = await templates.LoadFormAsync(Item, ct);
            Materials = PackageMaterials.Checklist([.. guides]);
        }
    }
}
