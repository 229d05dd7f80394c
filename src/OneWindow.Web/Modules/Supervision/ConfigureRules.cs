using OneWindow.Web.Modules.Audit;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Supervision;

/// <summary>Sets a rule's switch, severity and threshold for everywhere, a region, a department or an item; or removes that setting.</summary>
public sealed class ConfigureRules(OneWindowDbContext db, WriteUnit unit, TimeProvider clock, RuleBookCache rules)
{
    /// <summary>The settings the rules page and the API list: bounded, by rule, scope and key.</summary>
    public async Task<IReadOnlyList<SupervisionRuleSetting>> ListAsync(CancellationToken ct) =>
        await db.SupervisionRuleSettings.AsNoTracking().OrderBy(s => s.Rule).ThenBy(s => s.Scope).ThenBy(s => s.ScopeKey)
            .Take(SupervisionSettings.MaxSettings).ToListAsync(ct);

    /// <summary>
    /// The key of a scope from a form that offers one field per kind of scope (the rules page): the region code, the
    /// department's id or the item code that the chosen scope reads; none for everywhere.
    /// </summary>
    public static string? KeyFor(RuleScope scope, string? regionCode, Guid? departmentId, string? itemCode) => scope switch
    {
        RuleScope.Region => regionCode,
        RuleScope.Department => departmentId?.ToString(),
        RuleScope.Item => itemCode?.Trim(),
        RuleScope.Default => null,
    };

    public async Task<SupervisionRuleSetting> SaveAsync(ClaimsPrincipal principal, SupervisionRule rule, RuleScope scope, string? scopeKey, bool enabled,
        AlertSeverity severity, decimal threshold, CancellationToken ct)
    {
        if (!Enum.IsDefined(rule))
        {
            throw new DomainRuleException("supervision.rule-unknown", "请选择规则。", "rule");
        }
        var checkedOverride = RuleOverride.Create(rule, scope, scopeKey, enabled, severity, threshold);
        var key = checkedOverride.ScopeKey;
        if (scope == RuleScope.Department)
        {
            if (!(Guid.TryParse(key, out var departmentId) && await db.Departments.AnyAsync(d => d.Id == departmentId, ct)))
            {
                throw new DomainRuleException("supervision.scope-invalid", "部门不存在。", "scopeKey");
            }
            key = departmentId.ToString(); // one spelling of the id, the one the rule book looks up
        }
        if (scope == RuleScope.Item && !await db.ServiceItems.AnyAsync(i => i.Code == key, ct) && !await db.CombinedItems.AnyAsync(i => i.Code == key, ct))
        {
            throw new DomainRuleException("supervision.scope-invalid", $"事项 {key} 不存在。", "scopeKey");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.SupervisionRuleSettings.FirstOrDefaultAsync(s => s.Rule == rule && s.Scope == scope && s.ScopeKey == key, ct);
        if (row is null)
        {
            row = new SupervisionRuleSetting { Id = Guid.CreateVersion7(now), Rule = rule, Scope = scope, ScopeKey = key, UpdatedBy = "" };
            db.SupervisionRuleSettings.Add(row);
        }
        row.Enabled = enabled;
        row.Severity = severity;
        row.Threshold = threshold;
        row.UpdatedBy = principal.ActorName();
        row.UpdatedAt = now;
        db.Audit(now, principal.ActorName(), "SupervisionRule", $"{rule}/{scope}/{key}", "set", new { enabled, severity, threshold });
        await unit.SaveAsync(ct);
        rules.Invalidate();
        return row;
    }

    public async Task DeleteAsync(ClaimsPrincipal principal, Guid id, CancellationToken ct)
    {
        var row = await db.SupervisionRuleSettings.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("设置不存在。");
        var now = clock.GetUtcNow().UtcDateTime;
        db.SupervisionRuleSettings.Remove(row);
        db.Audit(now, principal.ActorName(), "SupervisionRule", $"{row.Rule}/{row.Scope}/{row.ScopeKey}", "removed", null);
        await unit.SaveAsync(ct);
        rules.Invalidate();
    }
}
