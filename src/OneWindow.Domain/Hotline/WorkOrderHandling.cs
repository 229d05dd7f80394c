using OneWindow.Domain.Calendar;

namespace OneWindow.Domain.Hotline;

/// <summary>签收, 退单 and the ruling, handling, extension and the reply: the unit's part of the loop.</summary>
public sealed partial class WorkOrder
{
    /// <summary>签收: the lead unit takes the order up. A late signature is kept as such (<see cref="SignedLate"/>).</summary>
    public void Sign(HotlineParty by, DateTime now)
    {
        RequireLead(by, "sign");
        RequireStatus("hotline.not-dispatched", "只有待签收的工单可以签收。", WorkOrderStatus.Dispatched);
        SignedAt = now;
        Move(by, now, "signed", WorkOrderStatus.Handling, null, new { late = SignedLate });
    }

    /// <summary>
    /// 退单 / 派单异议: the lead unit holds the matter outside its duties and applies to return it, with the reason
    /// (潍坊 §22). A unit the center assigned by ruling may not.
    /// </summary>
    public void RequestReturn(string reason, HotlineParty by, DateTime now)
    {
        RequireLead(by, "return");
        RequireStatus("hotline.not-dispatched", "只有待签收的工单可以申请退单。", WorkOrderStatus.Dispatched);
        if (AssignedByRuling)
        {
            throw new DomainRuleException("hotline.assigned-by-ruling", "该工单已由热线中心指定承办，不能再次退回。");
        }
        ReturnReason = Required(reason, MaxNoteLength, "申请退单须说明理由（为何不属于本单位职责）。", "reason");
        ReturnCount++;
        Move(by, now, "return-requested", WorkOrderStatus.ReturnRequested, ReturnReason, new { returns = ReturnCount });
    }

    /// <summary>
    /// The center's ruling on an objection: re-dispatch to another unit (which may object in its turn), or assign a unit
    /// by ruling (the same one or another), which then cannot return it again. The limits start again from the ruling.
    /// </summary>
    public void RuleOnReturn(ReturnRuling ruling, Guid leadUnitId, IReadOnlyCollection<Guid> coHandlerIds, string note, HotlineLimit sign, HotlineLimit handling,
        WorkingDayCalendar calendar, HotlineParty by, DateTime now)
    {
        RequireCenter(by, "rule");
        RequireStatus("hotline.no-return-request", "该工单没有待裁定的退单申请。", WorkOrderStatus.ReturnRequested);
        if (!Enum.IsDefined(ruling))
        {
            throw new DomainRuleException("hotline.ruling-invalid", "请选择裁定结果：改派或指定承办。", "ruling");
        }
        var why = Required(note, MaxNoteLength, "请写明裁定意见。", "note");
        if (ruling == ReturnRuling.Redispatch && leadUnitId == LeadUnitId)
        {
            throw new DomainRuleException("hotline.redispatch-same-unit", "改派须选择另一个主办单位；维持原单位请选择“指定承办”。", "leadUnitId");
        }
        var previous = LeadUnitId;
        AssignUnits(leadUnitId, coHandlerIds, sign, handling, calendar, now);
        AssignedByRuling = ruling == ReturnRuling.AssignByRuling;
        Move(by, now, ruling == ReturnRuling.AssignByRuling ? "assigned-by-ruling" : "redispatched", WorkOrderStatus.Dispatched, why,
            new { previous, ruling, dispatch = DispatchData() });
    }

    /// <summary>联系来电人: recorded with what was said, whether the caller was reached or not.</summary>
    public void ContactCaller(bool reached, string note, HotlineParty by, DateTime now)
    {
        RequireLead(by, "contact");
        RequireStatus("hotline.not-handling", "工单签收后才能联系来电人。", WorkOrderStatus.Handling);
        Append(by, now, "caller-contacted", Status, Required(note, MaxNoteLength, "请记录联系的情况。", "note"), new { reached });
    }

    /// <summary>办理进展: a note on the record.</summary>
    public void AddProgress(string note, HotlineParty by, DateTime now)
    {
        RequireLead(by, "progress");
        RequireStatus("hotline.not-handling", "工单签收后才能记录办理进展。", WorkOrderStatus.Handling);
        Append(by, now, "progress", Status, Required(note, MaxNoteLength, "请写明办理进展。", "note"), null);
    }

