namespace OneWindow.Domain.Organization;

/// <summary>行政区划: a county, town or village with its 12-digit statistical code.</summary>
public sealed class Region
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public RegionLevel Level { get; init; }
    public string? ParentCode { get; init; }
}

public enum VenueTier
{
    CountyCenter = 1, // 政务服务中心
    TownHall = 2,     // 便民服务中心
    VillageRoom = 3,  // 便民服务站(室)
}

/// <summary>A place where the public is served: the county center, a town hall or a village room.</summary>
public sealed class Venue
{
    public Guid Id { get; init; }
    public required string Name { get; set; }
    public VenueTier Tier { get; set; }
    public required string RegionCode { get; set; }
    public string? Address { get; set; }
    public string? OfficeHours { get; set; }
    public string? Phone { get; set; }

    /// <summary>
    /// A town hall's own department (本级办理机构, e.g. the town government): it decides the items the hall's tier list
    /// marks <see cref="TierItemRole.Decide"/>, with its own reviewers and approvers. Null: the item's county department
    /// decides them (a hall not yet given its own department). Only a town hall has one.
    /// </summary>
    public Guid? OwnDepartmentId { get; set; }
}

/// <summary>部门 / 实施机构: an agency holding approval powers.</summary>
public sealed class Department
{
    public Guid Id { get; init; }
    public required string Name { get; set; }
    public required string CreditCode { get; set; }
    /// <summary>Set when a code that fails the GB 32100 check (an early pilot code) was accepted on purpose.</summary>
    public string? CreditCodeOverrideReason { get; set; }
    public string? CreditCodeOverrideBy { get; set; }
    public required string RegionCode { get; set; }
    public string? Phone { get; set; }
    public int SortOrder { get; set; }

    /// <summary>Sets the code, refusing one that fails its check unless a reason for the exception is given.</summary>
    public void SetCreditCode(string code, string? overrideReason, string actor)
    {
        var normalized = Identifiers.UnifiedSocialCreditCode.Normalize(code);
        var problem = Identifiers.UnifiedSocialCreditCode.Validate(normalized);
        if (problem is null)
        {
            CreditCode = normalized;
            CreditCodeOverrideReason = null;
            CreditCodeOverrideBy = null;
            return;
        }
        if (problem != "uscc.check-character" || string.IsNullOrWhiteSpace(overrideReason))
        {
            throw new DomainRuleException(problem, problem == "uscc.check-character"
                ? "统一社会信用代码校验位不符（GB 32100）；如为早期试点代码，请填写例外理由后保存。"
                : "统一社会信用代码格式不正确：应为 18 位，且不含 I、O、Z、S、V。");
        }
        CreditCode = normalized;
        CreditCodeOverrideReason = overrideReason.Trim();
        CreditCodeOverrideBy = actor;
    }
}

public enum WindowKind
{
    Department = 1,    // 部门窗口
    Comprehensive = 2, // 综合受理窗口
}

/// <summary>综合窗口的分类 (seed 003): the five categories of comprehensive windows.</summary>
public enum WindowCategory
{
    None = 0,
    ProjectInvestment = 1, // 项目投资
    ConstructionPermit = 2, // 建设许可
    AgricultureServices = 3, // 涉农服务
    MarketServices = 4,    // 市场服务
    SocialAffairs = 5,     // 社会事务
}

/// <summary>窗口: a counter in a venue.</summary>
public sealed class Window
{
    public Guid Id { get; init; }
    public Guid VenueId { get; set; }
    public required string Number { get; set; }
    public required string Name { get; set; }
    public WindowKind Kind { get; set; }
    public WindowCategory Category { get; set; }
    public Guid? DepartmentId { get; set; }
}

/// <summary>An item a window may take in (授权到位).</summary>
public sealed class WindowItemAuthorization
{
    public Guid WindowId { get; init; }
    public required string ItemCode { get; init; }
}

/// <summary>An item a staff member may handle.</summary>
public sealed class StaffItemAuthorization
{
    public required string UserId { get; init; }
    public required string ItemCode { get; init; }
}
