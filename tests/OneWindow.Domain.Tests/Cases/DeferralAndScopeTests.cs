using OneWindow.Domain.Cases;
using OneWindow.Domain.Catalog;
using OneWindow.Domain.Supervision;
using static OneWindow.Domain.Tests.Cases.CaseFixtures;

namespace OneWindow.Domain.Tests.Cases;

/// <summary>容缺受理 as the guide allows it, and the decision's scope and validity.</summary>
public class DeferralAndScopeTests
{
    /// <summary>An item whose guide asks for an application form and a minor material that may be deferred.</summary>
    private static ServiceItemVersion Deferrable(int? validityMonths = null, string? scopeLabel = null)
    {
        var version = Promised();
        typeof(ServiceItemVersion).GetProperty(nameof(ServiceItemVersion.Guide))!.SetValue(version, version.Guide with
        {
            Materials = [new Material { Name = "申请书" }, new Material { Name = "健康管理制度", Deferrable = true }],
            ResultValidityMonths = validityMonths,
            ResultScopeLabel = scopeLabel,
        });
        return version;
    }

    private static Case ReceivedWithout(ServiceItemVersion version, params string[] provided) =>
        Case.Receive("431025-20250303-00001", version, Person, CaseChannel.Window, null, "431025000000", provided, Clerk, Bj(2025, 3, 3, 9), Days);

    private static readonly MaterialDeferral ByFriday = new(new DateOnly(2025, 3, 7), CommitmentSigned: true);

    [Fact]
    public void A_minor_material_the_guide_lets_wait_is_accepted_on_a_signed_commitment_and_the_grant_waits_for_it()
    {
        var c = ReceivedWithout(Deferrable(), "申请书");
        Assert.True(c.MayAcceptWithDeferral);
        Assert.Contains(CaseActionNames.Accept, c.ActionsForState());

        var without = Assert.Throws<DomainRuleException>(() => c.Accept(Clerk, Bj(2025, 3, 3, 10), Days));
        Assert.Equal("case.materials-missing", without.Code);
        Assert.Contains("容缺受理", without.Message, StringComparison.Ordinal);

        c.Accept(Clerk, Bj(2025, 3, 3, 10), Days, deferral: ByFriday);
        Assert.Equal(CaseStatus.Accepted, c.Status);
        Assert.Equal(["健康管理制度"], c.DeferredMaterials);
        Assert.Equal(new DateOnly(2025, 3, 7), c.DeferredUntil);
        Assert.Contains("\"deferredUntil\":\"2025-03-07\"", c.NewEvents[^1].Data, StringComparison.Ordinal);
        Assert.Contains(CaseActionNames.SupplyDeferred, c.ActionsForState());

        c.CompleteCurrentNode(Reviewer, "符合条件", Bj(2025, 3, 4), Days);
        var early = Assert.Throws<DomainRuleException>(() => c.Decide(DecisionOutcome.Grant, null, Approver, Bj(2025, 3, 5), Days));
        Assert.Equal("case.deferred-materials-missing", early.Code);

        c.SupplyDeferred(["健康管理制度"], Clerk, Bj(2025, 3, 6));
        Assert.Empty(c.DeferredMaterialsMissing);
        Assert.Equal(Bj(2025, 3, 6), c.DeferredSuppliedAt);
        Assert.DoesNotContain(CaseActionNames.SupplyDeferred, c.ActionsForState());
        c.Decide(DecisionOutcome.Grant, null, Approver, Bj(2025, 3, 6, 11), Days);
        Assert.True(SealAndVerify(c).IsIntact);
    }

    [Fact]
    public void The_deferral_is_refused_for_what_the_guide_does_not_let_wait_without_a_commitment_or_with_a_date_past_the_promise()
    {
        var coreMissing = ReceivedWithout(Deferrable(), "健康管理制度");
        Assert.False(coreMissing.MayAcceptWithDeferral);
        Assert.DoesNotContain(CaseActionNames.Accept, coreMissing.ActionsForState());
        Assert.Equal("case.not-deferrable", Assert.Throws<DomainRuleException>(() => coreMissing.Accept(Clerk, Bj(2025, 3, 3, 10), Days, deferral: ByFriday)).Code);

        var c = ReceivedWithout(Deferrable(), "申请书");
        Assert.Equal("case.commitment-required", Assert.Throws<DomainRuleException>(() =>
            c.Accept(Clerk, Bj(2025, 3, 3, 10), Days, deferral: ByFriday with { CommitmentSigned = false })).Code);
        Assert.Equal("case.deferral-date", Assert.Throws<DomainRuleException>(() =>
            c.Accept(Clerk, Bj(2025, 3, 3, 10), Days, deferral: new(new DateOnly(2025, 3, 3), true))).Code); // today
        Assert.Equal("case.deferral-date", Assert.Throws<DomainRuleException>(() =>
            c.Accept(Clerk, Bj(2025, 3, 3, 10), Days, deferral: new(new DateOnly(2025, 3, 11), true))).Code); // after the 5-day promise (3-10)
        Assert.Equal(CaseStatus.Received, c.Status);

        var complete = ReceivedWithout(Deferrable(), "申请书", "健康管理制度");
        Assert.Equal("case.nothing-to-defer", Assert.Throws<DomainRuleException>(() => complete.Accept(Clerk, Bj(2025, 3, 3, 10), Days, deferral: ByFriday)).Code);
    }

