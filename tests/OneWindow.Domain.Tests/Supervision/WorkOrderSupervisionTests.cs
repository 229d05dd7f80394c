using OneWindow.Domain.Cases;
using OneWindow.Domain.Hotline;
using OneWindow.Domain.Supervision;
using static OneWindow.Domain.Tests.Cases.CaseFixtures;

namespace OneWindow.Domain.Tests.Supervision;

/// <summary>
/// The work-order rules on a controlled clock (ADR 0028): each limit fires once it has passed, also when the unit acted
/// late; an approved extension moves the reply limit; a new period is a new key; the counts fire at the threshold.
/// </summary>
public class WorkOrderSupervisionTests
{
    private static readonly HotlineParty Center = HotlineParty.Center(new Actor("u-op", "坐席 何晓", "HotlineOperator"));
    private static readonly Guid Housing = Guid.Parse("00000000-0000-0000-0000-0000000000b2");
    private static readonly Guid Water = Guid.Parse("00000000-0000-0000-0000-0000000000c3");
    private static readonly HotlineParty HousingStaff = HotlineParty.Unit(new Actor("u-zj", "住建 王强", "Reviewer"), Housing);
    private static readonly HotlineParty WaterStaff = HotlineParty.Unit(new Actor("u-water", "水务 李明", "Reviewer"), Water);
    private static readonly WorkOrderLimits Limits = WorkOrderLimits.Default;
    private static readonly EffectiveRules Rules = RuleBook.Shipped.ForCase("431025100201", Housing, null);

    private static WorkOrder Dispatched(WorkOrderUrgency urgency = WorkOrderUrgency.Normal)
    {
        var o = WorkOrder.Register(new WorkOrderIntake(WorkOrderChannel.Phone, WorkOrderType.Complaint, "CX.01", "小区门口路灯损坏一个月无人修", "431025100201",
            CallerName: "张先生", CallerPhone: "13907351234", Urgency: urgency), "RX431025-20261123-00001", Center, Bj(2026, 11, 23, 10));
        o.Dispatch(Housing, [], Limits.SignFor(urgency), Limits.Handling(WorkOrderType.Complaint, urgency), Days, Center, Bj(2026, 11, 23, 10)); // Monday
        return o;
    }

    private static TimedCheck Check(WorkOrder o, DateTime now, EffectiveRules? rules = null) => WorkOrderSupervision.Check(o, "市政设施", now, Days, rules ?? Rules);

    private static AlertCandidate Only(TimedCheck check, SupervisionRule rule) => Assert.Single(check.Due, d => d.Rule == rule);

    [Fact]
    public void A_dispatched_order_is_watched_until_its_sign_for_limit_and_carded_red_once_it_passes()
    {
        var o = Dispatched();
        var before = Check(o, Bj(2026, 11, 24, 23));
        Assert.Empty(before.Due);
        Assert.Equal(Bj(2026, 11, 25, 0), before.NextCheckAt); // Tuesday 24:00
        var after = Check(o, Bj(2026, 11, 25, 0));
        var card = Only(after, SupervisionRule.WorkOrderSignOverdue);
        Assert.Equal(WorkOrderSupervision.KeyOf(o.Id, $"sign/{o.DispatchedAt!.Value.Ticks}"), card.Key);
        Assert.Equal(AlertSeverity.Red, Rules[SupervisionRule.WorkOrderSignOverdue].Severity);
        Assert.Contains("2026-11-24 24:00", card.Detail, StringComparison.Ordinal);
        Assert.Equal("市政设施", WorkOrderSupervision.Subject(o, "市政设施").Title);
        Assert.Equal(Housing, WorkOrderSupervision.Subject(o, null).DepartmentId);
    }

