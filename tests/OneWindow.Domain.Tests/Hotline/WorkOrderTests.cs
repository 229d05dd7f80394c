using OneWindow.Domain.Cases;
using OneWindow.Domain.Hotline;
using OneWindow.Domain.Records;
using static OneWindow.Domain.Tests.Cases.CaseFixtures;

namespace OneWindow.Domain.Tests.Hotline;

/// <summary>The 12345 work order on a controlled clock: each limit, each transition and who may take it.</summary>
public class WorkOrderTests
{
    private static readonly HotlineParty Center = HotlineParty.Center(new Actor("u-op", "坐席 何晓", "HotlineOperator"));
    private static readonly Guid Town = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Housing = Guid.Parse("00000000-0000-0000-0000-0000000000b2");
    private static readonly Guid Water = Guid.Parse("00000000-0000-0000-0000-0000000000c3");
    private static readonly HotlineParty TownStaff = HotlineParty.Unit(new Actor("u-town", "镇 陈静", "Reviewer"), Town);
    private static readonly HotlineParty HousingStaff = HotlineParty.Unit(new Actor("u-zj", "住建 王强", "Reviewer"), Housing);
    private static readonly HotlineParty WaterStaff = HotlineParty.Unit(new Actor("u-water", "水务 李明", "Reviewer"), Water);
    private static readonly WorkOrderLimits Limits = WorkOrderLimits.Default;

    private static WorkOrder Registered(WorkOrderType type = WorkOrderType.Complaint, WorkOrderUrgency urgency = WorkOrderUrgency.Normal, DateTime? at = null,
        bool confidential = false) =>
        WorkOrder.Register(new WorkOrderIntake(WorkOrderChannel.Phone, type, "CX.01", "小区门口路灯损坏一个月无人修", "431025100201",
            "汾市镇某村村口", CallerName: "张先生", CallerPhone: "13907351234", Confidential: confidential, Urgency: urgency), "RX431025-20261123-00001", Center,
            at ?? Bj(2026, 11, 23, 10));

    private static WorkOrder Dispatched(WorkOrderType type = WorkOrderType.Complaint, WorkOrderUrgency urgency = WorkOrderUrgency.Normal, DateTime? at = null,
        Guid? lead = null, params Guid[] co)
    {
        var o = Registered(type, urgency, at);
        var when = at ?? Bj(2026, 11, 23, 10);
        o.Dispatch(lead ?? Housing, co, Limits.SignFor(urgency), Limits.Handling(type, urgency), Days, Center, when);
        return o;
    }

    private static WorkOrder Handling()
    {
        var o = Dispatched();
        o.Sign(HousingStaff, Bj(2026, 11, 23, 15));
        return o;
    }

    [Fact]
    public void A_normal_order_is_signed_for_within_one_working_day_and_handled_within_five()
    {
        var o = Dispatched(); // Monday 23 November 2026, 10:00
        Assert.Equal(Bj(2026, 11, 25, 0), o.SignDueAt); // Tuesday 24 November, 24:00
        Assert.Equal(Bj(2026, 12, 1, 0), o.DueAt); // 24, 25, 26, 27, 30 November
        Assert.Equal(WorkOrderStatus.Dispatched, o.Status);
        Assert.Equal(o.SignDueAt, o.NextDeadlineAt);
    }

    [Fact]
    public void A_consultation_is_answered_within_one_working_day_and_a_suggestion_within_ten()
    {
        Assert.Equal(Bj(2026, 11, 25, 0), Dispatched(WorkOrderType.Consultation).DueAt);
        Assert.Equal(Bj(2026, 12, 8, 0), Dispatched(WorkOrderType.Suggestion).DueAt); // the tenth working day is Monday 7 December
    }

    [Fact]
    public void Limits_run_on_the_legal_calendar_across_a_holiday()
    {
        // Wednesday 30 September 2026: the National Day holiday is 1–7 October, Saturday 10 October a working day.
        var o = Dispatched(at: Bj(2026, 9, 30, 10));
        Assert.Equal(Bj(2026, 10, 9, 0), o.SignDueAt); // Thursday 8 October
        Assert.Equal(Bj(2026, 10, 14, 0), o.DueAt); // 8, 9, 10, 12, 13 October
    }

    [Fact]
    public void An_urgent_order_counts_in_hours_around_the_clock()
    {
        var o = Dispatched(urgency: WorkOrderUrgency.Urgent, at: Bj(2026, 11, 28, 22)); // Saturday night
        Assert.Equal(Bj(2026, 11, 29, 0), o.SignDueAt); // two hours
        Assert.Equal(Bj(2026, 11, 29, 22), o.DueAt); // 24 hours, Sunday or not
    }