    [Fact]
    public void Supervision_raises_an_alert_when_the_committed_day_passes_without_the_materials_and_not_when_they_came_in_time()
    {
        var rules = RuleBook.Shipped.ForCase("431025000000", null, null);
        var late = ReceivedWithout(Deferrable(), "申请书");
        late.Accept(Clerk, Bj(2025, 3, 3, 10), Days, deferral: ByFriday);
        var before = CaseSupervision.Check(late, Bj(2025, 3, 7, 23), Days, rules);
        Assert.DoesNotContain(before.Due, a => a.Rule == SupervisionRule.DeferralOverdue);
        Assert.True(before.NextCheckAt <= Bj(2025, 3, 8, 0)); // the sweep looks again by the end of the committed day
        var after = CaseSupervision.Check(late, Bj(2025, 3, 8, 0), Days, rules);
        var alert = Assert.Single(after.Due, a => a.Rule == SupervisionRule.DeferralOverdue);
        Assert.Contains("健康管理制度", alert.Detail, StringComparison.Ordinal);

        var onTime = ReceivedWithout(Deferrable(), "申请书");
        onTime.Accept(Clerk, Bj(2025, 3, 3, 10), Days, deferral: ByFriday);
        onTime.SupplyDeferred(["健康管理制度"], Clerk, Bj(2025, 3, 7, 16));
        Assert.DoesNotContain(CaseSupervision.Check(onTime, Bj(2025, 3, 20), Days, rules).Due, a => a.Rule == SupervisionRule.DeferralOverdue);
    }

    [Fact]
    public void A_grant_states_the_scope_the_item_names_and_is_valid_for_the_items_months_from_the_decision()
    {
        var c = ReceivedWithout(Deferrable(validityMonths: 60, scopeLabel: "经营项目"), "申请书", "健康管理制度");
        c.Accept(Clerk, Bj(2025, 3, 3, 10), Days);
        c.CompleteCurrentNode(Reviewer, "符合条件", Bj(2025, 3, 4), Days);
        var noScope = Assert.Throws<DomainRuleException>(() => c.Decide(DecisionOutcome.Grant, null, Approver, Bj(2025, 3, 5), Days));
        Assert.Equal("case.scope-required", noScope.Code);
        Assert.Contains("经营项目", noScope.Message, StringComparison.Ordinal);

        c.Decide(DecisionOutcome.Grant, null, Approver, Bj(2025, 3, 5), Days, " 热食类食品制售 ");
        Assert.Equal("热食类食品制售", c.Decision.Scope);
        Assert.Equal(new DateOnly(2030, 3, 4), c.Decision.ValidUntil);
        Assert.True(SealAndVerify(c).IsIntact);

        // The scope is part of the record: changing it in the row is found.
        typeof(CaseDecision).GetProperty(nameof(CaseDecision.Scope))!.SetValue(c.Decision, "热食类、冷食类食品制售");
        var check = CaseRecordCheck.Verify(c, c.NewEvents, Keys);
        Assert.False(check.IsIntact);
        Assert.Contains("许可范围和有效期", check.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_denial_has_no_scope_or_validity_and_does_not_wait_for_deferred_materials()
    {
        var c = ReceivedWithout(Deferrable(validityMonths: 60, scopeLabel: "经营项目"), "申请书");
        c.Accept(Clerk, Bj(2025, 3, 3, 10), Days, deferral: ByFriday);
        c.CompleteCurrentNode(Reviewer, "不符合条件", Bj(2025, 3, 4), Days);
        c.Decide(DecisionOutcome.Deny, "经营场所不符合《中华人民共和国食品安全法》第三十三条", Approver, Bj(2025, 3, 5), Days);
        Assert.Null(c.Decision.Scope);
        Assert.Null(c.Decision.ValidUntil);
        Assert.DoesNotContain(CaseSupervision.Check(c, Bj(2025, 3, 20), Days, RuleBook.Shipped.ForCase("431025000000", null, null)).Due, a => a.Rule == SupervisionRule.DeferralOverdue);
    }

    [Fact]
    public void The_guide_lets_only_minor_applicant_materials_wait_and_never_in_an_instant_item()
    {
        Material Req(string name, bool deferrable = false) => new() { Name = name, Deferrable = deferrable };
        var guide = Promised().Guide;
        Assert.DoesNotContain(GuideValidation.Check(guide with { Materials = [Req("申请书"), Req("制度", true)] }), p => p.Code.StartsWith("guide.deferrable", StringComparison.Ordinal) || p.Code == "guide.all-deferrable");
        Assert.Contains(GuideValidation.Check(guide with { Materials = [Req("申请书", true)] }), p => p.Code == "guide.all-deferrable");
        Assert.Contains(GuideValidation.Check(guide with { Materials = [Req("申请书"), Req("委托书", true) with { Requirement = MaterialRequirement.Conditional, Condition = "委托的" }] }),
            p => p.Code == "guide.deferrable-not-required");
        Assert.Contains(GuideValidation.Check(Instant().Guide with { Materials = [Req("申请书"), Req("制度", true)] }), p => p.Code == "guide.deferrable-instant");
        Assert.Contains(GuideValidation.Check(guide with { ResultValidityMonths = 0 }), p => p.Code == "guide.validity-months");
    }

    [Fact]
    public void A_material_node_or_fee_name_is_a_name_not_a_paragraph()
    {
        var guide = Promised().Guide;
        var problems = GuideValidation.CheckShape(guide with { Materials = [new Material { Name = new string('长', 3000) }] });
        Assert.Contains(problems, p => p.Code == "guide.name-too-long" && p.Field == "Materials[0].Name");
        Assert.DoesNotContain(GuideValidation.CheckShape(guide), p => p.Code == "guide.name-too-long");
    }
}
