namespace OneWindow.Domain.Catalog;

/// <summary>
/// 政务服务事项: one item of the catalog with its versions. The code is the implementation code (实施编码)
/// the public sees; at most one version is published at a time, at most one draft is open.
/// </summary>
public sealed class ServiceItem
{
    private readonly List<ServiceItemVersion> _versions = [];

    private ServiceItem() { }

    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public Guid DepartmentId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public IReadOnlyList<ServiceItemVersion> Versions => _versions;

    public static ServiceItem Create(string code, ServiceGuide firstDraft, string actor, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 40 || code.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            throw new DomainRuleException("catalog.code-invalid", "事项编码只能包含字母、数字、连字符，最长 40 位。");
        }
        var item = new ServiceItem { Id = Guid.CreateVersion7(now), Code = code.Trim(), DepartmentId = firstDraft.DepartmentId, CreatedAt = now };
        item._versions.Add(ServiceItemVersion.NewDraft(item, 1, firstDraft, actor, now, "新建事项"));
        return item;
    }

    public ServiceItemVersion? Published => _versions.FirstOrDefault(v => v.Status == VersionStatus.Published);
    public ServiceItemVersion? Draft => _versions.FirstOrDefault(v => v.Status == VersionStatus.Draft);

    /// <summary>Opens a new draft, copied from the published version (or the newest one).</summary>
    public ServiceItemVersion StartDraft(string actor, DateTime now, string? note)
    {
        if (Draft is not null)
        {
            throw new DomainRuleException("catalog.draft-exists", "该事项已有一个草稿版本，请先编辑或发布它。");
        }
        var basis = Published ?? _versions.MaxBy(v => v.VersionNumber)
            ?? throw new InvalidOperationException("An item always has a version.");
        var draft = ServiceItemVersion.NewDraft(this, _versions.Max(v => v.VersionNumber) + 1, basis.Guide, actor, now, note);
        _versions.Add(draft);
        return draft;
    }

    /// <summary>
    /// Publishes the draft: the guide must pass <see cref="GuideValidation"/>; the version in force is superseded
    /// and stays valid up to the day the new one takes effect (the instants tell which was in force when).
    /// </summary>
    public ServiceItemVersion Publish(string actor, DateTime now, DateOnly validFrom)
    {
        var draft = Draft ?? throw new DomainRuleException("catalog.no-draft", "没有待发布的草稿版本。");
        var problems = GuideValidation.Check(draft.Guide);
        if (problems.Count > 0)
        {
            throw new GuideInvalidException(problems);
        }
        Published?.MarkSuperseded(actor, now, validFrom);
        draft.MarkPublished(actor, now, validFrom);
        DepartmentId = draft.DepartmentId;
        return draft;
    }
}

/// <summary>A guide that cannot be published, with every problem found.</summary>
public sealed class GuideInvalidException(IReadOnlyList<GuideProblem> problems)
    : Exception("办事指南不完整: " + string.Join("；", problems.Select(p => p.Message)))
{
    public IReadOnlyList<GuideProblem> Problems { get; } = problems;
}
