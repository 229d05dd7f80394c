namespace OneWindow.Domain.Catalog;

/// <summary>
/// 一件事: a named package of items of several departments, applied for with one form and delivered once.
/// Each member refers to an item by code; a case pins the published versions when it is submitted.
/// </summary>
public sealed class CombinedItem
{
    private CombinedItem() { }

    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Description { get; private set; } = "";
    public IReadOnlyList<string> MemberCodes { get; private set; } = [];
    public Guid LeadDepartmentId { get; private set; }
    /// <summary>The package's own promise; when null the joint rule (行政许可法 §42: 45 working days) applies.</summary>
    public int? PromisedLimitDays { get; private set; }
    public DeliveryMethods DeliveryMethods { get; private set; }
    public IReadOnlyList<string> Themes { get; private set; } = [];
    public VersionStatus Status { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    public int Revision { get; private set; }

    public const int JointStatutoryLimitDays = 45;
    public const int JointExtensionDays = 15;

    public static CombinedItem Create(string code, string actor, DateTime now) =>
        new() { Id = Guid.CreateVersion7(now), Code = code, Status = VersionStatus.Draft, UpdatedAt = now, UpdatedBy = actor };

    public void Edit(string name, string description, IReadOnlyList<string> memberCodes, Guid leadDepartmentId, int? promisedLimitDays,
        DeliveryMethods delivery, IReadOnlyList<string> themes, string actor, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("combined.name-required", "一件事名称不能为空");
        }
        var distinct = memberCodes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
        if (distinct.Count < 2)
        {
            throw new DomainRuleException("combined.too-few-items", "一件事至少包含两个事项");
        }
        if (promisedLimitDays is < 0 or > JointStatutoryLimitDays)
        {
            throw new DomainRuleException("combined.promise-exceeds-statute", $"一件事承诺时限应在 0–{JointStatutoryLimitDays} 个工作日之间");
        }
        if (delivery == DeliveryMethods.None)
        {
            throw new DomainRuleException("combined.delivery-required", "至少选择一种送达方式");
        }
        Name = name.Trim();
        Description = description.Trim();
        MemberCodes = distinct;
        LeadDepartmentId = leadDepartmentId;
        PromisedLimitDays = promisedLimitDays;
        DeliveryMethods = delivery;
        Themes = themes;
        UpdatedAt = now;
        UpdatedBy = actor;
        Revision++;
    }

    /// <summary>Publishes the package once every member item has a published version from at least two departments.</summary>
    public void Publish(IReadOnlyDictionary<string, Guid> publishedMemberDepartments, string actor, DateTime now)
    {
        var missing = MemberCodes.Where(c => !publishedMemberDepartments.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new DomainRuleException("combined.member-not-published", "以下事项尚未发布: " + string.Join("、", missing));
        }
        if (MemberCodes.Select(c => publishedMemberDepartments[c]).Distinct().Count() < 2)
        {
            throw new DomainRuleException("combined.single-department", "一件事应涉及两个以上部门");
        }
        Status = VersionStatus.Published;
        UpdatedAt = now;
        UpdatedBy = actor;
        Revision++;
    }

    public void Withdraw(string actor, DateTime now)
    {
        Status = VersionStatus.Superseded;
        UpdatedAt = now;
        UpdatedBy = actor;
        Revision++;
    }
}