    [Fact]
    public void A_category_with_a_longer_statutory_limit_keeps_it_and_the_limits_are_configurable()
    {
        Assert.Equal(HotlineLimit.Days(15), Limits.Handling(WorkOrderType.Complaint, WorkOrderUrgency.Normal, 15));
        Assert.Equal(HotlineLimit.Days(5), Limits.Handling(WorkOrderType.Complaint, WorkOrderUrgency.Normal, 3));
        var local = new WorkOrderLimits { SignWorkingDays = 2, UrgentSignHours = 1, HandlingWorkingDays = new() { [WorkOrderType.Help] = 3 } };
        Assert.Equal(HotlineLimit.Days(2), local.SignFor(WorkOrderUrgency.Normal));
        Assert.Equal(HotlineLimit.InHours(1), local.SignFor(WorkOrderUrgency.Urgent));
        Assert.Equal(HotlineLimit.Days(3), local.Handling(WorkOrderType.Help, WorkOrderUrgency.Normal));
    }

    [Fact]
    public void Registration_checks_the_caller_the_region_and_the_location()
    {
        Assert.Equal("callerPhone", Assert.Throws<DomainRuleException>(() => WorkOrder.Register(
            new WorkOrderIntake(WorkOrderChannel.Phone, WorkOrderType.Help, "CX.01", "求助", "431025100201"), "N1", Center, Bj(2026, 11, 23, 10))).Field);
        Assert.Equal("regionCode", Assert.Throws<DomainRuleException>(() => WorkOrder.Register(
            new WorkOrderIntake(WorkOrderChannel.Phone, WorkOrderType.Help, "CX.01", "求助", "4310", CallerPhone: "13907351234"), "N1", Center, Bj(2026, 11, 23, 10))).Field);
        Assert.Equal("latitude", Assert.Throws<DomainRuleException>(() => WorkOrder.Register(
            new WorkOrderIntake(WorkOrderChannel.Phone, WorkOrderType.Help, "CX.01", "求助", "431025100201", CallerPhone: "13907351234", Latitude: 25.3), "N1", Center, Bj(2026, 11, 23, 10))).Field);
        var anonymous = WorkOrder.Register(new WorkOrderIntake(WorkOrderChannel.Web, WorkOrderType.Report, "SC.01", "无证经营", "431025100201", CallerName: "李某", Anonymous: true),
            "N2", HotlineParty.Caller, Bj(2026, 11, 23, 10));
        Assert.Null(anonymous.CallerName);
        Assert.Null(anonymous.CallerPhoneTail);
        Assert.Equal("1234", Registered().CallerPhoneTail);
    }

    [Fact]
    public void The_operator_answers_on_the_spot_refers_refuses_or_merges_and_each_ends_the_order()
    {
        var answered = Registered(WorkOrderType.Consultation);
        answered.AnswerOnTheSpot("社保卡补办可到县政务服务中心人社窗口，带身份证即可", Center, Bj(2026, 11, 23, 10));
        Assert.Equal(WorkOrderStatus.AnsweredOnTheSpot, answered.Status);
        Assert.False(answered.IsOpen);

        var referred = Registered();
        referred.Refer(EmergencyService.Fire, "来电称厨房起火", Center, Bj(2026, 11, 23, 10));
        Assert.Equal(WorkOrderStatus.Referred, referred.Status);

        var refused = Registered();
        Assert.Equal("rightChannel", Assert.Throws<DomainRuleException>(() =>
            refused.Refuse(RefusalGround.OtherProcedure, "劳动争议已进入仲裁", null, Center, Bj(2026, 11, 23, 10))).Field);
        refused.Refuse(RefusalGround.OtherProcedure, "劳动争议已进入仲裁", "请向县劳动人事争议仲裁委员会了解进展", Center, Bj(2026, 11, 23, 10));
        Assert.Equal(WorkOrderStatus.Refused, refused.Status);
        Assert.Throws<DomainRuleException>(() => refused.AnswerOnTheSpot("晚了", Center, Bj(2026, 11, 23, 11)));

        var master = Dispatched();
        var duplicate = Registered();
        Assert.Throws<DomainRuleException>(() => duplicate.MergeInto(Registered(), Center, Bj(2026, 11, 23, 11))); // a master not yet dispatched
        duplicate.MergeInto(master, Center, Bj(2026, 11, 23, 11));
        Assert.Equal((WorkOrderStatus.Merged, master.Id, master.Number), (duplicate.Status, duplicate.MasterOrderId, duplicate.MasterNumber));
    }

