namespace OneWindow.Domain.Knowledge;

/// <summary>Whether operators find an entry: published entries are searched; a withdrawn one stays readable but is not offered.</summary>
public enum KnowledgeStatus
{
    Published = 0,
    Withdrawn = 1,
}

/// <summary>
/// Who writes the knowledge base: the hotline center (any department's entries) or a department's staff (their own
/// department's entries only).
/// </summary>
public sealed record KnowledgeAuthor(string Name, bool IsCenter, Guid? DepartmentId)
{
    public bool MayWrite(Guid owner) => IsCenter || DepartmentId == owner;
}

/// <summary>What an editor sends: the question and answer, where the entry belongs, its owner and when it is to be reviewed.</summary>
public sealed record KnowledgeDraft(
    string? Question,
    string? Answer,
    string? CategoryCode,
    Guid DepartmentId,
    string? ServiceItemCode,
    IReadOnlyList<string>? Keywords,
    DateOnly ReviewDue,
    string? Note = null);

/// <summary>
/// 知识库条目: a question callers ask and the answer the operator gives on the line, with the category of the hotline's
/// tree it belongs to, the owning department (which keeps it true), an optional service item, keywords, and the day it
/// must be reviewed by. Every edit makes a new version (<see cref="KnowledgeEntryVersion"/>, the old ones stay
/// readable); <see cref="Revision"/> is the concurrency token (the module refuses an edit made on a stale one). <see cref="UseCount"/> counts the orders closed on the spot with it.
/// </summary>
public sealed class KnowledgeEntry
{
    public const int MaxQuestionLength = 200, MaxAnswerLength = 2000, MaxKeywords = 10, MaxKeywordLength = 20, MaxNoteLength = 200;
    public const int MaxItemCodeLength = 40, MaxCategoryCodeLength = 20;
    /// <summary>The longest a review may be put off: a year from the edit.</summary>
    public const int MaxReviewDays = 366;

