using OneWindow.Domain.Cases;
using OneWindow.Domain.Records;
using static OneWindow.Domain.Tests.Cases.CaseFixtures;

namespace OneWindow.Domain.Tests.Cases;

/// <summary>
/// A case's record: events sealed in a chain under a key held outside the database, and the case row agreeing with
/// what they say. Each tampering a writer to the database could do is caught.
/// </summary>
public class EventChainTests
{
    [Fact]
    public void Every_action_appends_an_event_sealed_with_the_one_before()
    {
        var c = Received(Promised(6, 20), Bj(2025, 3, 3, 9));
        c.Accept(Clerk, Bj(2025, 3, 3, 10), Days);
        c.CompleteCurrentNode(Reviewer, "同意", Bj(2025, 3, 4), Days);
        Assert.True(c.HasUnsealedEvents);
        Assert.True(SealAndVerify(c).IsIntact);
        var events = c.NewEvents;
        Assert.Equal([1, 2, 3], events.Select(e => e.Sequence));
        Assert.Equal(CaseEvent.GenesisHash, events[0].PreviousHash);
        Assert.Equal(events[0].Hash, events[1].PreviousHash);
        Assert.Equal(events[^1].Hash, c.LastEventHash);
        Assert.All(events, e => Assert.Equal("test-key", e.KeyId));
        Assert.False(c.HasUnsealedEvents);
    }

    [Fact]
    public void Rewriting_an_event_and_recomputing_its_plain_hash_is_caught()
    {
        var c = Concluded();
        var tampered = c.NewEvents[3];
        Set(tampered, nameof(CaseEvent.Opinion), "不符合条件");
        // Without the key, the best a writer to the database can do is a plain SHA-256 over the new content.
        Set(tampered, nameof(CaseEvent.Hash), tampered.LegacyHash());
        var result = CaseRecordCheck.Verify(c, c.NewEvents, Keys);
        Assert.False(result.IsIntact);
        Assert.Equal(4, result.FirstBrokenSequence);
    }

    [Fact]
    public void Resealing_a_rewritten_event_with_a_key_of_ones_own_is_caught()
    {
        var c = Concluded();
        var tampered = c.NewEvents[3];
        Set(tampered, nameof(CaseEvent.Opinion), "不符合条件");
        var forged = new RecordKeyRing(new Dictionary<string, byte[]> { ["test-key"] = RecordKeyRing.NewKey() }, "test-key");
        Set(tampered, nameof(CaseEvent.Hash), forged.Seal("test-key", tampered.SealedText(tampered.PreviousHash, "test-key")));
        Assert.Contains("已被改动", CaseRecordCheck.Verify(c, c.NewEvents, Keys).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_removed_event_in_the_middle_is_caught()
    {
        var c = Concluded();
        var result = CaseRecordCheck.Verify(c, [.. c.NewEvents.Where(e => e.Sequence != 2)], Keys);
        Assert.False(result.IsIntact);
        Assert.Equal(3, result.FirstBrokenSequence); // the first event found out of place
        Assert.Contains("第 2 条记录缺失", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Removing_the_last_events_is_caught_by_the_count_the_case_keeps()
    {
        var c = Concluded();
        var result = CaseRecordCheck.Verify(c, [.. c.NewEvents.Take(3)], Keys);
        Assert.False(result.IsIntact);
        Assert.Contains("登记有 6 条记录，实存 3 条", result.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(Case.Status), CaseStatus.Withdrawn, "状态")]
    [InlineData(nameof(Case.Decision), DecisionOutcome.Deny, "决定")]
    [InlineData(nameof(Case.ResultNumber), "湘社证字第 9999 号", "证照编号")]
    [InlineData(nameof(Case.ApplicantName), "李四", "申请人")]
    [InlineData(nameof(Case.Number), "431025-20251230-09999", "办件编号")]
    [InlineData(nameof(Case.ExtensionDays), 30, "延期")]
    public void A_case_row_changed_behind_its_record_is_caught(string property, object value, string label)
    {
        var c = Concluded();
        Set(c, property, value);
        var result = CaseRecordCheck.Verify(c, c.NewEvents, Keys);
        Assert.False(result.IsIntact);
        Assert.Contains(label, result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_sealed_with_a_key_this_machine_lacks_cannot_be_verified()
    {
        var c = Concluded();
        var other = new RecordKeyRing(new Dictionary<string, byte[]> { ["other"] = RecordKeyRing.NewKey() }, "other");
        Assert.Contains("不在本机", CaseRecordCheck.Verify(c, c.NewEvents, other).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_written_before_keys_is_sealed_once_its_plain_chain_checks_out()
    {
        var c = Concluded();
        // As the old code wrote it: no key, each event's plain SHA-256 over the one before.
        var head = EventChain.GenesisHash;
        foreach (var e in c.NewEvents)
        {
            Set(e, nameof(CaseEvent.KeyId), null);
            Set(e, nameof(CaseEvent.PreviousHash), head);
            Set(e, nameof(CaseEvent.Hash), e.LegacyHash());
            head = e.Hash;
        }
        Set(c, nameof(Case.LastEventHash), head);
        Assert.Contains("未以密钥封存", CaseRecordCheck.Verify(c, c.NewEvents, Keys).Problem, StringComparison.Ordinal);
        c.ResealLegacyRecord(c.NewEvents, Keys);
        Assert.True(CaseRecordCheck.Verify(c, c.NewEvents, Keys).IsIntact);
    }

    [Fact]
    public void A_refused_action_appends_nothing()
    {
        var c = Received(Promised(), Bj(2025, 3, 3, 9));
        var before = c.NewEvents.Count;
        Assert.Throws<DomainRuleException>(() => c.Decide(DecisionOutcome.Grant, null, Approver, Bj(2025, 3, 3, 10), Days));
        Assert.Equal(before, c.NewEvents.Count);
    }

    [Fact]
    public void An_event_at_a_sub_microsecond_instant_verifies_after_a_database_round_trip()
    {
        var at = Bj(2025, 3, 3, 9).AddTicks(1_234_567); // 10:00:00.1234567: the real clock has 100 ns ticks
        var c = Received(Promised(), at);
        var stored = c.NewEvents[0];
        Assert.Equal(at.AddTicks(-7), stored.At); // what PostgreSQL's microseconds keep
        c.SealNewEvents(Keys);
        // Reloaded: the same fields, the instant as the database returns it.
        Set(stored, nameof(CaseEvent.At), new DateTime(stored.At.Ticks / 10 * 10, DateTimeKind.Utc));
        Assert.True(CaseRecordCheck.Verify(c, c.NewEvents, Keys).IsIntact);
    }

    /// <summary>A case from intake to delivery (six events), sealed.</summary>
    private static Case Concluded()
    {
        var c = Received(Promised(6, 20), Bj(2025, 3, 3, 9));
        c.Accept(Clerk, Bj(2025, 3, 3, 10), Days);
        c.CompleteCurrentNode(Reviewer, "符合条件", Bj(2025, 3, 4), Days);
        c.Decide(DecisionOutcome.Grant, null, Approver, Bj(2025, 3, 5), Days);
        c.IssueResult("湘社证字第 0001 号", Clerk, Bj(2025, 3, 5, 15), Days);
        c.Deliver(DeliveryMethod.WindowPickup, null, Clerk, Bj(2025, 3, 6));
        Assert.True(SealAndVerify(c).IsIntact);
        return c;
    }

    private static void Set(object target, string property, object? value) =>
        target.GetType().GetProperty(property)!.SetValue(target, value);
}
