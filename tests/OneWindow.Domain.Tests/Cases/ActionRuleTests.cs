using OneWindow.Domain.Cases;
using static OneWindow.Domain.Tests.Cases.CaseFixtures;

namespace OneWindow.Domain.Tests.Cases;

/// <summary>Who may take which action at which node: the rule the API, the pages and the case's own methods share.</summary>
public class ActionRuleTests
{
    private static readonly string[] ClerkRoles = [StaffRoles.WindowClerk];
    private static readonly string[] ReviewerRoles = [StaffRoles.Reviewer];
    private static readonly string[] ApproverRoles = [StaffRoles.Approver];

    [Fact]
    public void At_intake_only_the_window_acts()
    {
        var c = Received(Promised(), Bj(2025, 3, 3, 9));
        Assert.Equal(["accept", "correction", "reject", "withdraw", "claim", "hand-over"], c.AvailableActions(ClerkRoles, Clerk.Id));
        Assert.Empty(c.AvailableActions(ReviewerRoles, Reviewer.Id));
        Assert.Empty(c.AvailableActions(ApproverRoles, Approver.Id));
        Assert.Equal("case.role-not-allowed", Assert.Throws<ActionNotAllowedException>(() => c.Accept(Reviewer, Bj(2025, 3, 3, 10), Days)).Code);
        Assert.Equal(CaseStatus.Received, c.Status);
    }

    [Fact]
    public void At_the_review_node_the_reviewer_and_the_approver_act_and_only_the_approver_extends_or_terminates()
    {
        var c = Received(Promised(), Bj(2025, 3, 3, 9));
        c.Accept(Clerk, Bj(2025, 3, 3, 10), Days);
        string[] node = ["complete-node", "suspend", "pause-for-correction"];
        Assert.Equal([.. node, "withdraw", "claim", "hand-over"], c.AvailableActions(ReviewerRoles, Reviewer.Id));
        Assert.Equal([.. node, "extend", "withdraw", "terminate", "claim", "hand-over"], c.AvailableActions(ApproverRoles, Approver.Id));
        Assert.Equal(["withdraw"], c.AvailableActions(ClerkRoles, Clerk.Id));
        Assert.Throws<ActionNotAllowedException>(() => c.Terminate("企业注销", Clerk, Bj(2025, 3, 4)));
        Assert.Throws<ActionNotAllowedException>(() => c.Extend(10, "需现场核查", Reviewer, Bj(2025, 3, 4), Days));
        Assert.Equal(StaffRoles.Reviewer, c.RoleToActIn("complete-node", [StaffRoles.WindowClerk, StaffRoles.Reviewer]));
    }

    [Fact]
    public void At_the_decision_node_only_the_approver_decides_and_may_send_it_back()
    {
        var c = Received(Promised(), Bj(2025, 3, 3, 9));
        c.Accept(Clerk, Bj(2025, 3, 3, 10), Days);
        c.CompleteCurrentNode(Reviewer, "符合条件", Bj(2025, 3, 4), Days);
        Assert.Contains("decide", c.AvailableActions(ApproverRoles, Approver.Id));
        Assert.Contains("return-node", c.AvailableActions(ApproverRoles, Approver.Id));
        Assert.Empty(c.AvailableActions(ReviewerRoles, Reviewer.Id));
        Assert.Throws<ActionNotAllowedException>(() => c.Decide(DecisionOutcome.Grant, null, Reviewer, Bj(2025, 3, 5), Days));
    }

    [Fact]
    public void A_case_waiting_for_correction_is_nobodys_to_claim_and_is_not_terminated_before_acceptance()
    {
        var c = Received(Promised(), Bj(2025, 3, 3, 9));
        c.RequestCorrection(["章程"], null, Clerk, Bj(2025, 3, 3, 10));
        Assert.DoesNotContain("claim", c.AvailableActions(ClerkRoles, Clerk.Id));
        Assert.Equal("case.not-claimable", Assert.Throws<DomainRuleException>(() => c.Claim(Clerk, Bj(2025, 3, 3, 11))).Code);
        Assert.Equal("case.not-accepted", Assert.Throws<DomainRuleException>(() => c.Terminate("企业注销", Approver, Bj(2025, 3, 3, 11))).Code);
    }

    [Fact]
    public void A_case_goes_only_to_a_colleague_who_may_act_at_its_node()
    {
        var c = Received(Promised(), Bj(2025, 3, 3, 9));
        c.Accept(Clerk, Bj(2025, 3, 3, 10), Days);
        var refused = Assert.Throws<DomainRuleException>(() => c.HandOver("u-clerk2", "窗口 王敏", [StaffRoles.WindowClerk], "公休", Reviewer, Bj(2025, 3, 4)));
        Assert.Equal("case.hand-over-target", refused.Code);
        c.HandOver(Approver.Id, Approver.Name, ApproverRoles, "公休", Reviewer, Bj(2025, 3, 4));
        Assert.Equal(Approver.Id, c.AssigneeId);
    }

    [Fact]
    public void The_system_acts_where_the_law_acts_by_itself()
    {
        var c = Received(Promised(), Bj(2025, 3, 3, 9));
        c.DeemAccepted(Bj(2025, 3, 11, 9), Days);
        Assert.Equal(CaseStatus.Accepted, c.Status);
        Assert.Equal("System", c.NewEvents[^1].ActorRole);
    }
}
