using OneWindow.Domain.Cases;
using OneWindow.Domain.Hotline;
using static OneWindow.Domain.Tests.Cases.CaseFixtures;

namespace OneWindow.Domain.Tests.Hotline;

/// <summary>
/// Typical orders (ADR 0037): the caller's consent as events in the order's record, who may record or withdraw it,
/// publishing only a concluded consented order, and the personal-data screen on each pattern it must recognise.
/// </summary>
public class TypicalOrderTests
{
    private static readonly HotlineParty Center = HotlineParty.Center(new Actor("u-op", "坐席 何晓", "HotlineOperator"));
    private static readonly Guid Housing = Guid.Parse("00000000-0000-0000-0000-0000000000b2");
    private static readonly HotlineParty HousingStaff = HotlineParty.Unit(new Actor("u-zj", "住建 王强", "Reviewer"), Housing);
    private static readonly WorkOrderLimits Limits = WorkOrderLimits.Default;
    private static readonly PersonalDataContext Caller = new("张建国", "0735-6361888", "汾市镇龙归坪村 3 组 12 号", "龙归坪村");
    private static readonly TypicalText Clean = new("村口路灯损坏后一周内修复", "群众反映村口路灯损坏一个月无人维修，夜间出行不便。", "住建局核实后于 11 月 25 日更换路灯，来电人表示满意。");

    private static WorkOrder Registered(bool? consent = null, HotlineParty? by = null) =>
        WorkOrder.Register(new WorkOrderIntake(WorkOrderChannel.Phone, WorkOrderType.Complaint, "CX.01", "村口路灯损坏一个月无人修", "431025100201",
            "汾市镇龙归坪村 3 组 12 号", CallerName: "张建国", CallerPhone: "0735-6361888", PublicationConsent: consent), "RX431025-20261123-00001", by ?? Center,
            Bj(2026, 11, 23, 10));

    private static WorkOrder Concluded(bool? consent = true)
    {
        var o = Registered(consent);
        o.Dispatch(Housing, [], Limits.SignFor(WorkOrderUrgency.Normal), Limits.Handling(WorkOrderType.Complaint, WorkOrderUrgency.Normal), Days, Center, Bj(2026, 11, 23, 10));
        o.Sign(HousingStaff, Bj(2026, 11, 23, 15));
        o.Reply(ReplyResult.Resolved, "已更换路灯", null, HousingStaff, Bj(2026, 11, 26, 9));
        o.Review(true, null, Limits.Callback, Days, Center, Bj(2026, 11, 26, 10));
        o.RecordCallback(CallbackMethod.Phone, true, Satisfaction.Satisfied, null, Center, Bj(2026, 11, 27, 10));
        return o;
    }

    [Fact]
    public void Consent_at_the_registration_is_an_event_after_the_registration_with_who_recorded_it()
    {
        var online = Registered(true, HotlineParty.Caller);
        Assert.Equal(["registered", "consent-given"], online.NewEvents.Select(e => e.Action));
        Assert.Equal(("public", true), (online.NewEvents[^1].ActorId, online.PublicationConsent));
        var notAsked = Registered();
        Assert.Equal(["registered"], notAsked.NewEvents.Select(e => e.Action));
        Assert.Null(notAsked.PublicationConsent);
        var refused = Registered(false);
        Assert.Equal(("consent-refused", "u-op"), (refused.NewEvents[^1].Action, refused.NewEvents[^1].ActorId));
    }

    [Fact]
    public void The_center_records_consent_at_any_time_the_caller_only_withdraws_and_a_unit_neither()
    {
        var o = Registered();
        Assert.Throws<ActionNotAllowedException>(() => o.RecordPublicationConsent(true, null, HousingStaff, Bj(2026, 11, 23, 11)));
        Assert.Throws<ActionNotAllowedException>(() => o.RecordPublicationConsent(true, null, HotlineParty.Caller, Bj(2026, 11, 23, 11)));
        Assert.Equal("hotline.consent-not-given", Assert.Throws<DomainRuleException>(() => o.RecordPublicationConsent(false, null, HotlineParty.Caller, Bj(2026, 11, 23, 11))).Code);
        var revision = o.Revision;
        o.RecordPublicationConsent(true, "回访时征询", Center, Bj(2026, 11, 23, 11));
        Assert.Equal((true, revision + 1, WorkOrderStatus.Registered), (o.PublicationConsent, o.Revision, o.Status));
        o.RecordPublicationConsent(true, null, Center, Bj(2026, 11, 23, 12)); // the same answer again adds nothing
        Assert.Equal(revision + 1, o.Revision);
        o.RecordPublicationConsent(false, null, HotlineParty.Caller, Bj(2026, 11, 24, 9));
        Assert.Equal(("consent-withdrawn", "public", false), (o.NewEvents[^1].Action, o.NewEvents[^1].ActorId, o.PublicationConsent));
    }

