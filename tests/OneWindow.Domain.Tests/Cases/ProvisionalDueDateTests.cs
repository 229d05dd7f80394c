using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using static OneWindow.Domain.Tests.Cases.CaseFixtures;

namespace OneWindow.Domain.Tests.Cases;

/// <summary>
/// A case's dates are provisional (节假日以国务院办公厅通知为准, "will be recounted") only while a clock counted through
/// a year without its notice still runs: a stopped clock, a completed node or a concluded case keeps its dates whatever
/// the notice says (<see cref="CalendarChangeTests"/>), so it must not say they may move. <see cref="CaseFixtures.Days"/>
/// has no 2027 notice.
/// </summary>
public class ProvisionalDueDateTests
{
    private static readonly DateTime NewYear2027 = ChinaTime.StartOfDayUtc(new DateOnly(2027, 1, 1));

    [Fact]
    public void A_decided_case_whose_stopped_limits_ran_into_2027_is_not_provisional_nor_once_concluded()
    {
        var c = Received(Promised(5, 20), Bj(2026, 12, 4, 9));
        c.Accept(Clerk, Bj(2026, 12, 4, 10), Days);
        Assert.True(c.Clocks.StatutoryDueAt > NewYear2027);
        Assert.True(c.HasProvisionalDueDates(Days));

        c.CompleteCurrentNode(Reviewer, "符合条件", Bj(2026, 12, 7, 10), Days);
        c.Decide(DecisionOutcome.Grant, null, Approver, Bj(2026, 12, 7, 16), Days);
        // The promise and the statutory limit stopped at the decision (still dated 2027); the certificate's ten working
        // days end on 21 December 2026; the completed nodes' limits are history.
        Assert.True(c.Clocks.StatutoryDueAt > NewYear2027);
        Assert.True(c.NextDeadlineAt < NewYear2027);
        Assert.False(c.HasProvisionalDueDates(Days));

        c.IssueResult("431025-2026-000321", Clerk, Bj(2026, 12, 8, 10), Days);
        c.Deliver(DeliveryMethod.WindowPickup, null, Clerk, Bj(2026, 12, 8, 11));
        Assert.False(c.Open);
        Assert.False(c.HasProvisionalDueDates(Days));
    }

    [Fact]
    public void A_concluded_case_is_not_provisional_though_its_limits_ran_into_2027()
    {
        var c = Received(Promised(5, 20), Bj(2026, 12, 4, 9));
        c.Accept(Clerk, Bj(2026, 12, 4, 10), Days);
        c.CompleteCurrentNode(Reviewer, "符合条件", Bj(2026, 12, 7, 10), Days);
        c.Decide(DecisionOutcome.Grant, null, Approver, Bj(2026, 12, 7, 16), Days);
        c.IssueResult("431025-2026-000322", Clerk, Bj(2026, 12, 8, 10), Days);
        c.Deliver(DeliveryMethod.WindowPickup, null, Clerk, Bj(2026, 12, 8, 11));
        Assert.False(c.Open);
        Assert.True(c.Clocks.StatutoryDueAt > NewYear2027);
        Assert.False(c.HasProvisionalDueDates(Days));
    }
}
