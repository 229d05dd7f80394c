using OneWindow.Domain.Calendar;

namespace OneWindow.Domain.Cases;

/// <summary>好差评: five levels; the last two are bad ratings.</summary>
public enum RatingLevel
{
    VeryDissatisfied = 1, // 非常不满意
    Dissatisfied = 2,     // 不满意
    Fair = 3,             // 基本满意
    Satisfied = 4,        // 满意
    VerySatisfied = 5,    // 非常满意
}

public enum RectificationStatus
{
    None = 0,          // a good rating: nothing to do
    Open = 1,          // 待整改: the department must call back and rectify
    Rectified = 2,     // 已整改
    AppealPending = 3, // 申诉中: the department says the rating is malicious
    AppealUpheld = 4,  // 申诉成立: the rating is set aside
}

/// <summary>
/// One rating of a concluded case through one channel. A bad rating opens a rectification for the department:
/// call the applicant back and rectify within the limit (5 working days by default), or appeal a malicious
/// rating, which a supervisor reviews.
/// </summary>
public sealed class Rating
{
    public const int DefaultRectificationWorkingDays = 5;

    /// <summary>A callback note, a rectification, an appeal or its review: a page at most.</summary>
    public const int MaxNote = 1000;

    private Rating() { }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public string CaseNumber { get; private set; } = "";
    public Guid DepartmentId { get; private set; }
    public CaseChannel Channel { get; private set; }
    public RatingLevel Level { get; private set; }
    public string? Comment { get; private set; }
    public DateTime RatedAt { get; private set; }
    public RectificationStatus Rectification { get; private set; }
    public DateTime? RectificationDueAt { get; private set; }
    public string? CallbackNote { get; private set; }
    public string? RectificationNote { get; private set; }
    public string? AppealReason { get; private set; }
    public string? AppealReview { get; private set; }
    public string? HandledBy { get; private set; }
    public DateTime? HandledAt { get; private set; }
    public int Revision { get; private set; }

    public bool IsBad => Level <= RatingLevel.Dissatisfied;

    public static Rating Rate(Case c, CaseChannel channel, RatingLevel level, string? comment, DateTime now, WorkingDayCalendar calendar, int rectificationWorkingDays = DefaultRectificationWorkingDays)
    {
        if (c.Status is not (CaseStatus.Concluded or CaseStatus.RejectedAtIntake))
        {
            throw new DomainRuleException("rating.case-not-concluded", "办结后才能评价。");
        }
        if (!Enum.IsDefined(level))
        {
            throw new DomainRuleException("rating.level-invalid", "请选择评价等级。", "level");
        }
        if (level <= RatingLevel.Dissatisfied && string.IsNullOrWhiteSpace(comment))
        {
            throw new DomainRuleException("rating.comment-required", "差评请写明不满意的原因，以便整改。", "comment");
        }
        if (comment?.Length > 500)
        {
            throw new DomainRuleException("rating.comment-too-long", "评价内容请在 500 字以内。", "comment");
        }
        var bad = level <= RatingLevel.Dissatisfied;
        return new Rating
        {
            Id = Guid.CreateVersion7(now),
            CaseId = c.Id,
            CaseNumber = c.Number,
            DepartmentId = c.DepartmentId,
            Channel = channel,
            Level = level,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            RatedAt = now,
            Rectification = bad ? RectificationStatus.Open : RectificationStatus.None,
            RectificationDueAt = bad ? LegalClock.Due(calendar, now, rectificationWorkingDays).DueAtUtc : null,
        };
    }

    /// <summary>The department called the applicant back and rectified.</summary>
    public void Rectify(string callbackNote, string rectificationNote, Actor actor, DateTime now)
    {
        if (Rectification is not (RectificationStatus.Open or RectificationStatus.AppealPending))
        {
            throw new DomainRuleException("rating.not-open", "该评价没有待整改事项。");
        }
        Require(callbackNote, "rating.callback-required", "请记录回访情况。", "callbackNote");
        Require(rectificationNote, "rating.rectification-required", "请写明整改措施。", "rectificationNote");
        CallbackNote = callbackNote.Trim();
        RectificationNote = rectificationNote.Trim();
        Rectification = RectificationStatus.Rectified;
        Handle(actor, now);
    }

    /// <summary>The department appeals a rating it holds malicious; a supervisor decides.</summary>
    public void Appeal(string reason, Actor actor, DateTime now)
    {
        if (Rectification != RectificationStatus.Open)
        {
            throw new DomainRuleException("rating.not-open", "只有待整改的差评可以申诉。");
        }
        Require(reason, "rating.appeal-reason-required", "请写明申诉理由和证据。", "reason");
        AppealReason = reason.Trim();
        Rectification = RectificationStatus.AppealPending;
        Handle(actor, now);
    }

    /// <summary>A supervisor upholds the appeal (the rating is set aside) or rejects it (the department must rectify).</summary>
    public void ReviewAppeal(bool upheld, string review, Actor supervisor, DateTime now)
    {
        if (Rectification != RectificationStatus.AppealPending)
        {
            throw new DomainRuleException("rating.no-appeal", "该评价没有待审核的申诉。");
        }
        if (supervisor.Role != StaffRoles.Supervisor)
        {
            throw new DomainRuleException("rating.review-needs-supervisor", "申诉由电子监察人员审核。");
        }
        Require(review, "rating.review-required", "请写明审核意见。", "review");
        AppealReview = review.Trim();
        Rectification = upheld ? RectificationStatus.AppealUpheld : RectificationStatus.Open;
        Handle(supervisor, now);
    }

    private void Handle(Actor actor, DateTime now)
    {
        HandledBy = actor.Name;
        HandledAt = now;
        Revision++;
    }

    /// <summary>A note of the department or the supervisor: required, and at most <see cref="MaxNote"/> characters.</summary>
    private static void Require(string? text, string code, string message, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException(code, message, field);
        }
        if (text.Trim().Length > MaxNote)
        {
            throw new DomainRuleException("rating.text-too-long", $"内容请在 {MaxNote} 字以内。", field);
        }
    }
}
