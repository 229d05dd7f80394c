using OneWindow.Domain.Cases;
using OneWindow.Domain.Catalog;
using OneWindow.Domain.Supervision;
using static OneWindow.Domain.Tests.Cases.CaseFixtures;

namespace OneWindow.Domain.Tests.Supervision;

/// <summary>
/// Each trigger of docs/domain.md §5.1 on a controlled clock: it fires exactly at its instant, not a tick before, keeps
/// the same subject (so it is raised once), and says when to look again. A case accepted on Monday 16 November 2026
/// with a promise of 5 working days is due at the end of Monday 23 November; its 审查 node (2 days) at the end of
/// Wednesday 18 November; its statutory limit (20 days) at the end of Monday 14 December.
/// </summary>
public class SupervisionRuleTests
{
    private static readonly EffectiveRules Defaults = RuleBook.Shipped.ForCase("431025000000", null, null);
    private static readonly DateTime Monday = Bj(2026, 11, 16, 10);

    private static Case Accepted()
    {
        var c = Received(Promised(5, 20), Monday);
        c.Accept(Clerk, Monday, Days);
        return c;
    }

    private static IReadOnlyList<AlertCandidate> DueAt(Case c, DateTime at, EffectiveRules? rules = null) => CaseSupervision.Check(c, at, Days, rules ?? Defaults).Due;

    private static IEnumerable<SupervisionRule> Rules(IEnumerable<AlertCandidate> found) => found.Select(a => a.Rule);

    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    [Fact]
    public void Reminder_fires_when_one_working_day_is_left_before_the_promised_deadline_and_not_a_tick_before()
    {
        var c = Accepted();
        var at = Bj(2026, 11, 21, 0); // Saturday 00:00: only Monday 23 is left

        Assert.DoesNotContain(SupervisionRule.PromisedReminder, Rules(DueAt(c, at - Tick)));
        var reminder = Assert.Single(DueAt(c, at), a => a.Rule == SupervisionRule.PromisedReminder);
        Assert.Equal(at, reminder.TriggeredAt);
        Assert.Equal(reminder.Key, Assert.Single(DueAt(c, at.AddHours(5)), a => a.Rule == SupervisionRule.PromisedReminder).Key);
    }

    [Fact]
    public void No_reminder_for_an_instant_item_or_a_limit_shorter_than_the_reminders_lead()
    {
        var instant = Received(Instant(), Monday);
        instant.Accept(Clerk, Monday, Days);
        Assert.DoesNotContain(SupervisionRule.PromisedReminder, Rules(DueAt(instant, Monday)));
        Assert.DoesNotContain(SupervisionRule.PromisedReminder, Rules(DueAt(instant, Bj(2026, 11, 16, 23))));

        // A one-day promise with a two-day reminder lead: the reminder's instant is before the clock started.
        var shortLimit = Received(Promised(1, 20), Monday);
        shortLimit.Accept(Clerk, Monday, Days);
        var rules = new RuleBook([RuleOverride.Create(SupervisionRule.PromisedReminder, RuleScope.Default, null, true, AlertSeverity.Reminder, 2)])
            .ForCase(shortLimit.RegionCode, shortLimit.DepartmentId, shortLimit.ItemCode);
        Assert.DoesNotContain(SupervisionRule.PromisedReminder, Rules(DueAt(shortLimit, Monday, rules)));
    }

    [Fact]
    public void The_sweep_is_told_to_look_again_at_the_first_instant_a_rule_can_fire()
    {
        var c = Accepted();

        // The 审查 node (2 working days) runs out first, at the end of Wednesday 18 November.
        Assert.Equal(Bj(2026, 11, 19, 0), CaseSupervision.Check(c, Monday, Days, Defaults).NextCheckAt);
        Assert.Equal(Bj(2026, 11, 21, 0), CaseSupervision.Check(c, Bj(2026, 11, 19, 0), Days, Defaults).NextCheckAt);
    }

