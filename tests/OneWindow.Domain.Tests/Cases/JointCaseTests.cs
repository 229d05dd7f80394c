using OneWindow.Domain.Cases;
using OneWindow.Domain.Catalog;
using static OneWindow.Domain.Tests.Cases.CaseFixtures;

namespace OneWindow.Domain.Tests.Cases;

/// <summary>一件事: one intake, parts handled in parallel by their departments, one decision, one fee, one delivery.</summary>
public class JointCaseTests
{
    private static readonly Actor Applicant = new("u-citizen", "张三", "Applicant");

    private sealed record Joint(Case Case, IReadOnlyList<Case> Parts);

    private static (CombinedItem Combined, List<ServiceItemVersion> Members) Package(int? promise, params ServiceItemVersion[] members)
    {
        var at = new DateTime(2020, 1, 2, 0, 0, 0, DateTimeKind.Utc);
        var combined = CombinedItem.Create("YJS-T", "t", at);
        combined.Edit("开办测试一件事", "", [.. members.Select(m => m.ItemCode)], members[0].DepartmentId, promise, DeliveryMethods.WindowPickup, [], "t", at);
        combined.Publish(members.ToDictionary(m => m.ItemCode, m => m.DepartmentId), "t", at);
        return (combined, [.. members]);
    }

    private static Joint AcceptedJoint(DateTime at, int? promise, params ServiceItemVersion[] members)
    {
        var (combined, versions) = Package(promise, members);
        var c = Case.Receive("J-1", CaseTemplate.ForCombined(combined, versions), Person, CaseChannel.Window, null, "431025000000", ["申请书"], Clerk, at, Days);
        c.Accept(Clerk, at, Days);
        var parts = c.FanOut(versions, at, Days);
        return new Joint(c, parts);
    }

    private static void Decide(Joint j, int part, DecisionOutcome outcome, DateTime at, string? reason = null)
    {
        var p = j.Parts[part];
        while (p.CurrentNodeIndex < p.DecisionNodeIndex)
        {
            p.CompleteCurrentNode(p.CurrentNode!.ActingRole == "Reviewer" ? Reviewer : Clerk, "同意", at, Days);
        }
        p.Decide(outcome, reason, p.CurrentNode!.ActingRole == "Approver" ? Approver : Clerk, at, Days);
        j.Case.RecordPart(p, at, Days);
    }

    [Fact]
    public void A_joint_case_fans_out_one_part_per_member_each_at_its_departments_first_handling_node()
    {
        var a = Promised(5, 20);
        var b = Promised(10, 20);
        var c = Instant();
        var j = AcceptedJoint(Bj(2026, 11, 16, 9), null, a, b, c);

        Assert.True(j.Case.IsJoint);
        Assert.Equal(3, j.Parts.Count);
        Assert.Equal(["J-1-01", "J-1-02", "J-1-03"], j.Parts.Select(p => p.Number));
        Assert.Equal([a.DepartmentId, b.DepartmentId, c.DepartmentId], j.Parts.Select(p => p.DepartmentId));
        Assert.All(j.Parts, p =>
        {
            Assert.Equal(CaseStatus.Accepted, p.Status);
            Assert.Equal(j.Case.Id, p.ParentCaseId);
            Assert.Equal(j.Case.Clocks.ClockStartAt, p.Clocks.ClockStartAt);
            Assert.Equal(1, p.CurrentNodeIndex);
            Assert.Empty(p.Payment.Fees);
        });
        Assert.Equal("审查", j.Parts[0].CurrentNode!.Name);
        // The joint limit of §42: 45 working days, when the package has no promise of its own.
        Assert.Equal(45, j.Case.Clocks.PromisedLimitDays);
        Assert.Equal(45, j.Case.Clocks.StatutoryLimitDays);
        Assert.Equal(15, j.Case.DefaultExtension);
        Assert.Equal(CaseStatus.Accepted, j.Case.Status);
        Assert.Equal("case.not-fannable", Assert.Throws<DomainRuleException>(() => j.Case.FanOut([a, b, c], Bj(2026, 11, 16, 9), Days)).Code);
    }

