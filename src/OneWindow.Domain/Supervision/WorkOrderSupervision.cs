using OneWindow.Domain.Calendar;
using OneWindow.Domain.Hotline;

namespace OneWindow.Domain.Supervision;

/// <summary>
/// The supervision rules for 12345 work orders (ADR 0028), pure like <see cref="CaseSupervision"/>: the order, the
/// instant, the calendar of its region and the settings in, candidates out. The time rules watch the three limits the
/// order carries — to sign for (<see cref="WorkOrder.SignDueAt"/>), to reply (<see cref="WorkOrder.DueAt"/>, which an
/// approved extension has moved) and to call back (<see cref="WorkOrder.CallbackDueAt"/>) — each keyed to the period it
/// belongs to, so a new dispatch, handling period or callback is watched afresh and each is carded once. The action
/// rules count: the second reopening, the second return, the second reply sent back (the threshold is the count).
/// </summary>
public static class WorkOrderSupervision
{
    /// <summary>A work order as a supervised subject: answered for by its lead unit (a department, ADR 0023), shown by its number and category.</summary>
    public static SupervisedSubject Subject(WorkOrder order, string? categoryName) =>
        new(SubjectKind.WorkOrder, order.Id, order.Number, Truncate(categoryName ?? order.CategoryCode), order.LeadUnitId ?? Guid.Empty, null, order.RegionCode);

    /// <summary>The key of a finding about an order or a part of it (<c>work-order/{id}</c>, <c>work-order/{id}/sign/{ticks}</c>).</summary>
    public static string KeyOf(Guid orderId, string? part = null) => SupervisedSubject.KeyOf(SubjectKind.WorkOrder, orderId, part);

    /// <summary>
    /// The time rules. Signing for is watched while the order waits on the unit's desk and stops when it is signed
    /// (late or not); an objection stops it too, but when (the objection's instant) is known only at that action
    /// (<see cref="OnAction"/>). The reply limit runs from the dispatch (or the reopening) until the reply, again after
    /// a reply sent back; not while the center rules on an objection, whose ruling restarts it. The callback limit runs
    /// from the accepted reply until the callback or the center's closing. An order the center has not dispatched has
    /// no limit a unit answers for.
    /// </summary>
    public static TimedCheck Check(WorkOrder order, string? categoryName, DateTime now, WorkingDayCalendar calendar, EffectiveRules rules)
    {
        var found = new TimedFindings(Subject(order, categoryName), now);
        if (order.LeadUnitId is null)
        {
            return found.Result;
        }
        if (rules.IsOn(SupervisionRule.WorkOrderSignOverdue) && SignWatch(order) is { } sign)
        {
            found.Watch(SupervisionRule.WorkOrderSignOverdue, sign.Part, CaseSupervision.After(calendar, sign.DueAt, rules[SupervisionRule.WorkOrderSignOverdue].Whole),
                sign.StoppedAt, sign.Detail);
        }
        if (rules.IsOn(SupervisionRule.WorkOrderReplyOverdue) && order is { DueAt: { } due, HandlingFrom: { } from }
            && order.Status is not (WorkOrderStatus.ReturnRequested or WorkOrderStatus.Registered))
        {
            var stopped = order.Status is WorkOrderStatus.Dispatched or WorkOrderStatus.Handling ? null : order.RepliedAt ?? order.ConcludedAt;
            var extended = order.ExtendedWorkingDays > 0 ? $"，经批准延期 {order.ExtendedWorkingDays} 个工作日" : "";
            found.Watch(SupervisionRule.WorkOrderReplyOverdue, $"reply/{from.Ticks}", CaseSupervision.After(calendar, due, rules[SupervisionRule.WorkOrderReplyOverdue].Whole),
                stopped, $"答复时限 {order.HandlingLimit}{extended}，{Moment(due)} 届满");
        }
        if (rules.IsOn(SupervisionRule.WorkOrderCallbackOverdue) && order.CallbackDueAt is { } callback)
        {
            var stopped = order.Status == WorkOrderStatus.AwaitingCallback ? null : order.CalledBackAt ?? order.ConcludedAt;
            found.Watch(SupervisionRule.WorkOrderCallbackOverdue, $"callback/{callback.Ticks}",
                CaseSupervision.After(calendar, callback, rules[SupervisionRule.WorkOrderCallbackOverdue].Whole), stopped, $"回访时限 {Moment(callback)} 届满");
        }
        return found.Result;
    }