    [Fact]
    public void An_urgent_order_is_carded_two_hours_after_dispatch_and_a_grace_in_working_days_defers_it()
    {
        var o = Dispatched(WorkOrderUrgency.Urgent);
        Assert.DoesNotContain(Check(o, Bj(2026, 11, 23, 11, 59)).Due, d => d.Rule == SupervisionRule.WorkOrderSignOverdue);
        Only(Check(o, Bj(2026, 11, 23, 12)), SupervisionRule.WorkOrderSignOverdue);
        var graced = new RuleBook([RuleOverride.Create(SupervisionRule.WorkOrderSignOverdue, RuleScope.Default, null, true, AlertSeverity.Yellow, 1)]).ForCase("431025100201", Housing, null);
        Assert.DoesNotContain(Check(o, Bj(2026, 11, 24, 12), graced).Due, d => d.Rule == SupervisionRule.WorkOrderSignOverdue);
        Assert.Equal(Bj(2026, 11, 25, 0), Check(o, Bj(2026, 11, 24, 12), graced).NextCheckAt);
    }

    [Fact]
    public void Signed_in_time_ends_the_sign_for_watch_and_signed_late_is_carded_at_the_signature()
    {
        var onTime = Dispatched();
        onTime.Sign(HousingStaff, Bj(2026, 11, 24, 9));
        var check = Check(onTime, Bj(2026, 11, 26, 9));
        Assert.DoesNotContain(check.Due, d => d.Rule == SupervisionRule.WorkOrderSignOverdue);
        Assert.Equal(Bj(2026, 12, 1, 0), check.NextCheckAt); // the reply limit now

        var late = Dispatched();
        late.Sign(HousingStaff, Bj(2026, 11, 25, 9));
        Only(Check(late, Bj(2026, 11, 25, 9)), SupervisionRule.WorkOrderSignOverdue);
    }

    [Fact]
    public void An_objection_after_the_sign_for_limit_is_carded_at_the_objection_and_a_ruling_starts_a_new_period()
    {
        var o = Dispatched();
        o.RequestReturn("不属于本单位职责", HousingStaff, Bj(2026, 11, 25, 9));
        var found = WorkOrderSupervision.OnAction(o, o.NewEvents.TakeLast(1).ToList(), Days, Rules);
        var card = Assert.Single(found, f => f.Rule == SupervisionRule.WorkOrderSignOverdue);
        Assert.Equal(WorkOrderSupervision.KeyOf(o.Id, $"sign/{o.DispatchedAt!.Value.Ticks}"), card.Key);
        // While the center rules, nothing the unit answers for runs.
        var waiting = Check(o, Bj(2026, 12, 10, 9));
        Assert.Empty(waiting.Due);
        Assert.Null(waiting.NextCheckAt);

        var inTime = Dispatched();
        inTime.RequestReturn("不属于本单位职责", HousingStaff, Bj(2026, 11, 24, 9));
        Assert.Empty(WorkOrderSupervision.OnAction(inTime, inTime.NewEvents.TakeLast(1).ToList(), Days, Rules));
        inTime.RuleOnReturn(ReturnRuling.Redispatch, Water, [], "改派水务", Limits.SignFor(WorkOrderUrgency.Normal), Limits.Handling(WorkOrderType.Complaint, WorkOrderUrgency.Normal),
            Days, Center, Bj(2026, 11, 24, 10));
        var redispatched = Check(inTime, Bj(2026, 11, 26, 0));
        Assert.Equal(WorkOrderSupervision.KeyOf(inTime.Id, $"sign/{Bj(2026, 11, 24, 10).Ticks}"), Only(redispatched, SupervisionRule.WorkOrderSignOverdue).Key);
    }

