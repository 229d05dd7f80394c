using OneWindow.Domain.Cases;

namespace OneWindow.Domain.Supervision;

/// <summary>An alert's life: raised, notified to the handler and the department, answered by them, closed by a supervisor.</summary>
public enum AlertStatus
{
    Raised = 1,    // 已触发
    Notified = 2,  // 已通知（待说明）
    Responded = 3, // 已说明/已整改（待审核）
    Closed = 4,    // 已办结
}

/// <summary>How the department answered: it explained why, or it put the matter right.</summary>
public enum AlertResponse
{
    Explained = 1, // 情况说明
    Rectified = 2, // 已整改
}

/// <summary>Who has been told: the handler first, then the department's head, then the center's leadership.</summary>
public enum EscalationLevel
{
    Handler = 0,    // 经办人
    Department = 1, // 部门负责人（首席代表）
    Leadership = 2, // 中心领导
}

/// <summary>One line of an alert's history.</summary>
public sealed record AlertEntry(DateTime At, string Actor, string Action, string? Note);

/// <summary>
/// 预警/黄牌/红牌: one supervision finding about a subject (a case; later a work order or a disclosure request), a
/// supervision notice, or a certificate reported without a case. Raised once per rule and key (a unique index),
/// notified, answered by the department with an explanation or a rectification, and reviewed by a supervisor, who
/// closes it or sends it back. Unanswered, it climbs the ladder at each escalation time.
/// </summary>
public sealed class SupervisionAlert
{
    private SupervisionAlert() { }