    [Fact]
    public void Only_a_concluded_order_with_consent_is_published_and_a_withdrawn_consent_refuses_an_edit()
    {
        var handling = Registered(true);
        Assert.Equal("hotline.typical-not-concluded",
            Assert.Throws<DomainRuleException>(() => TypicalOrder.Publish(handling, "CX", Clean, Caller, "坐席 何晓", Bj(2026, 11, 28, 9))).Code);
        Assert.Equal("hotline.consent-required",
            Assert.Throws<DomainRuleException>(() => TypicalOrder.Publish(Concluded(null), "CX", Clean, Caller, "坐席 何晓", Bj(2026, 11, 28, 9))).Code);
        var o = Concluded();
        var typical = TypicalOrder.Publish(o, "CX", Clean, Caller, "坐席 何晓", Bj(2026, 11, 28, 9));
        Assert.Equal(("431025100000", "CX", Housing, new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 27), true),
            (typical.PlaceCode, typical.GroupCode, typical.HandlingUnitId, typical.ReceivedOn, typical.ConcludedOn, typical.Published));
        o.RecordPublicationConsent(false, null, HotlineParty.Caller, Bj(2026, 11, 29, 9));
        Assert.Equal("hotline.consent-required",
            Assert.Throws<DomainRuleException>(() => typical.Edit(o, Clean with { Title = "路灯修复" }, Caller, "坐席 何晓", Bj(2026, 11, 29, 10))).Code);
    }

    public static TheoryData<string, string> PersonalData() => new()
    {
        { "来电人张建国反映村口路灯损坏", "caller-name" },
        { "可致电 0735-6361888 联系", "caller-phone" },
        { "联系人手机 13907351234", "mobile" },
        { "手机 139 0735 1234 无人接听", "mobile" },
        { "手机１３９０７３５１２３４", "mobile" },
        { "身份证号 11010519491231002X 的群众", "resident-id" },
        { "地址是汾市镇龙归坪村3组12号", "address" },
        { "龙归坪村村口路灯损坏", "village" },
        { "人民路 12 号门前积水", "house-number" },
        { "3栋2单元楼道灯坏了", "house-number" },
    };

    [Theory]
    [MemberData(nameof(PersonalData))]
    public void Each_pattern_of_personal_data_is_found_and_refused_naming_the_field(string text, string kind)
    {
        Assert.Contains(kind, PersonalDataScreen.Find(text, Caller).Select(f => f.Kind));
        var refused = Assert.Throws<DomainRuleException>(() => TypicalOrder.Publish(Concluded(), "CX", Clean with { Answer = text }, Caller, "坐席 何晓", Bj(2026, 11, 28, 9)));
        Assert.Equal(("hotline.typical-personal-data", "answer"), (refused.Code, refused.Field));
    }

    [Fact]
    public void A_text_without_personal_data_is_accepted_with_dates_numbers_and_the_town()
    {
        var text = "汾市镇群众反映路灯损坏。住建局于 2026-11-25 更换 2 盏路灯，办理用时 3 个工作日，依据《城市照明管理规定》第 12 条。";
        Assert.Empty(PersonalDataScreen.Find(text, Caller));
        Assert.Empty(PersonalDataScreen.Find("工单 RX431025-20261123-00001 已办结，案号 431025-20261122-00017", Caller));
    }

    public static TheoryData<string, bool, string> ResidentIds()
    {
        var data = new TheoryData<string, bool, string>();
        foreach (var row in ReferenceData.ReadCsv("checkdigits/cn_resident_id_vectors.csv").Where(r => r["value"].Trim().Length == 18))
        {
            data.Add(row["value"].Trim(), row["check_char_matches"] == "True", row["note"]);
        }
        return data;
    }

    /// <summary>Every 18-character vector of GB 11643: found exactly when its check character is right.</summary>
    [Theory]
    [MemberData(nameof(ResidentIds))]
    public void An_18_character_resident_id_is_found_when_its_check_character_is_right(string id, bool checkMatches, string note)
    {
        var found = PersonalDataScreen.Find($"申请人证件号{id}，已核实", new PersonalDataContext(null, null, null, null)).Select(f => f.Kind);
        Assert.True(checkMatches == found.Contains("resident-id"), $"{id}: {note}");
    }
}