    public Guid Id { get; private set; }
    public string Question { get; private set; } = "";
    public string Answer { get; private set; } = "";
    public string CategoryCode { get; private set; } = "";
    public Guid DepartmentId { get; private set; }
    public string? ServiceItemCode { get; private set; }
    /// <summary>The keywords, separated by '|'.</summary>
    public string Keywords { get; private set; } = "";
    public DateOnly ReviewDue { get; private set; }
    public KnowledgeStatus Status { get; private set; }
    public int Version { get; private set; }
    public int Revision { get; private set; }
    public int UseCount { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";

    public IReadOnlyList<string> KeywordList => Keywords.Length == 0 ? [] : Keywords.Split('|');

    /// <summary>Past its review day: flagged on the list and to its owner until someone reviews it (an edit with a new day).</summary>
    public bool IsDueForReview(DateOnly today) => Status == KnowledgeStatus.Published && ReviewDue < today;

    /// <summary>A new entry, published at once, with its first version.</summary>
    public static (KnowledgeEntry Entry, KnowledgeEntryVersion Version) Create(KnowledgeDraft draft, KnowledgeAuthor by, DateTime now, DateOnly today)
    {
        var entry = new KnowledgeEntry { Id = Guid.CreateVersion7(now), CreatedAt = now, Status = KnowledgeStatus.Published };
        var version = entry.Apply(draft, by, now, today);
        return (entry, version);
    }

    /// <summary>
    /// An edit: a new version with the draft's content; refused when the entry belongs to another department.
    /// </summary>
    public KnowledgeEntryVersion Edit(KnowledgeDraft draft, KnowledgeAuthor by, DateTime now, DateOnly today)
    {
        RequireWriter(by, DepartmentId);
        return Apply(draft, by, now, today);
    }

    /// <summary>撤回: no longer offered to operators (an answer gone out of date); it stays readable with its versions.</summary>
    public void Withdraw(KnowledgeAuthor by, DateTime now)
    {
        RequireWriter(by, DepartmentId);
        if (Status == KnowledgeStatus.Withdrawn)
        {
            throw new DomainRuleException("knowledge.already-withdrawn", "该条目已撤回。");
        }
        Status = KnowledgeStatus.Withdrawn;
        Touch(by, now);
    }

    /// <summary>重新发布 a withdrawn entry; its review day must not have passed (review it with an edit first).</summary>
    public void Publish(KnowledgeAuthor by, DateTime now, DateOnly today)
    {
        RequireWriter(by, DepartmentId);
        if (Status == KnowledgeStatus.Published)
        {
            throw new DomainRuleException("knowledge.already-published", "该条目已发布。");
        }
        if (ReviewDue < today)
        {
            throw new DomainRuleException("knowledge.review-overdue", "该条目已过复核日期，请先修改并设定新的复核日期再发布。");
        }
        Status = KnowledgeStatus.Published;
        Touch(by, now);
    }

    private KnowledgeEntryVersion Apply(KnowledgeDraft draft, KnowledgeAuthor by, DateTime now, DateOnly today)
    {
        RequireWriter(by, draft.DepartmentId);
        if (draft.DepartmentId == Guid.Empty)
        {
            throw new DomainRuleException("knowledge.department-required", "请选择负责维护该条目的部门。", "departmentId");
        }
        var question = Required(draft.Question, MaxQuestionLength, "请写明来电人常问的问题。", "question");
        var answer = Required(draft.Answer, MaxAnswerLength, "请写明答复口径。", "answer");
        var category = Required(draft.CategoryCode, MaxCategoryCodeLength, "请选择诉求分类。", "categoryCode");
        var item = string.IsNullOrWhiteSpace(draft.ServiceItemCode) ? null : draft.ServiceItemCode.Trim();
        if (item is not null && item.Length > MaxItemCodeLength)
        {
            throw new DomainRuleException("knowledge.item-invalid", "事项编码不正确。", "serviceItemCode");
        }
        var keywords = (draft.Keywords ?? []).Select(k => k?.Trim() ?? "").Where(k => k.Length > 0).Distinct().ToList();
        if (keywords.Count > MaxKeywords || keywords.Any(k => k.Length > MaxKeywordLength || k.Contains('|', StringComparison.Ordinal)))
        {
            throw new DomainRuleException("knowledge.keywords-invalid", $"关键词最多 {MaxKeywords} 个，每个最多 {MaxKeywordLength} 字。", "keywords");
        }
        if (draft.ReviewDue <= today || draft.ReviewDue > today.AddDays(MaxReviewDays))
        {
            throw new DomainRuleException("knowledge.review-invalid", "复核日期须在今天之后、一年之内。", "reviewDue");
        }
        var note = string.IsNullOrWhiteSpace(draft.Note) ? null : draft.Note.Trim();
        if (note is { Length: > MaxNoteLength })
        {
            throw new DomainRuleException("knowledge.note-too-long", $"修改说明最多 {MaxNoteLength} 字。", "note");
        }
        Question = question;
        Answer = answer;
        CategoryCode = category;
        DepartmentId = draft.DepartmentId;
        ServiceItemCode = item;
        Keywords = string.Join('|', keywords);
        ReviewDue = draft.ReviewDue;
        Version++;
        Touch(by, now);
        return new KnowledgeEntryVersion
        {
            EntryId = Id, Version = Version, Question = Question, Answer = Answer, CategoryCode = CategoryCode, DepartmentId = DepartmentId,
            ServiceItemCode = ServiceItemCode, Keywords = Keywords, ReviewDue = ReviewDue, EditedAt = now, EditedBy = by.Name, Note = note,
        };
    }

    private void Touch(KnowledgeAuthor by, DateTime now)
    {
        UpdatedAt = now;
        UpdatedBy = by.Name;
        Revision++;
    }

    private static void RequireWriter(KnowledgeAuthor by, Guid owner)
    {
        if (!by.MayWrite(owner))
        {
            throw new ActionNotAllowedException("knowledge.other-department", "只能维护本部门的知识库条目。");
        }
    }

    private static string Required(string? text, int max, string message, string field)
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0)
        {
            throw new DomainRuleException("knowledge." + field + "-required", message, field);
        }
        if (value.Length > max)
        {
            throw new DomainRuleException("knowledge." + field + "-too-long", $"最多 {max} 字。", field);
        }
        return value;
    }
}

/// <summary>One version of an entry as it was saved: kept, so what an operator read on a given day can be shown.</summary>
public sealed class KnowledgeEntryVersion
{
    public long Id { get; init; }
    public Guid EntryId { get; init; }
    public int Version { get; init; }
    public string Question { get; init; } = "";
    public string Answer { get; init; } = "";
    public string CategoryCode { get; init; } = "";
    public Guid DepartmentId { get; init; }
    public string? ServiceItemCode { get; init; }
    public string Keywords { get; init; } = "";
    public DateOnly ReviewDue { get; init; }
    public DateTime EditedAt { get; init; }
    public string EditedBy { get; init; } = "";
    public string? Note { get; init; }
}
