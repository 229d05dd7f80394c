using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;

namespace OneWindow.Domain.Supervision;

public enum NoticeStatus
{
    Issued = 1,  // 已下发，待回复
    Replied = 2, // 已回复，待审核
    Closed = 3,  // 已办结
}

/// <summary>
/// 督办单: a supervisor orders a department to act on a subject of its own (a case; later a work order or a request)
/// or on a matter of the department, and to reply by a date counted in working days. Not answered by then, it raises
/// a red card.
/// </summary>
public sealed class SupervisionNotice
{
    public const int MaxReplyWorkingDays = 30;

    private SupervisionNotice() { }

    public Guid Id { get; private set; }
    public string Number { get; private set; } = "";
    public Guid DepartmentId { get; private set; }
    public string RegionCode { get; private set; } = "";
    // The subject the notice is about, if any.
    public SubjectKind? SubjectKind { get; private set; }
    public Guid? SubjectId { get; private set; }
    public string? SubjectNumber { get; private set; }
    public string Title { get; private set; } = "";
    public string Requirement { get; private set; } = "";
    public string IssuedBy { get; private set; } = "";
    public DateTime IssuedAt { get; private set; }
    public DateOnly ReplyDueDate { get; private set; }
    /// <summary>The end of the reply day (the sweep watches it while the notice is unanswered).</summary>
    public DateTime ReplyDueAt { get; private set; }
    public NoticeStatus Status { get; private set; }
    public string? Reply { get; private set; }
    public string? RepliedBy { get; private set; }
    public DateTime? RepliedAt { get; private set; }
    public string? CloseNote { get; private set; }
    public string? ClosedBy { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public int Revision { get; private set; }

    public bool RepliedLate => RepliedAt is { } at && at >= ReplyDueAt;

    /// <summary>The case the notice is about, if its subject is a case.</summary>
    public Guid? CaseId => IsAboutCase ? SubjectId : null;

    public string? CaseNumber => IsAboutCase ? SubjectNumber : null;

    private bool IsAboutCase => SubjectKind == Supervision.SubjectKind.Case;

    /// <param name="about">The subject the notice is about, which must be the department's own; none for a matter of the department.</param>
    public static SupervisionNotice Issue(string number, Guid departmentId, string regionCode, SupervisedSubject? about, string title, string requirement,
        int replyWorkingDays, Actor supervisor, DateTime now, WorkingDayCalendar calendar)
    {
        if (replyWorkingDays is < 1 or > MaxReplyWorkingDays)
        {
            throw new DomainRuleException("notice.reply-days", $"回复期限应为 1–{MaxReplyWorkingDays} 个工作日。", "replyWorkingDays");
        }
        if (about is not null && about.DepartmentId != departmentId)
        {
            throw new DomainRuleException("notice.department-mismatch", "督办的案件不属于所选部门。", "departmentId");
        }
        var due = LegalClock.Due(calendar, now, replyWorkingDays);
        return new SupervisionNotice
        {
            Id = Guid.CreateVersion7(now),
            Number = number,
            DepartmentId = departmentId,
            RegionCode = regionCode,
            SubjectKind = about?.Kind,
            SubjectId = about?.Id,
            SubjectNumber = about?.Number,
            Title = Text(title, 200, "请填写督办事由。", "title"),
            Requirement = Text(requirement, 2000, "请写明督办要求。", "requirement"),
            IssuedBy = supervisor.Name,
            IssuedAt = now,
            ReplyDueDate = due.DueDate!.Value,
            ReplyDueAt = due.DueAtUtc!.Value,
            Status = NoticeStatus.Issued,
            Revision = 1,
        };
    }

    /// <summary>The department replies with what it did (late replies are accepted and remain marked late).</summary>
    public void Answer(string reply, Actor actor, DateTime now)
    {
        if (Status != NoticeStatus.Issued)
        {
            throw new DomainRuleException("notice.not-awaiting-reply", "该督办单已回复。");
        }
        Reply = Text(reply, 2000, "请填写回复内容。", "reply");
        RepliedBy = actor.Name;
        RepliedAt = now;
        Status = NoticeStatus.Replied;
        Revision++;
    }

    /// <summary>The supervisor accepts the reply and closes the notice.</summary>
    public void Close(string? note, Actor supervisor, DateTime now)
    {
        if (Status != NoticeStatus.Replied)
        {
            throw new DomainRuleException("notice.not-replied", "部门尚未回复，不能办结。");
        }
        CloseNote = string.IsNullOrWhiteSpace(note) ? null : Text(note, 2000, "", "note");
        ClosedBy = supervisor.Name;
        ClosedAt = now;
        Status = NoticeStatus.Closed;
        Revision++;
    }

    /// <summary>Whether the notice is unanswered past its date (or was answered late).</summary>
    public bool IsLate(DateTime now, int graceWorkingDays, WorkingDayCalendar calendar) =>
        (RepliedAt ?? now) >= CaseSupervision.After(calendar, ReplyDueAt, graceWorkingDays);

    private static string Text(string? text, int max, string message, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException("notice.text-required", message, field);
        }
        var t = text.Trim();
        return t.Length > max ? throw new DomainRuleException("notice.text-too-long", $"内容请在 {max} 字以内。", field) : t;
    }
}