    [Fact]
    public void Only_the_center_dispatches_and_only_the_lead_unit_signs()
    {
        var o = Registered();
        Assert.Equal("hotline.center-only", Assert.Throws<ActionNotAllowedException>(() =>
            o.Dispatch(Housing, [], Limits.SignFor(o.Urgency), Limits.Handling(o.Type, o.Urgency), Days, HousingStaff, Bj(2026, 11, 23, 10))).Code);
        Assert.Equal("coHandlerIds", Assert.Throws<DomainRuleException>(() =>
            o.Dispatch(Housing, [Housing], Limits.SignFor(o.Urgency), Limits.Handling(o.Type, o.Urgency), Days, Center, Bj(2026, 11, 23, 10))).Field);
        o.Dispatch(Housing, [Water], Limits.SignFor(o.Urgency), Limits.Handling(o.Type, o.Urgency), Days, Center, Bj(2026, 11, 23, 10));
        Assert.Equal("hotline.lead-only", Assert.Throws<ActionNotAllowedException>(() => o.Sign(WaterStaff, Bj(2026, 11, 23, 11))).Code);
        Assert.Throws<ActionNotAllowedException>(() => o.Sign(Center, Bj(2026, 11, 23, 11)));
        o.Sign(HousingStaff, Bj(2026, 11, 25, 9));
        Assert.True(o.SignedLate); // after Tuesday's midnight
        Assert.Equal(WorkOrderStatus.Handling, o.Status);
    }

    [Fact]
    public void An_objection_is_ruled_by_the_center_and_a_unit_assigned_by_ruling_cannot_return_again()
    {
        var o = Dispatched(lead: Town);
        Assert.Equal("reason", Assert.Throws<DomainRuleException>(() => o.RequestReturn(" ", TownStaff, Bj(2026, 11, 23, 11))).Field);
        o.RequestReturn("路灯由县住建局负责维护，不属于镇政府职责", TownStaff, Bj(2026, 11, 23, 11));
        Assert.Equal((WorkOrderStatus.ReturnRequested, 1), (o.Status, o.ReturnCount));
        Assert.Throws<ActionNotAllowedException>(() => o.RuleOnReturn(ReturnRuling.Redispatch, Housing, [], "改派住建局", Limits.SignFor(o.Urgency),
            Limits.Handling(o.Type, o.Urgency), Days, TownStaff, Bj(2026, 11, 23, 14)));
        Assert.Equal("leadUnitId", Assert.Throws<DomainRuleException>(() => o.RuleOnReturn(ReturnRuling.Redispatch, Town, [], "改派", Limits.SignFor(o.Urgency),
            Limits.Handling(o.Type, o.Urgency), Days, Center, Bj(2026, 11, 23, 14))).Field);

        o.RuleOnReturn(ReturnRuling.Redispatch, Housing, [], "城市道路照明属住建局职责，改派", Limits.SignFor(o.Urgency), Limits.Handling(o.Type, o.Urgency), Days, Center,
            Bj(2026, 11, 24, 9));
        Assert.Equal((WorkOrderStatus.Dispatched, Housing, false), (o.Status, o.LeadUnitId, o.AssignedByRuling));
        Assert.Equal(Bj(2026, 11, 26, 0), o.SignDueAt); // the limits start again from the ruling
        Assert.Equal(Bj(2026, 12, 2, 0), o.DueAt);

        o.RequestReturn("村道路灯由镇政府管理", HousingStaff, Bj(2026, 11, 24, 10));
        o.RuleOnReturn(ReturnRuling.AssignByRuling, Housing, [Town], "经研究，由住建局主办、镇政府协办", Limits.SignFor(o.Urgency), Limits.Handling(o.Type, o.Urgency), Days,
            Center, Bj(2026, 11, 24, 11));
        Assert.True(o.AssignedByRuling);
        Assert.Equal(2, o.ReturnCount);
        Assert.Equal("hotline.assigned-by-ruling", Assert.Throws<DomainRuleException>(() => o.RequestReturn("仍不属于本单位", HousingStaff, Bj(2026, 11, 24, 12))).Code);
        o.Contribute("村口路灯线路已由镇电工排查，属主线故障", TownStaff, Bj(2026, 11, 24, 15));
        Assert.Equal("村口路灯线路已由镇电工排查，属主线故障", Assert.Single(o.CoHandlers).Contribution);
        Assert.Throws<ActionNotAllowedException>(() => o.Contribute("非协办单位", WaterStaff, Bj(2026, 11, 24, 15)));
    }