    public Guid Id { get; private set; }
    public SupervisionRule Rule { get; private set; }
    public AlertSeverity Severity { get; private set; }
    /// <summary>What the finding is about, unique with the rule: the subject or a part of it (<c>case/{id}/node/2</c>), <c>notice/{id}</c>, <c>certificate/{number}</c>.</summary>
    public string Key { get; private set; } = "";
    // The subject the alert is about, as it was when the alert was raised; none for a certificate's alert and for a
    // notice about a matter of a department. Its department, venue and region are the alert's own.
    public SubjectKind? SubjectKind { get; private set; }
    public Guid? SubjectId { get; private set; }
    public string? SubjectNumber { get; private set; }
    public string? SubjectTitle { get; private set; }
    public Guid? NoticeId { get; private set; }
    public Guid DepartmentId { get; private set; }
    public Guid? VenueId { get; private set; }
    public string RegionCode { get; private set; } = "";
    /// <summary>The person who had the subject in hand when the rule fired, if anyone.</summary>
    public string? HandlerId { get; private set; }
    public string? HandlerName { get; private set; }
    public string Detail { get; private set; } = "";
    public DateTime TriggeredAt { get; private set; }
    public DateTime RaisedAt { get; private set; }
    public AlertStatus Status { get; private set; }
    public EscalationLevel Level { get; private set; }
    /// <summary>When the alert climbs to the next rung if still unanswered; null once answered or at the top.</summary>
    public DateTime? EscalateAt { get; private set; }
    public DateTime? NotifiedAt { get; private set; }
    public AlertResponse? Response { get; private set; }
    public string? ResponseText { get; private set; }
    public string? RespondedBy { get; private set; }
    public DateTime? RespondedAt { get; private set; }
    public string? ReviewNote { get; private set; }
    public string? ClosedBy { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public IReadOnlyList<AlertEntry> History { get; private set; } = [];
    public int Revision { get; private set; }

    public bool IsOpen => Status != AlertStatus.Closed;

    /// <summary>The subject the alert is about, if any.</summary>
    public SupervisedSubject? Subject => SubjectKind is { } kind && SubjectId is { } id
        ? new SupervisedSubject(kind, id, SubjectNumber ?? "", SubjectTitle, DepartmentId, VenueId, RegionCode)
        : null;

    /// <summary>The case the alert is about, if its subject is a case.</summary>
    public Guid? CaseId => IsAboutCase ? SubjectId : null;

    public string? CaseNumber => IsAboutCase ? SubjectNumber : null;

    /// <summary>The name of the item of the case the alert is about.</summary>
    public string? ItemName => IsAboutCase ? SubjectTitle : null;

    private bool IsAboutCase => SubjectKind == Supervision.SubjectKind.Case;

    /// <summary>A reminder goes to the handler; a yellow or red card is an order to the department (docs/domain.md §5.3, the ladder).</summary>
    public static EscalationLevel FirstRung(AlertSeverity severity) => severity == AlertSeverity.Reminder ? EscalationLevel.Handler : EscalationLevel.Department;

    /// <summary>
    /// Raises an alert about a subject, for the department that answers for it; <paramref name="handlerId"/> and
    /// <paramref name="handlerName"/> name whoever has it in hand. The finding must be about this subject (its key
    /// within the subject's), so that one subject's alert can never stand in the place of another's.
    /// </summary>
    public static SupervisionAlert About(SupervisedSubject subject, AlertCandidate candidate, AlertSeverity severity, string? handlerId, string? handlerName,
        DateTime now, DateTime? escalateAt)
    {
        if (!subject.Owns(candidate.Key))
        {
            throw new ArgumentException($"The finding {candidate.Key} is not about {subject.Key()}.", nameof(candidate));
        }
        return Raise(candidate, severity, now, escalateAt, a =>
        {
            a.SetSubject(subject.Kind, subject.Id, subject.Number, subject.Title);
            a.DepartmentId = subject.DepartmentId;
            a.VenueId = subject.VenueId;
            a.RegionCode = subject.RegionCode;
            a.HandlerId = handlerId;
            a.HandlerName = handlerName;
        });
    }

    /// <summary>Raises an alert about a case, with whoever has it in hand.</summary>
    public static SupervisionAlert ForCase(AlertCandidate candidate, AlertSeverity severity, Case c, DateTime now, DateTime? escalateAt) =>
        About(SupervisedSubject.Of(c), candidate, severity, c.AssigneeId, c.AssigneeName, now, escalateAt);

    /// <summary>Raises the red card of a supervision notice not answered by its date; it is about the notice's subject, if any.</summary>
    public static SupervisionAlert ForNotice(SupervisionNotice notice, AlertSeverity severity, DateTime triggeredAt, DateTime now, DateTime? escalateAt) =>
        Raise(new AlertCandidate(SupervisionRule.NoticeUnanswered, $"notice/{notice.Id:N}", triggeredAt, $"督办单 {notice.Number} 未在 {notice.ReplyDueDate:yyyy-MM-dd} 前回复"),
            severity, now, escalateAt, a =>
            {
                a.NoticeId = notice.Id;
                if (notice.SubjectKind is { } kind && notice.SubjectId is { } id)
                {
                    a.SetSubject(kind, id, notice.SubjectNumber ?? "", null);
                }
                a.DepartmentId = notice.DepartmentId;
                a.RegionCode = notice.RegionCode;
            });

    /// <summary>
    /// Raises the red card of a certificate without a granted case behind it. It is about the certificate, not about
    /// a subject: the case number the department named, if any, is in the detail.
    /// </summary>
    public static SupervisionAlert ForCertificate(AlertCandidate candidate, AlertSeverity severity, IssuedCertificate certificate, DateTime now, DateTime? escalateAt) =>
        Raise(candidate, severity, now, escalateAt, a =>
        {
            a.DepartmentId = certificate.DepartmentId;
            a.RegionCode = certificate.RegionCode;
        });

    private void SetSubject(SubjectKind kind, Guid id, string number, string? title)
    {
        SubjectKind = kind;
        SubjectId = id;
        SubjectNumber = number.Length > SupervisedSubject.MaxNumberLength ? number[..SupervisedSubject.MaxNumberLength] : number;
        SubjectTitle = title is { Length: > SupervisedSubject.MaxTitleLength } ? title[..SupervisedSubject.MaxTitleLength] : title;
    }

    private static SupervisionAlert Raise(AlertCandidate candidate, AlertSeverity severity, DateTime now, DateTime? escalateAt, Action<SupervisionAlert> about)
    {
        var a = new SupervisionAlert
        {
            Id = Guid.CreateVersion7(now),
            Rule = candidate.Rule,
            Severity = severity,
            Key = candidate.Key,
            Detail = candidate.Detail.Length > 1000 ? candidate.Detail[..1000] : candidate.Detail,
            TriggeredAt = candidate.TriggeredAt,
            RaisedAt = now,
            Status = AlertStatus.Raised,
            Level = FirstRung(severity),
            EscalateAt = escalateAt,
        };
        about(a);
        a.Log(now, "系统", "raised", a.Detail);
        return a;
    }

    /// <summary>The handler and the department have been told (in the workbench and by SMS).</summary>
    public void MarkNotified(int recipients, DateTime now)
    {
        if (Status == AlertStatus.Raised)
        {
            Status = AlertStatus.Notified;
            NotifiedAt = now;
        }
        Log(now, "系统", "notified", $"{recipients} 人");
    }

    /// <summary>Unanswered by its escalation time: the next rung is told; at the top it stays there.</summary>
    public void Escalate(DateTime now, DateTime? nextEscalateAt)
    {
        if (Status is not (AlertStatus.Raised or AlertStatus.Notified) || Level == EscalationLevel.Leadership)
        {
            throw new DomainRuleException("alert.not-escalatable", "该预警已答复或已升至最高一级。");
        }
        Level++;
        EscalateAt = Level == EscalationLevel.Leadership ? null : nextEscalateAt;
        Log(now, "系统", "escalated", Level.ToString());
    }

    /// <summary>The department explains the delay or reports the rectification.</summary>
    public void Respond(AlertResponse response, string text, Actor actor, DateTime now)
    {
        if (Status is not (AlertStatus.Raised or AlertStatus.Notified))
        {
            throw new DomainRuleException("alert.not-awaiting-response", "该预警当前不需要说明或整改。");
        }
        if (!Enum.IsDefined(response))
        {
            throw new DomainRuleException("alert.response-invalid", "请选择情况说明或整改报告。", "response");
        }
        Response = response;
        ResponseText = Required(text, "请写明情况说明或整改情况。", "text");
        RespondedBy = actor.Name;
        RespondedAt = now;
        Status = AlertStatus.Responded;
        EscalateAt = null;
        Log(now, actor.Name, response == AlertResponse.Rectified ? "rectified" : "explained", ResponseText);
    }

    /// <summary>A supervisor accepts the answer and closes the alert.</summary>
    public void Close(string? note, Actor supervisor, DateTime now)
    {
        if (Status != AlertStatus.Responded)
        {
            throw new DomainRuleException("alert.not-responded", "部门尚未说明或整改，不能办结。");
        }
        ReviewNote = string.IsNullOrWhiteSpace(note) ? null : Trim(note, "note");
        ClosedBy = supervisor.Name;
        ClosedAt = now;
        Status = AlertStatus.Closed;
        Log(now, supervisor.Name, "closed", ReviewNote);
    }

    /// <summary>
    /// A reminder whose deadline was then met (the case was decided in time): nothing is left to explain, so it closes
    /// by itself instead of waiting on the department and costing it points. The history says why.
    /// </summary>
    public void CloseAsMet(string reason, DateTime now)
    {
        if (Severity != AlertSeverity.Reminder || Status is not (AlertStatus.Raised or AlertStatus.Notified))
        {
            throw new DomainRuleException("alert.not-a-pending-reminder", "只有待说明的提醒可以自动关闭。");
        }
        ReviewNote = reason;
        ClosedBy = "系统";
        ClosedAt = now;
        EscalateAt = null;
        Status = AlertStatus.Closed;
        Log(now, "系统", "closed-met", reason);
    }

    /// <summary>A supervisor finds the answer insufficient: the department must answer again, and the ladder runs again.</summary>
    public void SendBack(string note, Actor supervisor, DateTime now, DateTime? escalateAt)
    {
        if (Status != AlertStatus.Responded)
        {
            throw new DomainRuleException("alert.not-responded", "部门尚未说明或整改。");
        }
        ReviewNote = Required(note, "退回须写明理由。", "note");
        Status = AlertStatus.Notified;
        EscalateAt = Level == EscalationLevel.Leadership ? null : escalateAt;
        Log(now, supervisor.Name, "sent-back", ReviewNote);
    }

    private void Log(DateTime now, string actor, string action, string? note)
    {
        History = [.. History, new AlertEntry(now, actor, action, note)];
        Revision++;
    }

    private static string Required(string? text, string message, string field) =>
        string.IsNullOrWhiteSpace(text) ? throw new DomainRuleException("alert.text-required", message, field) : Trim(text, field);

    /// <summary>An answer or a note fits on a page; a longer one is refused, not cut, so that nothing is lost unseen.</summary>
    private static string Trim(string text, string field)
    {
        var t = text.Trim();
        CaseInput.CheckLength(t, field, CaseInput.LongText);
        return t;
    }
}