    [Fact]
    public void The_reply_limit_is_carded_when_it_passes_and_an_approved_extension_moves_it()
    {
        var o = Dispatched();
        o.Sign(HousingStaff, Bj(2026, 11, 23, 15));
        Only(Check(o, Bj(2026, 12, 1, 0)), SupervisionRule.WorkOrderReplyOverdue);

        var extended = Dispatched();
        extended.Sign(HousingStaff, Bj(2026, 11, 23, 15));
        extended.RequestExtension(3, "需联合检查", HousingStaff, Bj(2026, 11, 24, 9));
        extended.DecideExtension(true, 2, null, Days, Center, Bj(2026, 11, 24, 10));
        var stillInTime = Check(extended, Bj(2026, 12, 2, 12));
        Assert.DoesNotContain(stillInTime.Due, d => d.Rule == SupervisionRule.WorkOrderReplyOverdue);
        Assert.Equal(Bj(2026, 12, 3, 0), stillInTime.NextCheckAt);
        var card = Only(Check(extended, Bj(2026, 12, 3, 0)), SupervisionRule.WorkOrderReplyOverdue);
        Assert.Contains("经批准延期 2 个工作日", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_late_reply_is_carded_once_for_its_period_and_a_reopening_is_watched_afresh()
    {
        var o = Dispatched();
        o.Sign(HousingStaff, Bj(2026, 11, 23, 15));
        o.Reply(ReplyResult.Resolved, "已修复", null, HousingStaff, Bj(2026, 12, 1, 9));
        var late = Only(Check(o, Bj(2026, 12, 1, 9)), SupervisionRule.WorkOrderReplyOverdue);
        o.Review(false, "未说明修复时间", Limits.Callback, Days, Center, Bj(2026, 12, 1, 10));
        Assert.Equal(late.Key, Only(Check(o, Bj(2026, 12, 1, 10)), SupervisionRule.WorkOrderReplyOverdue).Key); // the same period: the same alert
        o.Reply(ReplyResult.Resolved, "已修复，11 月 30 日完成", null, HousingStaff, Bj(2026, 12, 1, 11));
        o.Review(true, null, Limits.Callback, Days, Center, Bj(2026, 12, 1, 12));
        o.RecordCallback(CallbackMethod.Phone, false, Satisfaction.Unsatisfied, "仍不亮", Center, Bj(2026, 12, 1, 15));
        o.Reopen("复查", Days, Center, Bj(2026, 12, 2, 9));
        var reopened = Check(o, Bj(2026, 12, 2, 9));
        Assert.DoesNotContain(reopened.Due, d => d.Rule == SupervisionRule.WorkOrderReplyOverdue && d.Key != late.Key);
        Assert.Equal(Bj(2026, 12, 10, 0), reopened.NextCheckAt); // five working days from 2 December: 3, 4, 7, 8, 9
        Assert.NotEqual(late.Key, Only(Check(o, Bj(2026, 12, 10, 0)), SupervisionRule.WorkOrderReplyOverdue).Key);
    }

    [Fact]
    public void The_callback_limit_runs_from_the_accepted_reply_until_the_callback_or_the_closing()
    {
        var o = Dispatched();
        o.Sign(HousingStaff, Bj(2026, 11, 23, 15));
        o.Reply(ReplyResult.Resolved, "已修复", null, HousingStaff, Bj(2026, 11, 24, 9));
        o.Review(true, null, Limits.Callback, Days, Center, Bj(2026, 11, 24, 10)); // due Thursday 26 November 24:00
        var waiting = Check(o, Bj(2026, 11, 26, 12));
        Assert.Empty(waiting.Due);
        Assert.Equal(Bj(2026, 11, 27, 0), waiting.NextCheckAt);
        var card = Only(Check(o, Bj(2026, 11, 27, 0)), SupervisionRule.WorkOrderCallbackOverdue);
        Assert.Equal(WorkOrderSupervision.KeyOf(o.Id, $"callback/{o.CallbackDueAt!.Value.Ticks}"), card.Key);

        o.RecordCallback(CallbackMethod.Phone, true, Satisfaction.Satisfied, null, Center, Bj(2026, 11, 26, 9));
        var done = Check(o, Bj(2026, 12, 10, 0));
        Assert.Empty(done.Due);
        Assert.Null(done.NextCheckAt);
    }

    [Fact]
    public void Reopened_returned_and_sent_back_twice_are_found_at_the_second_time_and_the_threshold_is_configurable()
    {
        var o = Dispatched();
        o.Sign(HousingStaff, Bj(2026, 11, 23, 15));
        for (var i = 1; i <= 2; i++)
        {
            o.Reply(ReplyResult.Resolved, $"第 {i} 次答复", null, HousingStaff, Bj(2026, 11, 24, 9 + i));
            o.Review(false, $"第 {i} 次退回", Limits.Callback, Days, Center, Bj(2026, 11, 24, 10 + i));
            var found = WorkOrderSupervision.OnAction(o, o.NewEvents.TakeLast(1).ToList(), Days, Rules);
            Assert.Equal(i == 2, found.Any(f => f.Rule == SupervisionRule.WorkOrderReplySentBack && f.Key == WorkOrderSupervision.KeyOf(o.Id)));
        }
        for (var i = 1; i <= 2; i++)
        {
            o.Reply(ReplyResult.Resolved, "已修复", null, HousingStaff, Bj(2026, 11, 25, 8 + 2 * i));
            o.Review(true, null, Limits.Callback, Days, Center, Bj(2026, 11, 25, 9 + 2 * i));
            o.RecordCallback(CallbackMethod.Phone, false, Satisfaction.Unsatisfied, null, Center, Bj(2026, 11, 25, 9 + 2 * i, 30));
            o.Reopen("不满意", Days, Center, Bj(2026, 11, 25, 9 + 2 * i, 40));
            var found = WorkOrderSupervision.OnAction(o, o.NewEvents.TakeLast(1).ToList(), Days, Rules);
            Assert.Equal(i == 2, found.Any(f => f.Rule == SupervisionRule.WorkOrderReopened));
        }

        var returned = Dispatched();
        returned.RequestReturn("不属于住建职责", HousingStaff, Bj(2026, 11, 23, 11));
        Assert.Empty(WorkOrderSupervision.OnAction(returned, returned.NewEvents.TakeLast(1).ToList(), Days, Rules));
        var once = new RuleBook([RuleOverride.Create(SupervisionRule.WorkOrderReturned, RuleScope.Department, Housing.ToString(), true, AlertSeverity.Red, 1)])
            .ForCase("431025100201", Housing, null);
        Assert.Single(WorkOrderSupervision.OnAction(returned, returned.NewEvents.TakeLast(1).ToList(), Days, once), f => f.Rule == SupervisionRule.WorkOrderReturned);
        returned.RuleOnReturn(ReturnRuling.Redispatch, Water, [], "改派水务", Limits.SignFor(WorkOrderUrgency.Normal), Limits.Handling(WorkOrderType.Complaint, WorkOrderUrgency.Normal),
            Days, Center, Bj(2026, 11, 23, 12));
        returned.RequestReturn("也不属于水务职责", WaterStaff, Bj(2026, 11, 23, 13));
        var second = Assert.Single(WorkOrderSupervision.OnAction(returned, returned.NewEvents.TakeLast(1).ToList(), Days, Rules));
        Assert.Equal((SupervisionRule.WorkOrderReturned, WorkOrderSupervision.KeyOf(returned.Id)), (second.Rule, second.Key));
        Assert.Contains("第 2 次申请退单", second.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_switched_off_finds_nothing_and_an_order_never_dispatched_is_not_watched()
    {
        var off = new RuleBook([RuleOverride.Create(SupervisionRule.WorkOrderSignOverdue, RuleScope.Default, null, false, AlertSeverity.Red, 0)]).ForCase("431025100201", Housing, null);
        Assert.DoesNotContain(Check(Dispatched(), Bj(2026, 11, 26, 9), off).Due, d => d.Rule == SupervisionRule.WorkOrderSignOverdue);
        var registered = WorkOrder.Register(new WorkOrderIntake(WorkOrderChannel.Web, WorkOrderType.Help, "CX.01", "路灯", "431025100201", CallerPhone: "13907351234"),
            "RX431025-20261123-00002", Center, Bj(2026, 11, 23, 10));
        var check = Check(registered, Bj(2026, 12, 30, 9));
        Assert.Empty(check.Due);
        Assert.Null(check.NextCheckAt);
    }
}