    [Fact]
    public void A_reminder_threshold_of_two_working_days_counts_back_over_the_weekend()
    {
        var c = Accepted();
        var rules = new RuleBook([RuleOverride.Create(SupervisionRule.PromisedReminder, RuleScope.Default, null, true, AlertSeverity.Reminder, 2)])
            .ForCase(c.RegionCode, c.DepartmentId, c.ItemCode);

        // Two working days left (Friday 20 and Monday 23) from Friday 00:00.
        Assert.DoesNotContain(SupervisionRule.PromisedReminder, Rules(DueAt(c, Bj(2026, 11, 20, 0) - Tick, rules)));
        Assert.Contains(SupervisionRule.PromisedReminder, Rules(DueAt(c, Bj(2026, 11, 20, 0), rules)));
    }

    [Fact]
    public void Yellow_card_fires_the_instant_the_promised_deadline_passes()
    {
        var c = Accepted();
        var due = Bj(2026, 11, 24, 0);

        Assert.DoesNotContain(SupervisionRule.PromisedOverdue, Rules(DueAt(c, due - Tick)));
        var yellow = Assert.Single(DueAt(c, due), a => a.Rule == SupervisionRule.PromisedOverdue);
        Assert.Equal(due, yellow.TriggeredAt);
        // The reminder is for a deadline still ahead: past it, only the card speaks.
        Assert.DoesNotContain(SupervisionRule.PromisedReminder, Rules(DueAt(c, due)));
    }

    [Fact]
    public void A_case_decided_late_still_gets_its_yellow_card_when_the_sweep_comes_after_the_decision()
    {
        var c = Accepted();
        DecideGrant(c, Bj(2026, 11, 25, 9));

        var yellow = Assert.Single(DueAt(c, Bj(2026, 11, 26, 9)), a => a.Rule == SupervisionRule.PromisedOverdue);
        Assert.Equal(Bj(2026, 11, 24, 0), yellow.TriggeredAt);
    }

    [Fact]
    public void A_case_decided_in_time_never_gets_a_card_and_needs_no_further_look_for_it()
    {
        var c = Accepted();
        DecideGrant(c, Bj(2026, 11, 17, 9));

        var check = CaseSupervision.Check(c, Bj(2027, 3, 1, 9), Days, Defaults);
        Assert.DoesNotContain(check.Due, a => a.Rule is SupervisionRule.PromisedOverdue or SupervisionRule.StatutoryOverdue or SupervisionRule.NodeOverdue);
    }

    [Fact]
    public void Red_card_fires_at_the_statutory_deadline()
    {
        var c = Accepted();
        var due = Bj(2026, 12, 15, 0);

        Assert.DoesNotContain(SupervisionRule.StatutoryOverdue, Rules(DueAt(c, due - Tick)));
        Assert.Contains(SupervisionRule.StatutoryOverdue, Rules(DueAt(c, due)));
    }

    [Fact]
    public void Node_overdue_fires_when_the_node_limit_passes_and_not_for_a_node_completed_in_time()
    {
        var late = Accepted();
        var due = Bj(2026, 11, 19, 0);
        Assert.DoesNotContain(SupervisionRule.NodeOverdue, Rules(DueAt(late, due - Tick)));
        var node = Assert.Single(DueAt(late, due), a => a.Rule == SupervisionRule.NodeOverdue);
        Assert.EndsWith("/node/1", node.Key, StringComparison.Ordinal);

        var onTime = Accepted();
        onTime.CompleteCurrentNode(Reviewer, "同意", Bj(2026, 11, 18, 16), Days);
        Assert.DoesNotContain(DueAt(onTime, due), a => a.Key.EndsWith("/node/1", StringComparison.Ordinal));
    }

    [Fact]
    public void The_clock_stopped_by_a_special_procedure_raises_no_deadline_card_but_an_overrun_of_the_declared_time()
    {
        var c = Accepted();
        c.Suspend("检验", 3, "需要现场检验", Reviewer, Bj(2026, 11, 17, 9), Days);
        var declaredEnd = Bj(2026, 11, 21, 0); // 3 working days after Tuesday: the end of Friday 20

        var before = DueAt(c, declaredEnd - Tick);
        Assert.Empty(before);
        var overrun = Assert.Single(DueAt(c, declaredEnd));
        Assert.Equal(SupervisionRule.SuspensionOverrun, overrun.Rule);
        Assert.Equal(declaredEnd, CaseSupervision.Check(c, Bj(2026, 11, 18, 9), Days, Defaults).NextCheckAt);
    }

