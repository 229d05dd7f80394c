using OneWindow.Domain.Supervision;
using static OneWindow.Domain.Tests.Cases.CaseFixtures;

namespace OneWindow.Domain.Tests.Supervision;

/// <summary>效能投诉: five working days to accept or refuse, anonymous with a code, findings and a reply to conclude.</summary>
public class ComplaintRuleTests
{
    private static readonly OneWindow.Domain.Cases.Actor Supervisor = new("u-sup", "监察 王敏", "Supervisor");

    private static EfficiencyComplaint Anonymous(DateTime at) =>
        EfficiencyComplaint.File(ComplaintChannel.Online, ComplaintAbout.Window, null, "B01 民政窗口", null, "431025000000", "窗口人员长时间离岗", true, null, null, at, Days);

    [Fact]
    public void A_complaint_must_be_accepted_or_refused_within_five_working_days_of_filing()
    {
        var c = Anonymous(Bj(2026, 11, 20, 16)); // Friday afternoon
        Assert.Equal(Bj(2026, 11, 28, 0), c.AcceptDueAt); // Monday 23 – Friday 27

        c.Accept(null, Supervisor, Bj(2026, 11, 27, 17));
        Assert.False(c.AnsweredLate(Bj(2026, 12, 10, 9)));
        var late = Anonymous(Bj(2026, 11, 20, 16));
        late.Accept(null, Supervisor, Bj(2026, 11, 28, 0));
        Assert.True(late.AnsweredLate(Bj(2026, 12, 10, 9)));
    }

    [Fact]
    public void An_anonymous_complaint_keeps_no_contact_and_gets_a_long_tracking_code()
    {
        var c = Anonymous(Bj(2026, 11, 20, 16));

        Assert.Null(c.ComplainantPhone);
        Assert.Matches("^TS[2-9A-HJ-NP-Z]{10}$", c.TrackingCode);
        Assert.NotEqual(c.TrackingCode, Anonymous(Bj(2026, 11, 20, 16)).TrackingCode);
    }

    [Fact]
    public void A_named_complaint_needs_a_phone_and_a_case_complaint_its_number()
    {
        Assert.Equal("phone", Assert.Throws<DomainRuleException>(() =>
            EfficiencyComplaint.File(ComplaintChannel.Online, ComplaintAbout.Other, null, null, null, "431025000000", "x", false, "张三", null, Bj(2026, 11, 20), Days)).Field);
        Assert.Equal("caseNumber", Assert.Throws<DomainRuleException>(() =>
            EfficiencyComplaint.File(ComplaintChannel.Online, ComplaintAbout.Case, null, null, null, "431025000000", "x", true, null, null, Bj(2026, 11, 20), Days)).Field);
    }

    [Fact]
    public void A_target_name_or_case_number_longer_than_its_column_is_refused_for_its_field_not_cut()
    {
        Assert.Equal("target", Assert.Throws<DomainRuleException>(() =>
            EfficiencyComplaint.File(ComplaintChannel.Online, ComplaintAbout.Window, null, new string('窗', 201), null, "431025000000", "x", true, null, null, Bj(2026, 11, 20), Days)).Field);
        Assert.Equal("name", Assert.Throws<DomainRuleException>(() =>
            EfficiencyComplaint.File(ComplaintChannel.Online, ComplaintAbout.Other, null, null, null, "431025000000", "x", false, new string('张', 101), "13800000000", Bj(2026, 11, 20), Days)).Field);
        Assert.Equal("caseNumber", Assert.Throws<DomainRuleException>(() =>
            EfficiencyComplaint.File(ComplaintChannel.Online, ComplaintAbout.Other, new string('9', 41), null, null, "431025000000", "x", true, null, null, Bj(2026, 11, 20), Days)).Field);
        Assert.Equal(new string('窗', 200), EfficiencyComplaint.File(ComplaintChannel.Online, ComplaintAbout.Window, null, new string('窗', 200), null, "431025000000", "x", true, null, null, Bj(2026, 11, 20), Days).Target);
    }

    [Fact]
    public void A_complaint_is_concluded_only_after_acceptance_with_findings_and_a_reply()
    {
        var c = Anonymous(Bj(2026, 11, 20, 16));
        Assert.Equal("complaint.not-accepted", Assert.Throws<DomainRuleException>(() => c.Conclude(true, "f", "r", Supervisor, Bj(2026, 11, 23))).Code);

        c.Accept(Guid.NewGuid(), Supervisor, Bj(2026, 11, 23));
        c.Conclude(true, "查实离岗 40 分钟", "已对相关人员批评教育，窗口实行 AB 岗", Supervisor, Bj(2026, 11, 24));
        Assert.Equal(ComplaintStatus.Concluded, c.Status);
        Assert.True(c.Upheld);
    }
}
