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
    public string? ParentCode { get; private set; }
    public Guid? DefaultUnitId { get; private set; }
    public int? HandlingWorkingDays { get; private set; }
    public int SortOrder { get; private set; }
    public bool Active { get; private set; } = true;
    /// <summary>What the category covers, for a person choosing it in another system.</summary>
    public string? Description { get; private set; }
    /// <summary>Other words for it, comma-separated (Open311's keywords).</summary>
    public string? Keywords { get; private set; }
    /// <summary>What the category asks for beyond the content and the place, in order (Open311's service definition).</summary>
    public IReadOnlyList<CategoryQuestion> Attributes { get; private set; } = [];

    /// <summary>Optimistic concurrency token: an edit names the revision it was made on (a stale one is refused, never overwrites).</summary>
    public int Revision { get; private set; }

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
        return new HotlineCategory
        {
            Code = code.Trim(), Name = CheckedName(name), ParentCode = parentCode, DefaultUnitId = defaultUnitId, HandlingWorkingDays = CheckedDays(handlingWorkingDays),
            SortOrder = CheckedSort(sortOrder),
        };
    }

    /// <summary>
    /// 修改分类: renames it, sets its default handling unit, the working days its law gives (none: the type's limit) and
    /// its place among its siblings. The code never changes, so the orders filed under the category keep it.
    /// </summary>
    public void Edit(string name, Guid? defaultUnitId, int? handlingWorkingDays, int sortOrder)
    {
        Name = CheckedName(name);
        DefaultUnitId = defaultUnitId;
        HandlingWorkingDays = CheckedDays(handlingWorkingDays);
        SortOrder = CheckedSort(sortOrder);
        Revision++;
    }

    /// <summary>
    /// 移动分类: under another group (<paramref name="parent"/>), or to the top as a group itself (null). The tree has two
    /// levels, groups and the categories orders are filed under: the new parent must be an active group other than the
    /// category, and a group that still has categories under it cannot move under another.
    /// </summary>
    public void MoveUnder(HotlineCategory? parent, bool hasChildren)
    {
        if (parent is not null)
        {
            if (parent.Code == Code || parent.ParentCode is not null || !parent.Active)
            {
                throw new DomainRuleException("hotline.category-parent-invalid", "上级分类须是另一个在用的一级分类。", "parentCode");
            }
            if (hasChildren)
            {
                throw new DomainRuleException("hotline.category-has-children", "该分类下还有下级分类，不能移到其他分类之下；请先移走其下级分类。", "parentCode");
            }
        }
        if (ParentCode == parent?.Code)
        {
            return;
        }
        ParentCode = parent?.Code;
        Revision++;
    }

    /// <summary>
    /// 停用 / 启用: a retired category takes no new orders and leaves the pick lists and Open311's services; the orders filed
    /// under it keep it and are shown with its name. A group is retired only when nothing under it is still in use, and a
    /// category is restored only under a group in use.
    /// </summary>
    public void SetActive(bool active, bool hasActiveChildren, HotlineCategory? parent)
    {
        if (Active == active)
        {
            throw new DomainRuleException(active ? "hotline.category-active" : "hotline.category-retired", active ? "该分类已在用。" : "该分类已停用。");
        }
        if (!active && hasActiveChildren)
        {
            throw new DomainRuleException("hotline.category-has-children", "该分类下还有在用的下级分类，请先停用或移走它们。");
        }
        if (active && parent is { Active: false })
        {
            throw new DomainRuleException("hotline.category-parent-retired", "上级分类已停用，请先启用上级分类或把该分类移到在用的分类之下。");
        }
        Active = active;
        Revision++;
    }

    private static string CheckedName(string? name) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength
            ? throw new DomainRuleException("hotline.category-name-invalid", "请填写分类名称（60 字以内）。", "name")
            : name.Trim();

    private static int? CheckedDays(int? days) =>
        days is { } d && d is < 1 or > 365
            ? throw new DomainRuleException("hotline.category-limit-invalid", "办理时限应在 1–365 个工作日之间。", "handlingWorkingDays")
            : days;

    private static int CheckedSort(int sortOrder) =>
        sortOrder is < 0 or > 9999 ? throw new DomainRuleException("hotline.category-sort-invalid", "排序号应在 0–9999 之间。", "sortOrder") : sortOrder;
}