    [Fact]
    public void A_special_procedure_ended_in_time_raises_nothing()
    {
        var c = Accepted();
        c.Suspend("检验", 3, "需要现场检验", Reviewer, Bj(2026, 11, 17, 9), Days);
        c.Resume("检验合格", Reviewer, Bj(2026, 11, 19, 9), Days);

        Assert.DoesNotContain(SupervisionRule.SuspensionOverrun, Rules(DueAt(c, Bj(2026, 11, 30, 9))));
    }

    [Fact]
    public void Intake_overdue_fires_when_an_online_submission_waits_a_working_day_unreviewed()
    {
        var applicant = new Actor("u-citizen", "张三", "Applicant");
        var c = Case.StartDraft(CaseTemplate.ForItem(Promised()), Person, applicant, null, "431025000000", Bj(2026, 11, 20, 15));
        c.Submit("431025-20261120-00001", ["申请书"], applicant, Bj(2026, 11, 20, 16), Days); // Friday afternoon
        var due = Bj(2026, 11, 24, 0); // the end of Monday, the next working day

        Assert.DoesNotContain(SupervisionRule.IntakeOverdue, Rules(DueAt(c, due - Tick)));
        Assert.Contains(SupervisionRule.IntakeOverdue, Rules(DueAt(c, due)));

        c.PassPreReview(Clerk, due.AddHours(2), Days);
        Assert.DoesNotContain(SupervisionRule.IntakeOverdue, Rules(DueAt(c, due.AddHours(3))));
    }

    [Fact]
    public void A_second_correction_notice_is_a_repeated_correction_and_the_first_is_not()
    {
        var c = Received(Promised(), Monday);
        c.RequestCorrection(["身份证复印件"], null, Clerk, Monday.AddHours(1));
        Assert.Empty(OnAction(c, 1));

        c.Supplement(["身份证复印件"], Clerk, Monday.AddDays(1), Days);
        var previous = c.NewEvents[^1];
        c.RequestCorrection(["营业执照"], "首次告知时遗漏", Clerk, Monday.AddDays(1).AddHours(1));
        var found = CaseSupervision.OnAction(c, [c.NewEvents[^1]], previous, Defaults);
        Assert.Equal(SupervisionRule.RepeatedCorrection, Assert.Single(found).Rule);
    }

    [Fact]
    public void A_denial_without_a_cited_legal_basis_is_flagged_and_one_citing_an_article_is_not()
    {
        var bare = Accepted();
        Assert.Equal(SupervisionRule.NoLegalBasis, Assert.Single(DecideDeny(bare, "不符合条件")).Rule);

        var cited = Accepted();
        Assert.Empty(DecideDeny(cited, "依据《中华人民共和国食品安全法》第三十五条，经营场所不符合要求"));
    }

    [Fact]
    public void A_refusal_at_intake_without_a_legal_basis_is_flagged()
    {
        var c = Received(Promised(), Monday);
        c.RejectAtIntake("不属于本机关职权", null, Clerk, Monday.AddHours(1));

        Assert.Equal(SupervisionRule.NoLegalBasis, Assert.Single(OnAction(c, 1)).Rule);
    }

    [Fact]
    public void A_payment_other_than_the_published_standard_is_flagged_and_the_standard_amount_is_not()
    {
        var differs = Received(WithFees(Promised(), 100m), Monday);
        differs.Accept(Clerk, Monday, Days);
        differs.RecordPayment(80m, "R-1", false, "减半收取", Clerk, Monday.AddHours(1));
        Assert.Equal(SupervisionRule.FeeDiffers, Assert.Single(OnAction(differs, 1)).Rule);

        var standard = Received(WithFees(Promised(), 100m), Monday);
        standard.Accept(Clerk, Monday, Days);
        standard.RecordPayment(100m, "R-2", false, null, Clerk, Monday.AddHours(1));
        Assert.Empty(OnAction(standard, 1));
    }

