namespace OneWindow.Domain.Catalog;

/// <summary>申请材料: one item of the material checklist.</summary>
public sealed record Material
{
    public required string Name { get; init; }
    public MaterialForm Form { get; init; } = MaterialForm.Original;
    public int Copies { get; init; } = 1;
    public MaterialRequirement Requirement { get; init; } = MaterialRequirement.Required;
    /// <summary>When the material is needed, for a conditional one (e.g. 委托他人办理的).</summary>
    public string? Condition { get; init; }
    public MaterialSource Source { get; init; } = MaterialSource.Applicant;
    public string? SourceDescription { get; init; }
    /// <summary>The blank form's title, and the stored file when one was uploaded.</summary>
    public string? TemplateFile { get; init; }
    public Guid? TemplateFileId { get; init; }
    /// <summary>The filled-in sample's title, and the stored file when one was uploaded.</summary>
    public string? SampleFile { get; init; }
    public Guid? SampleFileId { get; init; }
    public string? Notes { get; init; }
    /// <summary>
    /// 容缺受理: a minor material the window may accept the application without, against the applicant's written
    /// commitment to hand it in by a date. The guide decides which, never the clerk.
    /// </summary>
    public bool Deferrable { get; init; }
    /// <summary>
    /// The name a combined item asks for this material under, when members name the same papers differently (法定代表人身份证,
    /// 经办人身份证件 → 身份证明): a package asks for it once (<see cref="PackageMaterials"/>). Null: its own name.
    /// </summary>
    public string? SharedAs { get; init; }
}

/// <summary>办理流程 step: who acts and in how many working days.</summary>
public sealed record ProcessNode
{
    public required string Name { get; init; }
    /// <summary>The acting role, as the staff roles name it (WindowClerk, Reviewer, Approver...).</summary>
    public required string ActingRole { get; init; }
    public int? LimitWorkingDays { get; init; }
    public string? Description { get; init; }
}

/// <summary>特殊环节: time that does not count toward the legal limit when it does not (行政许可法 §45).</summary>
public sealed record SpecialProcedure
{
    public required string Name { get; init; }
    public int ExpectedWorkingDays { get; init; }
    public string? LegalBasis { get; init; }
    public bool CountsTowardLimit { get; init; }
}

/// <summary>收费: one fee with its published standard and basis. An empty list means free of charge.</summary>
public sealed record Fee
{
    public required string Name { get; init; }
    /// <summary>The standard in yuan (元); null when it varies and <see cref="StandardText"/> says how.</summary>
    public decimal? Amount { get; init; }
    public string? StandardText { get; init; }
    public required string Basis { get; init; }
}

public sealed record Faq
{
    public required string Question { get; init; }
    public required string Answer { get; init; }
}

/// <summary>
/// 办事指南 / 实施清单: everything the public guide shows for one implementation of an item. A version holds
/// one guide; a published version's guide never changes.
/// </summary>
public sealed record ServiceGuide
{
    public required string Name { get; init; }
    public ItemType ItemType { get; init; } = ItemType.AdministrativeLicense;
    /// <summary>The basic catalog code (基本目录编码) of the item this implements, if any.</summary>
    public string? BasicCatalogCode { get; init; }
    public required string LegalBasis { get; init; }
    public Guid DepartmentId { get; init; }
    public ApplicantTypes ApplicantTypes { get; init; } = ApplicantTypes.Person;
    public LimitKind LimitKind { get; init; } = LimitKind.Promised;
    public int StatutoryLimitDays { get; init; }
    public int PromisedLimitDays { get; init; }
    public string? StatutoryLimitNote { get; init; }
    public IReadOnlyList<Material> Materials { get; init; } = [];
    /// <summary>申请表 (一表通): the questions the application answers, grouped; the window and online render the same form.</summary>
    public IReadOnlyList<FormField> Form { get; init; } = [];
    public IReadOnlyList<string> AcceptanceConditions { get; init; } = [];
    public IReadOnlyList<ProcessNode> ProcessNodes { get; init; } = [];
    public IReadOnlyList<SpecialProcedure> SpecialProcedures { get; init; } = [];
    public IReadOnlyList<Fee> Fees { get; init; } = [];
    public string? HandlingVenue { get; init; }
    public string? HandlingAddress { get; init; }
    public string? Windows { get; init; }
    public string? OfficeHours { get; init; }
    public string? ConsultationPhone { get; init; }
    public string? SupervisionPhone { get; init; }
    public HallVisits HallVisits { get; init; } = HallVisits.AtMostOnce;
    public OnlineDepth OnlineDepth { get; init; } = OnlineDepth.OnlinePreReview;
    public string? ResultName { get; init; }
    public ResultType ResultType { get; init; } = ResultType.Certificate;
    public DeliveryMethods DeliveryMethods { get; init; } = DeliveryMethods.WindowPickup;
    /// <summary>有效期: how long the result is valid, in months (食品经营许可证: 60); null when it does not expire.</summary>
    public int? ResultValidityMonths { get; init; }
    /// <summary>
    /// What the decision's scope is called when the result has one (经营项目, 许可范围, 执业类别): the approver writes it
    /// into every grant and the decision prints it. Null when the result has no scope.
    /// </summary>
    public string? ResultScopeLabel { get; init; }
    public IReadOnlyList<Faq> Faqs { get; init; } = [];
    /// <summary>Search words beyond the name (e.g. 营业执照, 个体户).</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];
    /// <summary>Life or business themes (主题): 开办企业, 婚育, 社会保障 ...</summary>
    public IReadOnlyList<string> Themes { get; init; } = [];

    /// <summary>Derived from the fees, so it is neither stored nor read from a request (a sent value would be ignored silently).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsFree => Fees.Count == 0;
}