    [Fact]
    public void Joint_case_with_one_slow_sub_case_is_decided_when_the_slow_one_is_and_its_special_procedure_stops_the_joint_clock()
    {
        var j = AcceptedJoint(Bj(2026, 11, 2, 9), 10, Promised(5, 20), Promised(5, 20), Promised(8, 20));
        Assert.Equal(Bj(2026, 11, 17, 0), j.Case.Clocks.PromisedDueAt); // 10 working days from Mon 2 Nov: Mon 16 Nov

        Decide(j, 0, DecisionOutcome.Grant, Bj(2026, 11, 3, 10));
        Decide(j, 1, DecisionOutcome.Grant, Bj(2026, 11, 4, 10));
        Assert.Equal(CaseStatus.Accepted, j.Case.Status);

        // The slow part goes out for an inspection (检验) from Thu 5 Nov to Wed 11 Nov: the joint clock stops with it.
        var slow = j.Parts[2];
        slow.CompleteCurrentNode(Reviewer, "需检验", Bj(2026, 11, 5, 9), Days);
        slow.Suspend("检验", 5, "现场检验", Approver, Bj(2026, 11, 5, 10), Days);
        j.Case.RecordPart(slow, Bj(2026, 11, 5, 10), Days);
        Assert.True(j.Case.ReadPromised(Bj(2026, 11, 9), Days).IsStopped);
        Assert.Null(j.Case.Clocks.PromisedDueAt);

        slow.Resume("检验合格", Approver, Bj(2026, 11, 11, 16), Days);
        j.Case.RecordPart(slow, Bj(2026, 11, 11, 16), Days);
        // 6 Nov … 11 Nov are 4 working days out: the joint promise moves from 16 Nov to 20 Nov.
        Assert.Equal(Bj(2026, 11, 21, 0), j.Case.Clocks.PromisedDueAt);
        Assert.Equal(CaseStatus.Accepted, j.Case.Status);

        Decide(j, 2, DecisionOutcome.Grant, Bj(2026, 11, 12, 9));
        Assert.Equal(CaseStatus.Decided, j.Case.Status);
        Assert.Equal(DecisionOutcome.Grant, j.Case.Decision.Outcome);
        Assert.Equal(Bj(2026, 11, 12, 9), j.Case.Decision.DecidedAt);
        Assert.False(j.Case.ReadPromised(Bj(2026, 11, 12, 9), Days).IsOverdue);
        Assert.Equal(8 - 4, j.Case.ReadPromised(Bj(2026, 11, 12, 9), Days).ElapsedWorkingDays); // 3 Nov … 12 Nov less 6 … 11 Nov
        Assert.Equal("统一出件", j.Case.CurrentNode!.Name);
    }

    [Fact]
    public void A_denied_part_is_shown_with_its_reason_and_the_joint_case_is_partly_granted()
    {
        var j = AcceptedJoint(Bj(2026, 11, 16, 9), null, Promised(5, 20), Promised(5, 20));
        Decide(j, 0, DecisionOutcome.Grant, Bj(2026, 11, 17, 9));
        Decide(j, 1, DecisionOutcome.Deny, Bj(2026, 11, 17, 10), "经营场所不符合食品安全要求；可在六十日内申请行政复议");
        Assert.Equal(DecisionOutcome.PartlyGranted, j.Case.Decision.Outcome);
        Assert.Contains("经营场所不符合食品安全要求", j.Case.Decision.Reason, StringComparison.Ordinal);
        Assert.Equal(DecisionOutcome.Deny, j.Case.Parts[1].Decision);
        Assert.Equal(j.Parts[1].Decision.Reason, j.Case.Parts[1].DecisionReason);
    }

