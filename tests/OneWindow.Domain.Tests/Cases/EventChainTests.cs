using System.Reflection;
using OneWindow.Domain.Cases;
using static OneWindow.Domain.Tests.Cases.CaseFixtures;

namespace OneWindow.Domain.Tests.Cases;

public class EventChainTests
{
    [Fact]
    public void Every_action_appends_an_event_linked_to_the_one_before()
    {
        var c = Received(Promised(6, 20), Bj(2025, 3, 3, 9));
        c.Accept(Clerk, Bj(2025, 3, 3, 10), Days);
        c.CompleteCurrentNode(Reviewer, "同意", Bj(2025, 3, 4), Days);
        var events = c.NewEvents;
        Assert.Equal([1, 2, 3], events.Select(e => e.Sequence));
        Assert.Equal(CaseEvent.GenesisHash, events[0].PreviousHash);
        Assert.Equal(events[0].Hash, events[1].PreviousHash);
        Assert.Equal(events[^1].Hash, c.LastEventHash);
        Assert.True(ChainVerification.Verify(events).IsIntact);
    }

    [Fact]
    public void Rewriting_an_opinion_breaks_the_chain_at_that_event()
    {
        var c = Received(Promised(6, 20), Bj(2025, 3, 3, 9));
        c.Accept(Clerk, Bj(2025, 3, 3, 10), Days);
        c.CompleteCurrentNode(Reviewer, "不符合条件", Bj(2025, 3, 4), Days);
        var tampered = c.NewEvents[2];
        typeof(CaseEvent).GetProperty(nameof(CaseEvent.Opinion))!.SetValue(tampered, "符合条件");
        var result = ChainVerification.Verify(c.NewEvents);
        Assert.False(result.IsIntact);
        Assert.Equal(3, result.FirstBrokenSequence);
    }

    [Fact]
    public void A_deleted_event_is_detected()
    {
        var c = Received(Promised(6, 20), Bj(2025, 3, 3, 9));
        c.Accept(Clerk, Bj(2025, 3, 3, 10), Days);
        c.CompleteCurrentNode(Reviewer, "同意", Bj(2025, 3, 4), Days);
        var result = ChainVerification.Verify(c.NewEvents.Where(e => e.Sequence != 2));
        Assert.False(result.IsIntact);
        Assert.Equal(3, result.FirstBrokenSequence);
    }

    [Fact]
    public void A_refused_action_appends_nothing()
    {
        var c = Received(Promised(), Bj(2025, 3, 3, 9));
        var before = c.NewEvents.Count;
        Assert.Throws<DomainRuleException>(() => c.Decide(DecisionOutcome.Grant, null, Approver, Bj(2025, 3, 3, 10), Days));
        Assert.Equal(before, c.NewEvents.Count);
        _ = BindingFlags.Public;
    }

    [Fact]
    public void An_event_at_a_sub_microsecond_instant_verifies_after_a_database_round_trip()
    {
        var at = Bj(2025, 3, 3, 9).AddTicks(1_234_567); // 10:00:00.1234567: the real clock has 100 ns ticks
        var c = Received(Promised(), at);
        var stored = c.NewEvents[0];
        Assert.Equal(at.AddTicks(-7), stored.At); // what PostgreSQL's microseconds keep
        // Reloaded: the same fields, the instant as the database returns it.
        typeof(CaseEvent).GetProperty(nameof(CaseEvent.At))!.SetValue(stored, new DateTime(stored.At.Ticks / 10 * 10, DateTimeKind.Utc));
        Assert.True(ChainVerification.Verify(c.NewEvents).IsIntact);
    }
}