    [Fact]
    public void A_back_dated_action_is_flagged_and_a_few_seconds_of_clock_difference_is_not()
    {
        var c = Accepted();
        var previous = c.NewEvents[^1];
        c.Claim(Reviewer, Monday.AddSeconds(-20));
        Assert.Empty(CaseSupervision.OnAction(c, [c.NewEvents[^1]], previous, Defaults));

        previous = c.NewEvents[^1];
        c.CompleteCurrentNode(Reviewer, "同意", Monday.AddHours(-3), Days);
        var found = Assert.Single(CaseSupervision.OnAction(c, [c.NewEvents[^1]], previous, Defaults));
        Assert.Equal(SupervisionRule.OutOfOrder, found.Rule);
        Assert.EndsWith($"/event/{c.EventCount}", found.Key, StringComparison.Ordinal);
    }

    [Fact]
    public void A_whole_ordinary_case_life_breaks_no_action_rule()
    {
        var c = Received(WithFees(Promised(), 100m), Monday);
        c.Accept(Clerk, Monday.AddMinutes(5), Days);
        c.CompleteCurrentNode(Reviewer, "同意", Monday.AddHours(1), Days);
        c.Decide(DecisionOutcome.Grant, null, Approver, Monday.AddHours(2), Days);
        c.RecordPayment(100m, "R-3", false, null, Clerk, Monday.AddHours(3));
        c.IssueResult("证-1", Clerk, Monday.AddHours(4), Days);
        c.Deliver(DeliveryMethod.WindowPickup, null, Clerk, Monday.AddHours(5));

        Assert.Empty(CaseSupervision.OnAction(c, c.NewEvents, null, Defaults));
    }

    [Fact]
    public void A_case_concluded_without_its_result_number_is_a_red_clue_of_work_outside_the_system()
    {
        var c = Accepted();
        DecideGrant(c, Monday.AddHours(2));
        c.IssueResult("证-2", Clerk, Monday.AddHours(3), Days);
        c.Deliver(DeliveryMethod.WindowPickup, null, Clerk, Monday.AddHours(4));
        Assert.Empty(OnAction(c, 1));

        // As a record brought over from a department's own system could arrive: concluded, no result on file.
        typeof(CaseDecision).GetProperty(nameof(CaseDecision.ResultNumber))!.SetValue(c.Decision, null);
        Assert.Equal(SupervisionRule.ConcludedWithoutResult, Assert.Single(OnAction(c, 1)).Rule);
    }

    [Fact]
    public void A_rule_switched_off_for_an_item_stays_silent_while_it_fires_elsewhere()
    {
        var c = Accepted();
        var book = new RuleBook([RuleOverride.Create(SupervisionRule.NodeOverdue, RuleScope.Item, c.ItemCode, false, AlertSeverity.Yellow, 0)]);

        Assert.DoesNotContain(SupervisionRule.NodeOverdue, Rules(DueAt(c, Bj(2026, 11, 19, 1), book.ForCase(c.RegionCode, c.DepartmentId, c.ItemCode))));
        Assert.Contains(SupervisionRule.NodeOverdue, Rules(DueAt(c, Bj(2026, 11, 19, 1), book.ForCase(c.RegionCode, c.DepartmentId, "OTHER"))));
    }

    [Fact]
    public void The_most_specific_setting_wins_item_over_department_over_region_over_default()
    {
        var department = Guid.NewGuid();
        var book = new RuleBook(
        [
            RuleOverride.Create(SupervisionRule.PromisedReminder, RuleScope.Default, null, true, AlertSeverity.Reminder, 2),
            RuleOverride.Create(SupervisionRule.PromisedReminder, RuleScope.Region, "430000000000", true, AlertSeverity.Reminder, 3),
            RuleOverride.Create(SupervisionRule.PromisedReminder, RuleScope.Region, "431000000000", true, AlertSeverity.Reminder, 4),
            RuleOverride.Create(SupervisionRule.PromisedReminder, RuleScope.Department, department.ToString(), true, AlertSeverity.Yellow, 5),
            RuleOverride.Create(SupervisionRule.PromisedReminder, RuleScope.Item, "SJ-001", false, AlertSeverity.Reminder, 6),
        ]);

        Assert.Equal(6, book.For(SupervisionRule.PromisedReminder, "431025000000", department, "SJ-001").Whole);
        Assert.Equal(5, book.For(SupervisionRule.PromisedReminder, "431025000000", department, "SJ-002").Whole);
        Assert.Equal(4, book.For(SupervisionRule.PromisedReminder, "431025000000", Guid.NewGuid(), "SJ-002").Whole);
        Assert.Equal(3, book.For(SupervisionRule.PromisedReminder, "430100000000", null, null).Whole);
        Assert.Equal(2, book.For(SupervisionRule.PromisedReminder, "110101000000", null, null).Whole);
        Assert.Equal(1, RuleBook.Shipped.For(SupervisionRule.PromisedReminder, "110101000000", null, null).Whole);
    }

