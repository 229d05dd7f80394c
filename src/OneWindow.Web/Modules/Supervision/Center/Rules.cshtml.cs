using OneWindow.Web.Modules.Supervision;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Supervision.Center;

/// <summary>监察规则: every built-in trigger with its shipped default, and the settings that change it by scope.</summary>
[Authorize(Policy = Policies.Supervision)]
public sealed class RulesModel(ConfigureRules configure, OneWindowDbContext db) : PageModel
{
    [BindProperty] public SupervisionRule Rule { get; set; } = SupervisionRule.PromisedReminder;
    [BindProperty] public RuleScope Scope { get; set; }
    [BindProperty] public string? RegionCode { get; set; }
    [BindProperty] public Guid? DepartmentId { get; set; }
    [BindProperty] public string? ItemCode { get; set; }
    [BindProperty] public bool Enabled { get; set; } = true;
    [BindProperty] public AlertSeverity Severity { get; set; } = AlertSeverity.Yellow;
    [BindProperty] public decimal Threshold { get; set; }

    public IReadOnlyList<SupervisionRuleSetting> Settings { get; private set; } = [];
    public IReadOnlyDictionary<string, string> DepartmentNames { get; private set; } = new Dictionary<string, string>();
    public List<SelectListItem> Departments { get; private set; } = [];
    public string? Error { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await configure.SaveAsync(User, Rule, Scope, ConfigureRules.KeyFor(Scope, RegionCode, DepartmentId, ItemCode), Enabled, Severity, Threshold, ct);
            TempData["Flash"] = Text.Translate("规则设置已保存，自下一次办理或扫描起生效。");
            return Redirect("/supervision/rules");
        }
        catch (DomainRuleException e)
        {
            Error = e.Message;
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        await configure.DeleteAsync(User, id, ct);
        TempData["Flash"] = Text.Translate("已删除该设置，恢复上一级设置。");
        return Redirect("/supervision/rules");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Settings = await configure.ListAsync(ct);
        DepartmentNames = await db.Departments.AsNoTracking().Take(500).ToDictionaryAsync(d => d.Id.ToString(), d => d.Name, ct);
        Departments = await PickLists.DepartmentsAsync(db, DepartmentId, "—", ct);
    }

    public string ScopeText(SupervisionRuleSetting s) => s.Scope switch
    {
        RuleScope.Default => Text.Translate("全部"),
        RuleScope.Department => DepartmentNames.GetValueOrDefault(s.ScopeKey) ?? s.ScopeKey,
        RuleScope.Region or RuleScope.Item => $"{SupervisionText.Of(s.Scope)} {s.ScopeKey}",
    };
}
