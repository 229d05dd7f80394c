using OneWindow.Domain.Catalog;

namespace OneWindow.Domain.Cases;

/// <summary>
/// What a case is opened for, pinned at receipt or submission: one published item version, or a combined item
/// (一件事) whose published member versions become the parts of a joint case.
/// </summary>
public sealed record CaseTemplate(
    Guid SourceId,
    string Code,
    string Name,
    Guid DepartmentId,
    bool IsInstant,
    int PromisedLimitDays,
    int StatutoryLimitDays,
    IReadOnlyList<CaseNode> Nodes,
    IReadOnlyList<CaseFee> Fees,
    IReadOnlyList<Guid> PartVersionIds)
{
    public bool IsJoint => PartVersionIds.Count > 0;

    /// <summary>
    /// The materials the applicant must hand in before the application can be accepted: those the guides mark required
    /// and the applicant supplies (not those the agencies provide or look up, not the conditional ones), once each — the
    /// same materials an online application must attach.
    /// </summary>
    public IReadOnlyList<string> RequiredMaterials { get; init; } = [];

    /// <summary>The required materials the guide lets the window defer (容缺受理); none for a joint case.</summary>
    public IReadOnlyList<string> DeferrableMaterials { get; init; } = [];

    /// <summary>The application form (一表通): the item's, or the package's merged over its members (<see cref="ApplicationForm.Merge"/>).</summary>
    public IReadOnlyList<FormField> Form { get; init; } = [];

    /// <summary>The result's validity in months, and what its scope is called (<see cref="ServiceGuide.ResultScopeLabel"/>).</summary>
    public int? ResultValidityMonths { get; init; }
    public string? ResultScopeLabel { get; init; }

    /// <summary>The required materials of one item's guide, in order, each name once.</summary>
    public static IReadOnlyList<string> RequiredOf(ServiceGuide guide) =>
        [.. guide.Materials.Where(IsRequiredOfApplicant).Select(m => m.Name.Trim()).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The required materials of a package's members as the package asks for them (<see cref="PackageMaterials"/>): one
    /// 身份证明, not three; never a result the package itself produces.
    /// </summary>
    public static IReadOnlyList<string> RequiredOfPackage(IEnumerable<ServiceGuide> members) =>
        [.. PackageMaterials.Merge([.. members.Select(g => (g.Name, g))]).Select(p => p.Material).Where(IsRequiredOfApplicant).Select(m => m.Name)];

    /// <summary>What an application for these guides must hand in: one item's required materials, or a package's.</summary>
    public static IReadOnlyList<string> RequiredOfApplication(IReadOnlyList<ServiceGuide> guides) =>
        guides.Count == 1 ? RequiredOf(guides[0]) : RequiredOfPackage(guides);

    /// <summary>A part's required materials under the names its package asked for them (what the joint window received).</summary>
    public static IReadOnlyList<string> RequiredOfPart(ServiceGuide guide) =>
        [.. guide.Materials.Where(IsRequiredOfApplicant).Select(PackageMaterials.NameInPackage).Distinct(StringComparer.Ordinal)];

    private static bool IsRequiredOfApplicant(Material m) => m.Requirement == MaterialRequirement.Required && m.Source == MaterialSource.Applicant;

    /// <summary>The item versions behind the application: the one item's, or every member's of a package.</summary>
    public IReadOnlyList<Guid> VersionIds => IsJoint ? PartVersionIds : [SourceId];

    /// <summary>The joint case's own nodes: one intake, the departments' parallel handling, one issue and delivery.</summary>
    public const string JointRole = "Joint";

    public static CaseTemplate ForItem(ServiceItemVersion version)
    {
        if (version.Status != VersionStatus.Published)
        {
            throw new DomainRuleException("case.item-not-published", "只能受理已发布事项的申请。");
        }
        if (version.Guide.ProcessNodes.Count == 0)
        {
            throw new DomainRuleException("case.item-without-nodes", "该事项没有办理环节，无法受理。");
        }
        return new CaseTemplate(version.Id, version.ItemCode, version.Name, version.DepartmentId, version.LimitKind == LimitKind.Instant,
            version.PromisedLimitDays, version.StatutoryLimitDays,
            [.. version.Guide.ProcessNodes.Select(n => new CaseNode { Name = n.Name, ActingRole = n.ActingRole, LimitWorkingDays = n.LimitWorkingDays })],
            [.. version.Guide.Fees.Select(f => new CaseFee(f.Name, f.Amount, f.StandardText, f.Basis))],
            [])
        {
            RequiredMaterials = RequiredOf(version.Guide),
            DeferrableMaterials = RequiredOf(version.Guide with { Materials = [.. version.Guide.Materials.Where(m => m.Deferrable)] }),
            Form = version.Guide.Form,
            ResultValidityMonths = version.Guide.ResultValidityMonths,
            ResultScopeLabel = string.IsNullOrWhiteSpace(version.Guide.ResultScopeLabel) ? null : version.Guide.ResultScopeLabel.Trim(),
        };
    }

    /// <summary>
    /// A joint case: the limit is the package's own promise, or the joint rule (行政许可法 §42: 45 working days);
    /// the fees of every member are paid once, at the joint case.
    /// </summary>
    public static CaseTemplate ForCombined(CombinedItem combined, IReadOnlyList<ServiceItemVersion> members)
    {
        if (combined.Status != VersionStatus.Published)
        {
            throw new DomainRuleException("case.item-not-published", "只能受理已发布的一件事。");
        }
        var byCode = members.Where(m => m.Status == VersionStatus.Published).ToDictionary(m => m.ItemCode);
        var missing = combined.MemberCodes.Where(c => !byCode.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new DomainRuleException("combined.member-not-published", "以下事项尚未发布: " + string.Join("、", missing));
        }
        var ordered = combined.MemberCodes.Select(c => byCode[c]).ToList();
        foreach (var member in ordered)
        {
            ForItem(member); // each part must be handleable on its own
        }
        if (ApplicationForm.Conflicts(ordered.Select(m => (m.Name, m.Guide))) is { Count: > 0 } conflicts)
        {
            throw new DomainRuleException("combined.form-conflict", "一件事各事项的申请表不能合并：" + string.Join("；", conflicts));
        }
        var statutory = CombinedItem.JointStatutoryLimitDays;
        return new CaseTemplate(combined.Id, combined.Code, combined.Name, combined.LeadDepartmentId, false,
            combined.PromisedLimitDays ?? statutory, statutory,
            [
                new CaseNode { Name = "一窗受理", ActingRole = StaffRoles.WindowClerk },
                new CaseNode { Name = "并联审批", ActingRole = JointRole },
                new CaseNode { Name = "统一出件", ActingRole = StaffRoles.WindowClerk },
            ],
            [.. ordered.SelectMany(m => m.Guide.Fees.Select(f => new CaseFee(f.Name, f.Amount, f.StandardText, f.Basis)))],
            [.. ordered.Select(m => m.Id)])
        {
            RequiredMaterials = RequiredOfPackage(ordered.Select(m => m.Guide)),
            Form = ApplicationForm.Merge(ordered.Select(m => m.Guide)),
        };
    }
}