    [Fact]
    public void A_threshold_outside_the_rules_range_is_refused()
    {
        var e = Assert.Throws<DomainRuleException>(() => RuleOverride.Create(SupervisionRule.PromisedReminder, RuleScope.Default, null, true, AlertSeverity.Reminder, 0));
        Assert.Equal("threshold", e.Field);
        Assert.Throws<DomainRuleException>(() => RuleOverride.Create(SupervisionRule.NodeOverdue, RuleScope.Region, "43xx", true, AlertSeverity.Yellow, 0));
    }

    private static IReadOnlyList<AlertCandidate> OnAction(Case c, int last) =>
        CaseSupervision.OnAction(c, [.. c.NewEvents.TakeLast(last)], c.NewEvents.Count > last ? c.NewEvents[^(last + 1)] : null, Defaults);

    private static void DecideGrant(Case c, DateTime at)
    {
        c.CompleteCurrentNode(Reviewer, "同意", at, Days);
        c.Decide(DecisionOutcome.Grant, null, Approver, at, Days);
    }

    private static IReadOnlyList<AlertCandidate> DecideDeny(Case c, string reason)
    {
        c.CompleteCurrentNode(Reviewer, "不同意", Monday.AddHours(1), Days);
        c.Decide(DecisionOutcome.Deny, reason, Approver, Monday.AddHours(2), Days);
        return OnAction(c, 1);
    }
}

/// <summary>有证照无办件: a reported certificate must stand on a case granted and issued under its number.</summary>
public class CertificateRuleTests
{
    private static readonly DateTime Monday = Bj(2026, 11, 16, 10);

    private static Case Issued(ServiceItemVersion version, string resultNumber)
    {
        var c = Received(version, Monday);
        c.Accept(Clerk, Monday, Days);
        c.CompleteCurrentNode(Reviewer, "同意", Monday.AddHours(1), Days);
        c.Decide(DecisionOutcome.Grant, null, Approver, Monday.AddHours(2), Days);
        c.IssueResult(resultNumber, Clerk, Monday.AddHours(3), Days);
        return c;
    }

    private static IssuedCertificate Report(string number, string item, string? caseNumber = null) =>
        IssuedCertificate.Report(number, item, Guid.NewGuid(), "431025000000", "张三", Monday.AddHours(4), caseNumber, "clerk", Monday.AddHours(5));

    [Fact]
    public void A_certificate_issued_on_a_granted_case_under_its_number_is_matched()
    {
        var version = Promised();
        var c = Issued(version, "证-100");
        var certificate = Report("证-100", version.ItemCode);

        Assert.Null(certificate.Check(c));
        Assert.Equal(c.Id, certificate.MatchedCaseId);
    }

    [Fact]
    public void A_certificate_with_no_case_or_another_number_or_another_item_is_a_red_clue()
    {
        var version = Promised();
        var c = Issued(version, "证-101");

        Assert.Equal(SupervisionRule.CertificateWithoutCase, Report("证-999", version.ItemCode).Check(null)!.Rule);
        Assert.Contains("未以该编号准予出证", Report("证-102", version.ItemCode, c.Number).Check(c)!.Detail, StringComparison.Ordinal);
        Assert.NotNull(Report("证-101", "OTHER-ITEM").Check(c));
        Assert.Equal("certificate/证-999", Report("证-999", version.ItemCode).Check(null)!.Key);
    }

    [Fact]
    public void A_certificate_dated_in_the_future_is_refused()
    {
        var e = Assert.Throws<DomainRuleException>(() =>
            IssuedCertificate.Report("证-1", "X", Guid.NewGuid(), "431025000000", "张三", Monday.AddDays(1), null, "clerk", Monday));
        Assert.Equal("issuedAt", e.Field);
    }
}