    /// <summary>
    /// The rules an action breaks, checked on the events it appended: an objection made after the limit to sign for
    /// (the unit answered the dispatch late), the threshold's reopening, return or reply sent back.
    /// </summary>
    public static IReadOnlyList<AlertCandidate> OnAction(WorkOrder order, IReadOnlyList<WorkOrderEvent> newEvents, WorkingDayCalendar calendar, EffectiveRules rules)
    {
        var found = new List<AlertCandidate>();
        foreach (var e in newEvents.OrderBy(e => e.Sequence))
        {
            switch (e.Action)
            {
                case "return-requested":
                    if (rules.IsOn(SupervisionRule.WorkOrderSignOverdue) && order is { SignDueAt: { } signDue, DispatchedAt: { } dispatched }
                        && e.At >= CaseSupervision.After(calendar, signDue, rules[SupervisionRule.WorkOrderSignOverdue].Whole))
                    {
                        found.Add(new(SupervisionRule.WorkOrderSignOverdue, KeyOf(order.Id, $"sign/{dispatched.Ticks}"), e.At,
                            $"签收时限 {Moment(signDue)} 届满后才申请退单"));
                    }
                    Count(found, rules, SupervisionRule.WorkOrderReturned, order, order.ReturnCount, e, $"第 {order.ReturnCount} 次申请退单；理由：{e.Note}");
                    break;
                case "reopened":
                    Count(found, rules, SupervisionRule.WorkOrderReopened, order, order.ReopenCount, e, $"第 {order.ReopenCount} 次重办；理由：{e.Note}");
                    break;
                case "reply-sent-back":
                    Count(found, rules, SupervisionRule.WorkOrderReplySentBack, order, order.SendBackCount, e, $"答复第 {order.SendBackCount} 次被退回；理由：{e.Note}");
                    break;
            }
        }
        return found;
    }

    private static void Count(List<AlertCandidate> found, EffectiveRules rules, SupervisionRule rule, WorkOrder order, int count, WorkOrderEvent e, string detail)
    {
        if (rules.IsOn(rule) && count >= rules[rule].Whole)
        {
            found.Add(new(rule, KeyOf(order.Id), e.At, detail));
        }
    }

    private sealed record Watched(string Part, DateTime DueAt, DateTime? StoppedAt, string Detail);

    private static Watched? SignWatch(WorkOrder order)
    {
        if (order is not { SignDueAt: { } due, DispatchedAt: { } dispatched })
        {
            return null;
        }
        var limit = new HotlineLimit(order.SignLimitWorkingDays, order.SignLimitHours);
        var detail = $"签收时限 {limit}，{Moment(due)} 届满";
        return order.Status == WorkOrderStatus.Dispatched ? new Watched($"sign/{dispatched.Ticks}", due, null, detail)
            : order.SignedAt is { } signed ? new Watched($"sign/{dispatched.Ticks}", due, signed, detail)
            : null; // objected to: the action saw it; or no longer the unit's to sign
    }

    /// <summary>A deadline as people read it: a working-day limit ends at 24:00 of its last day, an hour limit at its hour.</summary>
    private static string Moment(DateTime deadline)
    {
        var local = ChinaTime.ToLocal(deadline);
        return local.TimeOfDay == TimeSpan.Zero
            ? local.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + " 24:00"
            : local.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Truncate(string text) => text.Length > SupervisedSubject.MaxTitleLength ? text[..SupervisedSubject.MaxTitleLength] : text;
}
