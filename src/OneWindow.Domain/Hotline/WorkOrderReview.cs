using OneWindow.Domain.Calendar;

namespace OneWindow.Domain.Hotline;

/// <summary>审核, 回访, 重办 and closing: the center's part of the loop after the reply (济南 §27, 潍坊 §25).</summary>
public sealed partial class WorkOrder
{
    /// <summary>
    /// 审核: the center accepts the reply, and the callback is due within its limit; or sends it back for rework with
    /// the reason, and the unit handles it again under the same limit.
    /// </summary>
    public void Review(bool accept, string? reason, HotlineLimit callback, WorkingDayCalendar calendar, HotlineParty by, DateTime now)
    {
        RequireCenter(by, "review");
        RequireStatus("hotline.not-replied", "只有已答复的工单可以审核。", WorkOrderStatus.Replied);
        if (accept)
        {
            CallbackDueAt = callback.DueFrom(now, calendar);
            Move(by, now, "reply-accepted", WorkOrderStatus.AwaitingCallback, Optional(reason, MaxNoteLength, "reason"), new { callbackDueAt = CallbackDueAt });
            return;
        }
        var why = Required(reason, MaxNoteLength, "退回重办须说明理由。", "reason");
        SendBackCount++;
        RepliedAt = null;
        Move(by, now, "reply-sent-back", WorkOrderStatus.Handling, why, new { sendBacks = SendBackCount });
    }

    /// <summary>
    /// 回访: whether the matter was resolved and how satisfied the caller is; by the center's call or SMS, or by the caller
    /// online (<see cref="HotlineParty.Caller"/>). Satisfied or fairly satisfied concludes the order; unsatisfied leaves it
    /// to the center to reopen or close.
    /// </summary>
    public void RecordCallback(CallbackMethod method, bool resolved, Satisfaction satisfaction, string? note, HotlineParty by, DateTime now)
    {
        if (method == Hotline.CallbackMethod.Online ? by.IsCenter || by.UnitId is not null : !by.IsCenter)
        {
            throw new ActionNotAllowedException("hotline.callback-not-allowed", "回访由热线中心进行；来电人可在网上评价。");
        }
        RequireStatus("hotline.not-awaiting-callback", "只有答复已审核、待回访的工单可以回访或评价。", WorkOrderStatus.AwaitingCallback);
        if (!Enum.IsDefined(method) || !Enum.IsDefined(satisfaction))
        {
            throw new DomainRuleException("hotline.satisfaction-invalid", "请选择满意程度：满意、基本满意或不满意。", "satisfaction");
        }
        CallbackMethod = method;
        Resolved = resolved;
        Satisfaction = satisfaction;
        CalledBackAt = now;
        var text = Optional(note, MaxNoteLength, "note");
        if (satisfaction == Hotline.Satisfaction.Unsatisfied)
        {
            Move(by, now, "called-back", WorkOrderStatus.Unsatisfied, text, new { method, resolved, satisfaction });
            return;
        }
        ConcludedAt = now;
        Move(by, now, "called-back", WorkOrderStatus.Concluded, text, new { method, resolved, satisfaction });
    }

    /// <summary>
    /// 重办: an unsatisfied caller's order goes back to the same lead unit, counted, with a new handling period of the
    /// same limit from now.
    /// </summary>
    public void Reopen(string reason, WorkingDayCalendar calendar, HotlineParty by, DateTime now)
    {
        RequireCenter(by, "reopen");
        RequireStatus("hotline.not-unsatisfied", "只有回访不满意的工单可以重办。", WorkOrderStatus.Unsatisfied);
        var why = Required(reason, MaxNoteLength, "重办须说明理由。", "reason");
        ReopenCount++;
        HandlingFrom = now;
        ExtendedWorkingDays = 0;
        DueAt = HandlingLimit.DueFrom(now, calendar);
        ReplyResult = null;
        ReplyText = null;
        ReplyPlan = null;
        RepliedAt = null;
        CallbackDueAt = null;
        CalledBackAt = null;
        CallbackMethod = null;
        Resolved = null;
        Satisfaction = null;
        Move(by, now, "reopened", WorkOrderStatus.Handling, why, new { reopens = ReopenCount, dueAt = DueAt });
    }

    /// <summary>
    /// 办结 by the center with its review note: an unsatisfied caller's order judged properly handled, or one whose
    /// caller cannot be called back (anonymous, unreachable).
    /// </summary>
    public void Close(string note, HotlineParty by, DateTime now)
    {
        RequireCenter(by, "close");
        RequireStatus("hotline.not-closable", "只有待回访或回访不满意的工单可以由中心办结。", WorkOrderStatus.Unsatisfied, WorkOrderStatus.AwaitingCallback);
        ClosingNote = Required(note, MaxNoteLength, "中心办结须写明审核意见。", "note");
        ConcludedAt = now;
        Move(by, now, "closed", WorkOrderStatus.Concluded, ClosingNote, null);
    }
}