    [Fact]
    public void The_joint_case_is_paid_issued_and_delivered_once_and_the_parts_follow()
    {
        var fee = Promised(5, 20);
        var j = AcceptedJoint(Bj(2026, 11, 16, 9), null, fee, Promised(5, 20));
        Decide(j, 0, DecisionOutcome.Grant, Bj(2026, 11, 17, 9));
        Decide(j, 1, DecisionOutcome.Grant, Bj(2026, 11, 17, 10));

        Assert.Equal("case.part-of-joint", Assert.Throws<DomainRuleException>(() => j.Parts[0].IssueResult("X", Clerk, Bj(2026, 11, 17, 11), Days)).Code);
        Assert.Equal("case.part-of-joint", Assert.Throws<DomainRuleException>(() => j.Parts[0].Withdraw("不办了", Applicant, Bj(2026, 11, 17, 11))).Code);
        Assert.Equal("case.joint-acts-by-parts", Assert.Throws<DomainRuleException>(() => j.Case.Decide(DecisionOutcome.Grant, null, Approver, Bj(2026, 11, 17, 11), Days)).Code);

        // Each department's result keeps its own number: none missing, none shared.
        var first = j.Parts[0].Number;
        var second = j.Parts[1].Number;
        Assert.Equal("case.part-result-number-required", Assert.Throws<DomainRuleException>(() =>
            j.Case.IssueResult("LW-2026-001", Clerk, Bj(2026, 11, 17, 11), Days, new Dictionary<string, string> { [first] = "91431025MA4T000001" })).Code);
        Assert.Equal("case.part-result-number-duplicate", Assert.Throws<DomainRuleException>(() =>
            j.Case.IssueResult("LW-2026-001", Clerk, Bj(2026, 11, 17, 11), Days, new Dictionary<string, string> { [first] = "A-1", [second] = "A-1" })).Code);
        Assert.Equal(CaseStatus.Decided, j.Case.Status);
        j.Case.IssueResult("LW-2026-001", Clerk, Bj(2026, 11, 17, 11), Days,
            new Dictionary<string, string> { [first] = "91431025MA4T000001", [second] = "JY14310250000001" });
        foreach (var p in j.Parts)
        {
            p.FollowJoint(j.Case, Bj(2026, 11, 17, 11), Days);
            j.Case.RecordPart(p, Bj(2026, 11, 17, 11), Days);
        }
        Assert.Equal(["91431025MA4T000001", "JY14310250000001"], j.Parts.Select(p => p.Decision.ResultNumber));
        Assert.Equal(["91431025MA4T000001", "JY14310250000001"], j.Case.Parts.Select(p => p.ResultNumber));
        j.Case.Deliver(DeliveryMethod.Mail, "EMS1234567890", Clerk, Bj(2026, 11, 17, 15));
        foreach (var p in j.Parts)
        {
            p.FollowJoint(j.Case, Bj(2026, 11, 17, 15), Days);
            j.Case.RecordPart(p, Bj(2026, 11, 17, 15), Days);
        }
        Assert.All(j.Parts, p => Assert.Equal(CaseStatus.Concluded, p.Status));
        Assert.All(j.Parts, p => Assert.Equal("EMS1234567890", p.Delivery.Reference));
        Assert.All(j.Case.Parts, p => Assert.Equal(CaseStatus.Concluded, p.Status));
        Assert.True(SealAndVerify(j.Case).IsIntact);
        Assert.All(j.Parts, p => Assert.True(SealAndVerify(p).IsIntact));
    }

    [Fact]
    public void Withdrawing_the_joint_case_withdraws_its_open_parts()
    {
        var j = AcceptedJoint(Bj(2026, 11, 16, 9), null, Promised(5, 20), Promised(5, 20));
        Decide(j, 0, DecisionOutcome.Grant, Bj(2026, 11, 17, 9));
        j.Case.Withdraw("申请人决定暂不开业", Applicant, Bj(2026, 11, 18, 9));
        foreach (var p in j.Parts)
        {
            p.FollowJoint(j.Case, Bj(2026, 11, 18, 9), Days);
        }
        Assert.All(j.Parts, p => Assert.Equal(CaseStatus.Withdrawn, p.Status));
        Assert.All(j.Parts, p => Assert.False(p.Open));
    }

    [Fact]
    public void The_members_fees_are_paid_once_at_the_joint_case_before_the_results_are_issued()
    {
        var j = AcceptedJoint(Bj(2026, 11, 16, 9), null, WithFees(Promised(5, 20), 80m, 10m), WithFees(Promised(5, 20), 50m));
        Assert.Equal(140m, j.Case.StandardFeeTotal);
        Assert.All(j.Parts, p => Assert.False(p.OwesFees));
        Decide(j, 0, DecisionOutcome.Grant, Bj(2026, 11, 17, 9));
        Decide(j, 1, DecisionOutcome.Grant, Bj(2026, 11, 17, 10));
        Assert.Equal("case.fees-unpaid", Assert.Throws<DomainRuleException>(() => j.Case.IssueResult("R", Clerk, Bj(2026, 11, 17, 11), Days)).Code);
        Assert.Equal("case.part-of-joint", Assert.Throws<DomainRuleException>(() => j.Parts[0].RecordPayment(90m, "P-1", false, null, Clerk, Bj(2026, 11, 17, 11))).Code);
        j.Case.RecordPayment(140m, "湘财通字 0099", false, null, Clerk, Bj(2026, 11, 17, 11));
        j.Case.IssueResult("R", Clerk, Bj(2026, 11, 17, 12), Days, j.Parts.ToDictionary(p => p.Number, p => "R-" + p.Number));
        Assert.Equal(CaseStatus.ResultIssued, j.Case.Status);
    }

    [Fact]
    public void A_combined_item_is_applied_for_only_when_every_member_is_published()
    {
        var (combined, versions) = Package(null, Promised(5, 20), Promised(5, 20));
        var template = CaseTemplate.ForCombined(combined, versions);
        Assert.Equal(["一窗受理", "并联审批", "统一出件"], template.Nodes.Select(n => n.Name));
        Assert.Equal("combined.member-not-published", Assert.Throws<DomainRuleException>(() => CaseTemplate.ForCombined(combined, versions.Take(1).ToList())).Code);
    }
}