    /// <summary>协办意见: a co-handler's contribution to the lead unit, while the order is with it.</summary>
    public void Contribute(string contribution, HotlineParty by, DateTime now)
    {
        if (by.IsCenter || by.UnitId is not { } unit || CoHandlers.All(c => c.UnitId != unit))
        {
            throw new ActionNotAllowedException("hotline.co-handler-only", "只有协办单位可以提交协办意见。");
        }
        RequireStatus("hotline.not-handling", "工单在主办单位办理期间才能提交协办意见。", WorkOrderStatus.Dispatched, WorkOrderStatus.Handling);
        var text = Required(contribution, MaxNoteLength, "请写明协办意见。", "contribution");
        CoHandlers = [.. CoHandlers.Select(c => c.UnitId == unit ? c with { Contribution = text, ContributedAt = now } : c)];
        Append(by, now, "contributed", Status, text, null);
    }

    /// <summary>延期申请: more working days, with the reason; one request waits for the center at a time.</summary>
    public void RequestExtension(int workingDays, string reason, HotlineParty by, DateTime now)
    {
        RequireLead(by, "extend");
        RequireStatus("hotline.not-handling", "工单签收后、答复前才能申请延期。", WorkOrderStatus.Handling);
        if (HasPendingExtension)
        {
            throw new DomainRuleException("hotline.extension-pending", "已有延期申请待热线中心审批。");
        }
        if (workingDays is < 1 or > 30)
        {
            throw new DomainRuleException("hotline.extension-days-invalid", "延期天数应在 1–30 个工作日之间。", "workingDays");
        }
        ExtensionReason = Required(reason, MaxNoteLength, "申请延期须说明理由。", "reason");
        ExtensionRequestedDays = workingDays;
        Append(by, now, "extension-requested", Status, ExtensionReason, new { workingDays });
    }

    /// <summary>
    /// The center decides an extension request: approved, the reply limit moves by the working days approved (as
    /// many as asked or fewer), counted on the calendar from the old due day; refused, it stays.
    /// </summary>
    public void DecideExtension(bool approve, int? workingDays, string? note, WorkingDayCalendar calendar, HotlineParty by, DateTime now)
    {
        RequireCenter(by, "decide-extension");
        if (Status != WorkOrderStatus.Handling || ExtensionRequestedDays is not { } asked)
        {
            throw new DomainRuleException("hotline.no-extension-request", "该工单没有待审批的延期申请。");
        }
        var opinion = Optional(note, MaxNoteLength, "note");
        if (!approve)
        {
            var why = opinion ?? throw new DomainRuleException("hotline.text-required", "不同意延期须说明理由。", "note");
            ClearExtensionRequest();
            Append(by, now, "extension-refused", Status, why, new { asked });
            return;
        }
        var days = workingDays ?? asked;
        if (days < 1 || days > asked)
        {
            throw new DomainRuleException("hotline.extension-days-invalid", $"批准的延期天数应在 1–{asked} 个工作日之间。", "workingDays");
        }
        var oldDue = DueAt!.Value;
        DueAt = LegalClock.Due(calendar, oldDue.AddTicks(-1), days).DueAtUtc!.Value;
        ExtendedWorkingDays += days;
        ClearExtensionRequest();
        Append(by, now, "extension-approved", Status, opinion, new { asked, approved = days, from = oldDue, to = DueAt, approvedBy = by.Actor.Name });
    }

    private void ClearExtensionRequest()
    {
        ExtensionRequestedDays = null;
        ExtensionReason = null;
    }

    /// <summary>
    /// 答复: the result and what the caller was told; a matter that cannot be solved now needs the plan and its time
    /// (济南 §24(3), 潍坊 §20(3)). A pending extension request lapses.
    /// </summary>
    public void Reply(ReplyResult result, string text, string? plan, HotlineParty by, DateTime now)
    {
        RequireLead(by, "reply");
        RequireStatus("hotline.not-handling", "工单签收后才能答复。", WorkOrderStatus.Handling);
        if (!Enum.IsDefined(result))
        {
            throw new DomainRuleException("hotline.result-invalid", "请选择办理结果。", "result");
        }
        var reply = Required(text, MaxNoteLength, "请写明答复内容。", "text");
        var thePlan = Optional(plan, MaxNoteLength, "plan");
        if (result == Hotline.ReplyResult.NotResolvableNow && thePlan is null)
        {
            throw new DomainRuleException("hotline.plan-required", "暂时无法解决的，须写明解决方案和时限。", "plan");
        }
        // The unit answered within its limit after all: the extension it asked for is not needed, and the record says so.
        var lapsed = ExtensionRequestedDays;
        ClearExtensionRequest();
        ReplyResult = result;
        ReplyText = reply;
        ReplyPlan = thePlan;
        RepliedAt = now;
        Move(by, now, "replied", WorkOrderStatus.Replied, reply, new { result, plan = thePlan, late = RepliedLate, extensionLapsed = lapsed });
    }
}
