using OneWindow.Domain.Cases;
using static OneWindow.Domain.Tests.Cases.CaseFixtures;

namespace OneWindow.Domain.Tests.Cases;

/// <summary>One test per legal rule of the clock, with the time under the test's control.</summary>
public class LegalClockRuleTests
{
    [Fact]
    public void Accepted_on_the_last_working_day_before_National_Day_with_a_promise_of_5_days_is_due_on_14_October()
    {
        var c = Received(Promised(5, 20), Bj(2025, 9, 30, 9));
        c.Accept(Clerk, Bj(2025, 9, 30, 16), Days);
        Assert.Equal(Bj(2025, 10, 15, 0), c.Clocks.PromisedDueAt);   // end of Tue 14 Oct, Beijing
        Assert.Equal(new DateOnly(2025, 10, 14), c.ReadPromised(Bj(2025, 10, 9), Days).DueDate);
        Assert.Equal(4, c.ReadPromised(Bj(2025, 10, 9), Days).RemainingWorkingDays); // after the 9th: 10, 11 (Sat, adjusted), 13, 14
        Assert.Equal(Bj(2025, 11, 5, 0), c.Clocks.StatutoryDueAt);   // 20 working days: Tue 4 Nov
    }

    [Fact]
    public void Without_a_correction_notice_within_5_working_days_the_application_counts_as_accepted_from_receipt()
    {
        var c = Received(Promised(5, 20), Bj(2025, 3, 3, 9)); // Monday
        Assert.Equal(Bj(2025, 3, 11, 0), c.Clocks.IntakeDueAt);       // end of Mon 10 Mar
        var e = Assert.Throws<DomainRuleException>(() => c.RequestCorrection(["身份证复印件"], null, Clerk, Bj(2025, 3, 11, 9)));
        Assert.Equal("case.correction-notice-late", e.Code);

        c.DeemAccepted(Bj(2025, 3, 11, 0, 5), Days);
        Assert.True(c.Clocks.DeemedAccepted);
        Assert.Equal(Bj(2025, 3, 3, 9), c.Clocks.ClockStartAt);
        Assert.Equal(Bj(2025, 3, 11, 0), c.Clocks.PromisedDueAt);     // 5 working days from 3 Mar: 10 Mar, already run out
        Assert.True(c.ReadPromised(Bj(2025, 3, 11, 9), Days).IsOverdue);
    }

    [Fact]
    public void A_late_acceptance_starts_the_clock_at_receipt()
    {
        var c = Received(Promised(5, 20), Bj(2025, 3, 3, 9));
        c.Accept(Clerk, Bj(2025, 3, 12, 9), Days);
        Assert.True(c.Clocks.DeemedAccepted);
        Assert.Equal(c.ReceivedAt, c.Clocks.ClockStartAt);
    }

    [Fact]
    public void The_notice_period_is_not_over_before_it_ends()
    {
        var c = Received(Promised(), Bj(2025, 3, 3, 9));
        Assert.Equal("case.intake-period-running", Assert.Throws<DomainRuleException>(() => c.DeemAccepted(Bj(2025, 3, 10, 23, 59), Days)).Code);
    }

    [Fact]
    public void A_suspension_over_a_holiday_moves_the_due_dates_by_the_working_days_it_took()
    {
        var c = Received(Promised(5, 20), Bj(2025, 9, 29, 9));
        c.Accept(Clerk, Bj(2025, 9, 29, 10), Days);
        Assert.Equal(Bj(2025, 10, 14, 0), c.Clocks.PromisedDueAt); // 30 Sep, 9, 10, 11, 13 Oct
        c.Suspend("检测", 5, "样品送省级检测机构", Reviewer, Bj(2025, 9, 30, 11), Days);
        Assert.Equal(CaseStatus.Suspended, c.Status);
        Assert.Null(c.Clocks.PromisedDueAt);
        Assert.Equal(4, c.ReadPromised(Bj(2025, 10, 8), Days).RemainingWorkingDays);
        c.Resume("检测合格", Reviewer, Bj(2025, 10, 10, 15), Days);
        // Excluded: 9 and 10 Oct (the holiday never counted) → 15 Oct.
        Assert.Equal(CaseStatus.Accepted, c.Status);
        Assert.Equal(Bj(2025, 10, 16, 0), c.Clocks.PromisedDueAt);
    }

    [Fact]
    public void An_extension_after_a_suspension_adds_its_working_days_to_the_statutory_limit_once()
    {
        var c = Received(Promised(10, 20), Bj(2025, 3, 3, 9));
        c.Accept(Clerk, Bj(2025, 3, 3, 10), Days);
        c.Suspend("专家评审", 3, "技术方案需评审", Reviewer, Bj(2025, 3, 5, 10), Days);
        c.Resume("评审通过", Reviewer, Bj(2025, 3, 10, 9), Days); // excluded 6, 7, 10 Mar
        Assert.Equal(Bj(2025, 4, 4, 0), c.Clocks.StatutoryDueAt);          // 20 + 3 working days from 3 Mar → Thu 3 Apr
        var notApprover = Assert.Throws<ActionNotAllowedException>(() => c.Extend(10, "需现场核查", Reviewer, Bj(2025, 3, 20), Days));
        Assert.Equal("case.role-not-allowed", notApprover.Code);
        c.Extend(10, "需现场核查", Approver, Bj(2025, 3, 20), Days);
        Assert.Equal(Bj(2025, 4, 19, 0), c.Clocks.StatutoryDueAt);         // 10 more working days (Fri 4 Apr 清明 off) → Fri 18 Apr
        Assert.Equal("case.already-extended", Assert.Throws<DomainRuleException>(() => c.Extend(5, "再延", Approver, Bj(2025, 3, 21), Days)).Code);
    }

    [Fact]
    public void An_instant_item_accepted_after_hours_is_due_at_midnight_and_concludes_in_one_sitting()
    {
        var c = Received(Instant(), Bj(2025, 3, 3, 18, 30));
        c.ConcludeInstantly("JB-2025-0001", Clerk, Bj(2025, 3, 3, 18, 40), Days);
        Assert.Equal(CaseStatus.Concluded, c.Status);
        Assert.Equal(Bj(2025, 3, 4, 0), c.Clocks.PromisedDueAt);
        Assert.Equal(DecisionOutcome.Grant, c.Decision.Outcome);
        Assert.Equal(["received", "accepted", "decided", "result-issued", "delivered"], c.NewEvents.Select(e => e.Action));
    }

    [Fact]
    public void A_correction_period_after_acceptance_does_not_count()
    {
        var c = Received(Promised(5, 20), Bj(2025, 3, 3, 9));
        c.Accept(Clerk, Bj(2025, 3, 3, 10), Days);
        c.PauseForCorrection(["营业场所平面图"], 5, Reviewer, Bj(2025, 3, 4, 10), Days);
        c.Resume("已补正", Reviewer, Bj(2025, 3, 7, 10), Days); // excluded 5, 6, 7 Mar
        Assert.Equal(Bj(2025, 3, 14, 0), c.Clocks.PromisedDueAt);       // 10 Mar + 3 working days → 13 Mar
    }
}
