namespace OneWindow.Domain.Catalog;

/// <summary>
/// 实施清单的一个版本: draft → published → superseded. Only a draft can change; publishing checks the guide,
/// stamps the validity and supersedes the version that was in force.
/// </summary>
public sealed class ServiceItemVersion
{
    private ServiceItemVersion() { }

    public Guid Id { get; private set; }
    public Guid ServiceItemId { get; private set; }
    /// <summary>The item's code, repeated here so that list queries need no join.</summary>
    public string ItemCode { get; private set; } = "";
    public int VersionNumber { get; private set; }
    public VersionStatus Status { get; private set; }
    public ServiceGuide Guide { get; private set; } = null!;

    // Columns derived from the guide for filtering and sorting in SQL.
    public string Name { get; private set; } = "";
    public ItemType ItemType { get; private set; }
    public Guid DepartmentId { get; private set; }
    public ApplicantTypes ApplicantTypes { get; private set; }
    public LimitKind LimitKind { get; private set; }
    public int StatutoryLimitDays { get; private set; }
    public int PromisedLimitDays { get; private set; }
    /// <summary>Name, keywords and themes, lower-cased, for the portal's keyword search.</summary>
    public string SearchText { get; private set; } = "";
    public string ThemesText { get; private set; } = "";

    public DateOnly? ValidFrom { get; private set; }
    public DateOnly? ValidTo { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    public DateTime? PublishedAt { get; private set; }
    public string? PublishedBy { get; private set; }
    public string? ChangeNote { get; private set; }
    /// <summary>Optimistic concurrency token: two editors of one draft cannot overwrite each other.</summary>
    public int Revision { get; private set; }

    internal static ServiceItemVersion NewDraft(ServiceItem item, int number, ServiceGuide guide, string actor, DateTime now, string? note)
    {
        var v = new ServiceItemVersion
        {
            Id = Guid.CreateVersion7(now),
            ServiceItemId = item.Id,
            ItemCode = item.Code,
            VersionNumber = number,
            Status = VersionStatus.Draft,
            CreatedAt = now,
            CreatedBy = actor,
            ChangeNote = note,
        };
        v.SetGuide(guide, actor, now);
        return v;
    }

    /// <summary>Replaces the guide of a draft.</summary>
    public void Edit(ServiceGuide guide, string actor, DateTime now, string? note)
    {
        if (Status != VersionStatus.Draft)
        {
            throw new DomainRuleException("catalog.version-not-draft", $"第 {VersionNumber} 版已{(Status == VersionStatus.Published ? "发布" : "废止")}，不能修改；请新建草稿版本。");
        }
        SetGuide(guide, actor, now);
        ChangeNote = note;
    }

    internal void MarkPublished(string actor, DateTime now, DateOnly validFrom)
    {
        Status = VersionStatus.Published;
        PublishedAt = now;
        PublishedBy = actor;
        ValidFrom = validFrom;
        UpdatedAt = now;
        UpdatedBy = actor;
        Revision++;
    }

    internal void MarkSuperseded(string actor, DateTime now, DateOnly validTo)
    {
        Status = VersionStatus.Superseded;
        ValidTo = validTo;
        UpdatedAt = now;
        UpdatedBy = actor;
        Revision++;
    }

    private void SetGuide(ServiceGuide guide, string actor, DateTime now)
    {
        if (GuideValidation.CheckShape(guide) is { Count: > 0 } problems)
        {
            throw new GuideInvalidException(problems);
        }
        Guide = guide;
        Name = guide.Name.Trim();
        ItemType = guide.ItemType;
        DepartmentId = guide.DepartmentId;
        ApplicantTypes = guide.ApplicantTypes;
        LimitKind = guide.LimitKind;
        StatutoryLimitDays = guide.StatutoryLimitDays;
        PromisedLimitDays = guide.PromisedLimitDays;
        SearchText = string.Join(' ', new[] { Name, ItemCode }.Concat(guide.Keywords).Concat(guide.Themes)).ToLowerInvariant();
        ThemesText = string.Join('|', guide.Themes);
        UpdatedAt = now;
        UpdatedBy = actor;
        Revision++;
    }
}