    [Fact]
    public void An_extension_decided_by_the_center_moves_the_limit_on_the_calendar_and_is_recorded()
    {
        var o = Handling();
        Assert.Equal("workingDays", Assert.Throws<DomainRuleException>(() => o.RequestExtension(0, "需要协调电力公司", HousingStaff, Bj(2026, 11, 26, 9))).Field);
        o.RequestExtension(5, "需要协调供电公司更换线路", HousingStaff, Bj(2026, 11, 26, 9));
        Assert.Throws<DomainRuleException>(() => o.RequestExtension(2, "再次申请", HousingStaff, Bj(2026, 11, 26, 10)));
        Assert.Throws<ActionNotAllowedException>(() => o.DecideExtension(true, 3, null, Days, HousingStaff, Bj(2026, 11, 26, 10)));
        Assert.Equal("workingDays", Assert.Throws<DomainRuleException>(() => o.DecideExtension(true, 6, null, Days, Center, Bj(2026, 11, 26, 10))).Field);
        o.DecideExtension(true, 3, "同意延期 3 个工作日", Days, Center, Bj(2026, 11, 26, 10));
        Assert.Equal(Bj(2026, 12, 4, 0), o.DueAt); // from Monday 30 November: 1, 2, 3 December
        Assert.Equal(3, o.ExtendedWorkingDays);
        Assert.False(o.HasPendingExtension);
        var approved = o.NewEvents[^1];
        Assert.Equal("extension-approved", approved.Action);
        Assert.Contains("坐席 何晓", approved.Data, StringComparison.Ordinal);

        o.RequestExtension(2, "仍需时间", HousingStaff, Bj(2026, 12, 1, 9));
        Assert.Equal("note", Assert.Throws<DomainRuleException>(() => o.DecideExtension(false, null, null, Days, Center, Bj(2026, 12, 1, 10))).Field);
        o.DecideExtension(false, null, "时限内应能完成", Days, Center, Bj(2026, 12, 1, 10));
        Assert.Equal(Bj(2026, 12, 4, 0), o.DueAt);
    }

    [Fact]
    public void A_reply_needs_a_plan_when_the_matter_cannot_be_solved_now_and_the_center_may_send_it_back()
    {
        var o = Handling();
        o.ContactCaller(true, "已电话联系张先生，约定周三现场查看", HousingStaff, Bj(2026, 11, 24, 9));
        o.AddProgress("已现场查看，线路老化", HousingStaff, Bj(2026, 11, 25, 9));
        Assert.Equal("plan", Assert.Throws<DomainRuleException>(() =>
            o.Reply(ReplyResult.NotResolvableNow, "需改造线路", null, HousingStaff, Bj(2026, 11, 26, 9))).Field);
        o.Reply(ReplyResult.Resolved, "已更换路灯", null, HousingStaff, Bj(2026, 11, 26, 9));
        Assert.False(o.RepliedLate);
        Assert.Throws<ActionNotAllowedException>(() => o.Review(true, null, Limits.Callback, Days, HousingStaff, Bj(2026, 11, 26, 10)));
        Assert.Equal("reason", Assert.Throws<DomainRuleException>(() => o.Review(false, "", Limits.Callback, Days, Center, Bj(2026, 11, 26, 10))).Field);
        o.Review(false, "答复未说明更换时间和来电人是否认可", Limits.Callback, Days, Center, Bj(2026, 11, 26, 10));
        Assert.Equal((WorkOrderStatus.Handling, 1), (o.Status, o.SendBackCount));
        o.Reply(ReplyResult.Resolved, "11 月 25 日已更换路灯，来电人现场确认", null, HousingStaff, Bj(2026, 11, 26, 15));
        o.Review(true, null, Limits.Callback, Days, Center, Bj(2026, 11, 27, 10)); // Friday
        Assert.Equal(WorkOrderStatus.AwaitingCallback, o.Status);
        Assert.Equal(Bj(2026, 12, 2, 0), o.CallbackDueAt); // two working days: Monday 30 November, Tuesday 1 December
    }

