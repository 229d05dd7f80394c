using OneWindow.Domain.Cases;
using static OneWindow.Domain.Tests.Cases.CaseFixtures;

namespace OneWindow.Domain.Tests.Cases;

public class CaseLifeTests
{
    [Fact]
    public void A_promised_case_walks_its_nodes_from_acceptance_to_delivery()
    {
        var c = Received(Promised(6, 20), Bj(2025, 3, 3, 9));
        c.Accept(Clerk, Bj(2025, 3, 3, 10), Days);
        Assert.Equal("审查", c.CurrentNode!.Name);
        Assert.Equal(Bj(2025, 3, 7, 0), c.CurrentNode.DueAt); // 3 working days
        Assert.Equal("case.role-not-allowed", Assert.Throws<ActionNotAllowedException>(() => c.CompleteCurrentNode(Clerk, "同意", Bj(2025, 3, 4), Days)).Code);
        c.CompleteCurrentNode(Reviewer, "材料齐全，符合条件，建议准予", Bj(2025, 3, 4), Days);
        Assert.Equal("审批决定", c.CurrentNode!.Name);
        c.Decide(DecisionOutcome.Grant, null, Approver, Bj(2025, 3, 5), Days);
        Assert.Equal(CaseStatus.Decided, c.Status);
        c.IssueResult("431025-2025-000123", Clerk, Bj(2025, 3, 5, 15), Days);
        Assert.Equal("case.tracking-number-required", Assert.Throws<DomainRuleException>(() => c.Deliver(DeliveryMethod.Mail, null, Clerk, Bj(2025, 3, 6))).Code);
        c.Deliver(DeliveryMethod.Mail, "EMS1234567890", Clerk, Bj(2025, 3, 6));
        Assert.Equal(CaseStatus.Concluded, c.Status);
        Assert.All(c.Nodes, n => Assert.NotNull(n.CompletedAt));
        Assert.False(c.ReadPromised(Bj(2025, 3, 20), Days).IsOverdue); // the clock stopped at conclusion
    }

    [Fact]
    public void A_denial_needs_reasons_and_the_rights_of_appeal()
    {
        var c = Received(Promised(6, 20), Bj(2025, 3, 3, 9));
        c.Accept(Clerk, Bj(2025, 3, 3, 10), Days);
        c.CompleteCurrentNode(Reviewer, "不符合条件", Bj(2025, 3, 4), Days);
        Assert.Equal("case.deny-reason-required", Assert.Throws<DomainRuleException>(() => c.Decide(DecisionOutcome.Deny, " ", Approver, Bj(2025, 3, 5), Days)).Code);
        c.Decide(DecisionOutcome.Deny, "选址不符合规划；可于六十日内申请行政复议或六个月内提起行政诉讼", Approver, Bj(2025, 3, 5), Days);
        Assert.Equal(DecisionOutcome.Deny, c.Decision.Outcome);
    }

    [Fact]
    public void The_one_time_notice_is_one_time_unless_a_reason_is_recorded()
    {
        var c = Received(Promised(), Bj(2025, 3, 3, 9));
        c.RequestCorrection(["身份证复印件", "委托书"], null, Clerk, Bj(2025, 3, 3, 10));
        Assert.Equal(CaseStatus.AwaitingCorrection, c.Status);
        c.Supplement(["身份证复印件", "委托书"], Clerk, Bj(2025, 3, 5, 9), Days);
        Assert.Equal(CaseStatus.Received, c.Status);
        Assert.Equal(Bj(2025, 3, 13, 0), c.Clocks.IntakeDueAt); // a new notice period from the complete receipt
        var e = Assert.Throws<DomainRuleException>(() => c.RequestCorrection(["户口簿"], null, Clerk, Bj(2025, 3, 5, 10)));
        Assert.Equal("case.second-correction-notice", e.Code);
        c.RequestCorrection(["户口簿"], "申请人补交材料中出现新的情形", Clerk, Bj(2025, 3, 5, 10));
        Assert.Equal(2, c.CorrectionNotices);
    }

    [Fact]
    public void Rejection_at_intake_needs_a_reason_and_ends_the_case()
    {
        var c = Received(Promised(), Bj(2025, 3, 3, 9));
        Assert.Equal("case.reason-required", Assert.Throws<DomainRuleException>(() => c.RejectAtIntake("", null, Clerk, Bj(2025, 3, 3, 10))).Code);
        c.RejectAtIntake("申请事项不属于本机关职权范围（行政许可法第三十二条第一款第二项）", "郴州市市场监督管理局", Clerk, Bj(2025, 3, 3, 10));
        Assert.False(c.IsOpen);
        Assert.Throws<DomainRuleException>(() => c.Accept(Clerk, Bj(2025, 3, 3, 11), Days));
    }

    [Fact]
    public void An_applicant_withdraws_an_open_case_but_not_a_concluded_one()
    {
        var open = Received(Promised(), Bj(2025, 3, 3, 9));
        open.Withdraw("申请人书面申请撤回", Clerk, Bj(2025, 3, 4));
        Assert.Equal(CaseStatus.Withdrawn, open.Status);
        var done = Received(Instant(), Bj(2025, 3, 3, 9));
        done.ConcludeInstantly("X-1", Clerk, Bj(2025, 3, 3, 9, 5), Days);
        Assert.Equal("case.not-open", Assert.Throws<DomainRuleException>(() => done.Terminate("企业注销", Approver, Bj(2025, 3, 4))).Code);
    }

