using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Domain;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Ledger.Counter;

/// <summary>服务台帐: the clerk's or agent's quick entry and the day's services at their counter, paged by key.</summary>
public sealed class IndexModel(OneWindowDbContext db, RecordService record, ListLedger list) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? Day { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    [BindProperty] public LedgerKind Kind { get; set; } = LedgerKind.Consultation;
    [BindProperty] public LedgerOutcome Outcome { get; set; } = LedgerOutcome.Answered;
    [BindProperty] public string? ItemCode { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string? ApplicantName { get; set; }
    [BindProperty] public string? ApplicantPhone { get; set; }

    public LedgerPage Ledger { get; private set; } = null!;
    public IReadOnlyList<(string Code, string Name)> Items { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await record.RunAsync(User, new LedgerRequest(Kind, Outcome, ItemCode, Summary, ApplicantName, ApplicantPhone), ct);
            TempData["Flash"] = Text.Translate("已登记。");
            return Redirect("/ledger");
        }
        catch (DomainRuleException e)
        {
            Error = e.Message;
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Ledger = await list.RunAsync(User, Day, After, ct);
        Items = await PickLists.PublishedItemsAsync(db, ct);
    }
}
