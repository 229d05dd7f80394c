namespace OneWindow.Domain.Catalog;

/// <summary>事项类型: the eight kinds of the basic catalog.</summary>
public enum ItemType
{
    AdministrativeLicense = 1,      // 行政许可
    AdministrativeBenefit = 2,      // 行政给付
    AdministrativeConfirmation = 3, // 行政确认
    AdministrativeRuling = 4,       // 行政裁决
    AdministrativeReward = 5,       // 行政奖励
    AdministrativeLevy = 6,         // 行政征收
    OtherAdministrativePower = 7,   // 其他行政权力
    PublicService = 8,              // 公共服务
}

/// <summary>Who may apply (服务对象).</summary>
[Flags]
public enum ApplicantTypes
{
    None = 0,
    Person = 1,      // 自然人
    Enterprise = 2,  // 企业法人及其他组织
}

/// <summary>即办件 (concluded on the spot) or 承诺件 (within a promised number of working days).</summary>
public enum LimitKind
{
    Instant = 1,
    Promised = 2,
}

public enum VersionStatus
{
    Draft = 1,
    Published = 2,
    Superseded = 3,
}

public enum MaterialForm
{
    Original = 1,        // 原件
    Copy = 2,            // 复印件
    OriginalAndCopy = 3, // 原件和复印件
    Electronic = 4,      // 电子材料
}

public enum MaterialRequirement
{
    Required = 1,    // 必要
    Conditional = 2, // 容缺/情形要件: needed only when the condition holds
}

public enum MaterialSource
{
    Applicant = 1,     // 申请人自备
    OtherAgency = 2,   // 政府部门核发
    ThisAgency = 3,    // 本部门生成 (shared, not asked of the applicant)
    Intermediary = 4,  // 中介机构
}

/// <summary>到办事现场次数: how many times the applicant must come to the hall.</summary>
public enum HallVisits
{
    Zero = 0,      // 零跑腿
    AtMostOnce = 1, // 最多跑一次
    Twice = 2,
}

/// <summary>网上办理深度 (the national four-level scale).</summary>
public enum OnlineDepth
{
    InformationOnly = 1,   // 一级: 信息公开
    FormsDownload = 2,     // 二级: 表格下载
    OnlinePreReview = 3,   // 三级: 网上预审
    FullyOnline = 4,       // 四级: 全程网办
}

[Flags]
public enum DeliveryMethods
{
    None = 0,
    WindowPickup = 1, // 窗口领取
    Mail = 2,         // 邮政寄递
    Electronic = 4,   // 电子证照/网上下载
}

public enum ResultType
{
    Certificate = 1,   // 证照
    ApprovalDocument = 2, // 批文
    Record = 3,        // 备案/登记凭证
    Other = 4,
}