    [Fact]
    public void An_unsatisfied_callback_is_reopened_to_the_same_unit_counted_or_closed_by_the_center()
    {
        var o = Handling();
        o.Reply(ReplyResult.Explained, "该路段属规划改造范围，明年统一更换", null, HousingStaff, Bj(2026, 11, 26, 9));
        o.Review(true, null, Limits.Callback, Days, Center, Bj(2026, 11, 26, 10));
        Assert.Throws<ActionNotAllowedException>(() => o.RecordCallback(CallbackMethod.Phone, false, Satisfaction.Unsatisfied, null, HousingStaff, Bj(2026, 11, 27, 10)));
        o.RecordCallback(CallbackMethod.Phone, false, Satisfaction.Unsatisfied, "来电人表示夜间出行不便", Center, Bj(2026, 11, 27, 10));
        Assert.Equal(WorkOrderStatus.Unsatisfied, o.Status);
        o.Reopen("群众诉求合理，请先临时照明", Days, Center, Bj(2026, 11, 27, 11));
        Assert.Equal((WorkOrderStatus.Handling, 1, Housing), (o.Status, o.ReopenCount, o.LeadUnitId));
        Assert.Equal(Bj(2026, 12, 5, 0), o.DueAt); // five working days from Friday 27 November: 30 Nov – 4 Dec
        Assert.Null(o.Satisfaction);

        o.Reply(ReplyResult.Resolved, "已加装临时照明", null, HousingStaff, Bj(2026, 11, 30, 9));
        o.Review(true, null, Limits.Callback, Days, Center, Bj(2026, 11, 30, 10));
        o.RecordCallback(CallbackMethod.Online, true, Satisfaction.Satisfied, null, HotlineParty.Caller, Bj(2026, 11, 30, 20));
        Assert.Equal(WorkOrderStatus.Concluded, o.Status);
        Assert.Equal(CallbackMethod.Online, o.CallbackMethod);
        Assert.Throws<DomainRuleException>(() => o.Close("再办结", Center, Bj(2026, 12, 1, 10)));

        var unsatisfied = Handling();
        unsatisfied.Reply(ReplyResult.Explained, "依政策不能办理", null, HousingStaff, Bj(2026, 11, 26, 9));
        unsatisfied.Review(true, null, Limits.Callback, Days, Center, Bj(2026, 11, 26, 10));
        unsatisfied.RecordCallback(CallbackMethod.Phone, false, Satisfaction.Unsatisfied, null, Center, Bj(2026, 11, 27, 10));
        Assert.Equal("note", Assert.Throws<DomainRuleException>(() => unsatisfied.Close("", Center, Bj(2026, 11, 27, 11))).Field);
        unsatisfied.Close("经审核，承办单位已依政策解释到位", Center, Bj(2026, 11, 27, 11));
        Assert.Equal(WorkOrderStatus.Concluded, unsatisfied.Status);
    }

    [Fact]
    public void Every_action_is_an_event_of_a_sealed_chain_and_moves_the_revision()
    {
        var o = Handling();
        Assert.Equal(["registered", "dispatched", "signed"], o.NewEvents.Select(e => e.Action));
        Assert.Equal(3, o.Revision);
        Assert.True(o.HasUnsealedEvents);
        o.SealNewEvents(Keys);
        Assert.False(o.HasUnsealedEvents);
        Assert.True(EventChain.Verify(o.NewEvents, Keys).IsIntact);
        Assert.Equal(o.NewEvents[^1].Hash, o.LastEventHash);
        Assert.Equal(Housing, o.NewEvents[^1].UnitId);
    }

    [Fact]
    public void A_callers_phone_is_kept_by_its_digits_so_a_landline_written_two_ways_is_one_caller()
    {
        var order = WorkOrder.Register(new WorkOrderIntake(WorkOrderChannel.Phone, WorkOrderType.Consultation, "CX.01", "咨询", "431025100201",
            CallerPhone: "0735-636 1888"), "RX431025-20261123-00002", Center, Bj(2026, 11, 23, 10));
        Assert.Equal("07356361888", order.CallerPhone);
        Assert.Equal("1888", order.CallerPhoneTail);
        Assert.Equal(order.CallerPhone, WorkOrder.CallerPhoneKey("0735 6361888"));
        Assert.Throws<DomainRuleException>(() => WorkOrder.Register(new WorkOrderIntake(WorkOrderChannel.Phone, WorkOrderType.Consultation, "CX.01", "咨询", "431025100201",
            CallerPhone: "电话0735"), "RX431025-20261123-00003", Center, Bj(2026, 11, 23, 10)));
    }

    [Fact]
    public void A_reply_while_an_extension_is_asked_ends_the_request_and_the_record_says_so()
    {
        var o = Handling();
        o.RequestExtension(5, "需要协调供电公司更换线路", HousingStaff, Bj(2026, 11, 26, 9));
        o.Reply(ReplyResult.Resolved, "已更换路灯", null, HousingStaff, Bj(2026, 11, 26, 15));
        Assert.False(o.HasPendingExtension);
        Assert.Contains("\"extensionLapsed\":5", o.NewEvents[^1].Data, StringComparison.Ordinal);
    }
}
