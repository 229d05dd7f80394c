namespace OneWindow.Domain.Supervision;

/// <summary>How one rule applies: on or off, the severity of its alerts, its threshold (in the rule's unit).</summary>
public sealed record RuleSetting(bool Enabled, AlertSeverity Severity, decimal Threshold)
{
    /// <summary>The threshold as whole working days, counts or minutes.</summary>
    public int Whole => (int)Threshold;
}

/// <summary>What an override applies to. The most specific one wins: item, then department, then region, then the center-wide default.</summary>
public enum RuleScope
{
    Default = 0,
    Region = 1,
    Department = 2,
    Item = 3,
}

/// <summary>
/// A configured setting for one rule in one scope: everywhere (<see cref="RuleScope.Default"/>, key ""), a region
/// (its 12-digit code; it covers the regions within it), a department (its id) or an item (its code).
/// </summary>
public sealed record RuleOverride(SupervisionRule Rule, RuleScope Scope, string ScopeKey, RuleSetting Setting)
{
    public static RuleOverride Create(SupervisionRule rule, RuleScope scope, string? scopeKey, bool enabled, AlertSeverity severity, decimal threshold)
    {
        var definition = RuleCatalog.Get(rule);
        if (!Enum.IsDefined(severity))
        {
            throw new DomainRuleException("supervision.severity-invalid", "请选择预警级别。", "severity");
        }
        if (threshold < definition.MinThreshold || threshold > definition.MaxThreshold || threshold != decimal.Round(threshold, definition.Unit == ThresholdUnit.Yuan ? 2 : 0))
        {
            throw new DomainRuleException("supervision.threshold-invalid", $"阈值应在 {definition.MinThreshold:0.##}–{definition.MaxThreshold:0.##} 之间。", "threshold");
        }
        var key = (scopeKey ?? "").Trim();
        if (scope == RuleScope.Default ? key.Length != 0 : key.Length == 0)
        {
            throw new DomainRuleException("supervision.scope-invalid", "请选择适用的地区、部门或事项。", "scopeKey");
        }
        if (scope == RuleScope.Region && !Organization.RegionCode.TryParse(key, out _))
        {
            throw new DomainRuleException("supervision.scope-invalid", "地区代码应为 12 位统计用区划代码。", "scopeKey");
        }
        return new RuleOverride(rule, scope, scope == RuleScope.Region ? Organization.RegionCode.Parse(key).Value : key, new RuleSetting(enabled, severity, threshold));
    }

    /// <summary>Whether a region override covers a case's region: the same code, or an enclosing province, city, county or town.</summary>
    public bool CoversRegion(string regionCode) => Scope == RuleScope.Region && regionCode.StartsWith(SignificantPrefix(ScopeKey), StringComparison.Ordinal);

    internal static string SignificantPrefix(string code) => code[..SignificantLength(code)];

    private static int SignificantLength(string code) =>
        code[9..] != "000" ? 12 : code[6..9] != "000" ? 9 : code[4..6] != "00" ? 6 : code[2..4] != "00" ? 4 : 2;
}

/// <summary>The configured overrides, resolved per case: item, department, region (the nearest), default, then the shipped default.</summary>
public sealed class RuleBook(IReadOnlyList<RuleOverride> overrides)
{
    public static RuleBook Shipped { get; } = new([]);

    public IReadOnlyList<RuleOverride> Overrides { get; } = overrides;

    public RuleSetting For(SupervisionRule rule, string regionCode, Guid? departmentId, string? itemCode)
    {
        RuleOverride? best = null;
        var bestRank = -1;
        foreach (var o in Overrides)
        {
            if (o.Rule != rule)
            {
                continue;
            }
            var rank = o.Scope switch
            {
                RuleScope.Item => itemCode is not null && o.ScopeKey == itemCode ? 300 : -1,
                RuleScope.Department => departmentId is { } d && o.ScopeKey == d.ToString() ? 200 : -1,
                RuleScope.Region => o.CoversRegion(regionCode) ? 100 + RuleOverride.SignificantPrefix(o.ScopeKey).Length : -1,
                RuleScope.Default => 0,
            };
            if (rank > bestRank)
            {
                best = o;
                bestRank = rank;
            }
        }
        return best?.Setting ?? RuleCatalog.Get(rule).Default;
    }

    /// <summary>Every rule's setting for one case's region, department and item.</summary>
    public EffectiveRules ForCase(string regionCode, Guid? departmentId, string? itemCode) =>
        new(RuleCatalog.All.ToDictionary(d => d.Rule, d => For(d.Rule, regionCode, departmentId, itemCode)));
}

/// <summary>The settings that apply to one case.</summary>
public sealed class EffectiveRules(IReadOnlyDictionary<SupervisionRule, RuleSetting> settings)
{
    public RuleSetting this[SupervisionRule rule] => settings[rule];

    public bool IsOn(SupervisionRule rule) => settings[rule].Enabled;
}