    [Fact]
    public void Acceptance_waits_for_every_required_material_and_the_correction_notice_asks_for_exactly_those()
    {
        var c = Case.Receive("431025-20251230-00002", Promised(), Person, CaseChannel.Window, null, "431025000000", [], Clerk, Bj(2025, 3, 3, 9), Days);
        Assert.Equal(["申请书"], c.RequiredMaterialsMissing);
        Assert.DoesNotContain(CaseActionNames.Accept, c.ActionsForState()); // the notice is offered instead
        Assert.Contains(CaseActionNames.Correction, c.ActionsForState());
        var refused = Assert.Throws<DomainRuleException>(() => c.Accept(Clerk, Bj(2025, 3, 3, 10), Days));
        Assert.Equal("case.materials-missing", refused.Code);
        Assert.Contains("申请书", refused.Message, StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Received, c.Status); // nothing changed

        c.RequestCorrection(c.RequiredMaterialsMissing, null, Clerk, Bj(2025, 3, 3, 10));
        c.Supplement(["申请书"], Clerk, Bj(2025, 3, 4, 9), Days);
        Assert.Empty(c.RequiredMaterialsMissing);
        Assert.Contains(CaseActionNames.Accept, c.ActionsForState());
        c.Accept(Clerk, Bj(2025, 3, 4, 10), Days);
        Assert.Equal(CaseStatus.Accepted, c.Status);
    }

    [Fact]
    public void The_laws_deemed_acceptance_stands_even_with_a_material_missing()
    {
        var c = Case.Receive("431025-20251230-00003", Promised(), Person, CaseChannel.Window, null, "431025000000", [], Clerk, Bj(2025, 3, 3, 9), Days);
        c.DeemAccepted(c.Clocks.IntakeDueAt!.Value, Days); // no notice within five working days (§32)
        Assert.Equal(CaseStatus.Accepted, c.Status);
        Assert.True(c.Clocks.DeemedAccepted);
    }

    [Fact]
    public void A_decided_case_is_not_offered_withdrawal_and_refuses_it()
    {
        var c = Received(Promised(6, 20), Bj(2025, 3, 3, 9));
        c.Accept(Clerk, Bj(2025, 3, 3, 10), Days);
        Assert.Contains(CaseActionNames.Withdraw, c.ActionsForState());
        c.CompleteCurrentNode(Reviewer, "符合条件", Bj(2025, 3, 4), Days);
        c.Decide(DecisionOutcome.Grant, null, Approver, Bj(2025, 3, 5), Days);
        Assert.DoesNotContain(CaseActionNames.Withdraw, c.ActionsForState());
        Assert.Equal("case.decided", Assert.Throws<DomainRuleException>(() => c.Withdraw("不要了", Clerk, Bj(2025, 3, 6))).Code);
        Assert.Equal(CaseStatus.Decided, c.Status);
    }

    [Fact]
    public void A_decided_clock_reads_what_the_case_took_not_what_is_left()
    {
        var c = Received(Promised(6, 20), Bj(2025, 3, 3, 9));
        c.Accept(Clerk, Bj(2025, 3, 3, 10), Days);
        Assert.False(c.ReadPromised(Bj(2025, 3, 4), Days).IsFinished);
        c.CompleteCurrentNode(Reviewer, "符合条件", Bj(2025, 3, 4), Days);
        c.Decide(DecisionOutcome.Grant, null, Approver, Bj(2025, 3, 5, 11), Days);
        c.IssueResult("431025-2025-000124", Clerk, Bj(2025, 3, 20), Days);
        c.Deliver(DeliveryMethod.WindowPickup, null, Clerk, Bj(2025, 3, 21));
        // Weeks later the clocks still say what the case took to its decision, and that it came in time; a late
        // collection of the certificate does not make the decision late.
        var promised = c.ReadPromised(Bj(2025, 4, 30), Days);
        var statutory = c.ReadStatutory(Bj(2025, 4, 30), Days);
        Assert.True(promised.IsFinished);
        Assert.True(statutory.IsFinished);
        Assert.Equal(2, promised.ElapsedWorkingDays);
        Assert.False(promised.IsOverdue);
        Assert.False(statutory.IsOverdue);
    }

    [Fact]
    public void An_instant_conclusion_without_a_result_number_changes_nothing()
    {
        var c = Received(Instant(), Bj(2025, 3, 3, 9));
        var events = c.NewEvents.Count;
        Assert.Equal("case.result-number-required", Assert.Throws<DomainRuleException>(() => c.ConcludeInstantly(" ", Clerk, Bj(2025, 3, 3, 9, 5), Days)).Code);
        Assert.Equal(CaseStatus.Received, c.Status);
        Assert.Equal(events, c.NewEvents.Count);
    }

    [Fact]
    public void A_case_can_be_sent_back_to_the_previous_node_with_a_reason()
    {
        var c = Received(Promised(6, 20), Bj(2025, 3, 3, 9));
        c.Accept(Clerk, Bj(2025, 3, 3, 10), Days);
        c.CompleteCurrentNode(Reviewer, "建议准予", Bj(2025, 3, 4), Days);
        c.ReturnToPreviousNode(Approver, "审查意见不完整", Bj(2025, 3, 4, 15), Days);
        Assert.Equal("审查", c.CurrentNode!.Name);
    }

    [Fact]
    public void An_applicant_with_an_invalid_id_number_is_refused()
    {
        var e = Assert.Throws<DomainRuleException>(() => Applicant.Create(ApplicantKind.Person, "张三", "11010519491231001X", "13800000000", new DateOnly(2026, 1, 1)));
        Assert.Equal("resident-id.check-character", e.Code);
        var enterprise = Applicant.Create(ApplicantKind.Enterprise, "某公司", "91350100M000100Y43", "0735-6361209", new DateOnly(2026, 1, 1));
        Assert.Equal("91350100M000100Y43", enterprise.IdentityNumber);
        Assert.Equal("110105********002X", Person.MaskedIdentityNumber);
    }
}
