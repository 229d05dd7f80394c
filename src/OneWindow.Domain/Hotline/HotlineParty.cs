using OneWindow.Domain.Cases;

namespace OneWindow.Domain.Hotline;

/// <summary>
/// Who acts on a work order: the hotline center (its operators, <see cref="StaffRoles.HotlineOperator"/>), a unit's
/// staff acting for their department (<see cref="UnitId"/>), or the caller rating online. The order checks which of
/// them may take each action: the center dispatches, rules, reviews, calls back and closes; the lead unit signs,
/// objects, handles and replies; a co-handler adds its contribution.
/// </summary>
public sealed record HotlineParty(Actor Actor, bool IsCenter, Guid? UnitId)
{
    public static HotlineParty Center(Actor actor) => new(actor, true, null);

    public static HotlineParty Unit(Actor actor, Guid departmentId) => new(actor, false, departmentId);

    /// <summary>The caller (or anyone holding the order number and the phone's last four digits), rating online.</summary>
    public static HotlineParty Caller { get; } = new(new Actor("public", "来电人", "Public"), false, null);
}

/// <summary>
/// A node of the configurable category tree (诉求分类): a code, a name, its parent, the unit that handles its matters
/// by default, the working days a law gives them when longer than the type's limit, and for the systems that send
/// requests (Open311) a description, search keywords and what the category asks for beyond the content (<see cref="Attributes"/>).
/// </summary>
public sealed class HotlineCategory
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public string? ParentCode { get; set; }
    public Guid? DefaultUnitId { get; set; }
    public int? HandlingWorkingDays { get; set; }
    public int SortOrder { get; set; }
    public bool Active { get; set; } = true;
    /// <summary>What the category covers, for a person choosing it in another system.</summary>
    public string? Description { get; private set; }
    /// <summary>Other words for it, comma-separated (Open311's keywords).</summary>
    public string? Keywords { get; private set; }
    /// <summary>What the category asks for beyond the content and the place, in order (Open311's service definition).</summary>
    public IReadOnlyList<CategoryQuestion> Attributes { get; private set; } = [];

    public const int MaxCodeLength = 20;
    public const int MaxNameLength = 60;
    public const int MaxDescriptionLength = 200;
    public const int MaxKeywordsLength = 200;

    /// <summary>Sets the description, the keywords and the attributes the category asks for (each checked).</summary>
    public void Describe(string? description, string? keywords, IReadOnlyList<CategoryQuestion>? attributes)
    {
        description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        keywords = string.IsNullOrWhiteSpace(keywords) ? null : keywords.Trim();
        if (description?.Length > MaxDescriptionLength)
        {
            throw new DomainRuleException("hotline.category-description-too-long", "分类说明不超过 200 字。", "description");
        }
        if (keywords?.Length > MaxKeywordsLength)
        {
            throw new DomainRuleException("hotline.category-keywords-too-long", "关键词不超过 200 字。", "keywords");
        }
        Attributes = CategoryQuestion.Validate(attributes);
        Description = description;
        Keywords = keywords;
    }

    public static HotlineCategory Create(string code, string name, string? parentCode, Guid? defaultUnitId, int? handlingWorkingDays, int sortOrder)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Trim().Length > MaxCodeLength || !code.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c == '.'))
        {
            throw new DomainRuleException("hotline.category-code-invalid", "分类编码只能由字母、数字和点组成，20 位以内。", "code");
        }
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
        {
            throw new DomainRuleException("hotline.category-name-invalid", "请填写分类名称（60 字以内）。", "name");
        }
        if (handlingWorkingDays is { } d && d is < 1 or > 365)
        {
            throw new DomainRuleException("hotline.category-limit-invalid", "办理时限应在 1–365 个工作日之间。", "handlingWorkingDays");
        }
        return new HotlineCategory
        {
            Code = code.Trim(), Name = name.Trim(), ParentCode = parentCode, DefaultUnitId = defaultUnitId, HandlingWorkingDays = handlingWorkingDays,
            SortOrder = sortOrder,
        };
    }
}
