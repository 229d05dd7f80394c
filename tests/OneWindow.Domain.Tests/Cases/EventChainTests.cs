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
    [InlineData("Decision.Outcome", DecisionOutcome.Deny, "决定")]
    [InlineData("Decision.ResultNumber", "湘社证字第 9999 号", "证照编号")]
    [InlineData("Applicant.Name", "李四", "申请人")]
    [InlineData(nameof(Case.Number), "431025-20251230-09999", "办件编号")]
    [InlineData("Clocks.ExtensionDays", 30, "延期")]
    public void A_case_row_changed_behind_its_record_is_caught(string property, object value, string label)
    {
        var c = Concluded();
        Set(c, property, value);
        var result = CaseRecordCheck.Verify(c, c.NewEvents, Keys);
        Assert.False(result.IsIntact);
        Assert.Contains(label, result.Problem, StringComparison.Ordinal);
    }

    public static TheoryData<string, Func<Case>, Action<Case>, string> RowChanges => new()
    {
        { "the applicant's account of a window case", Concluded, c => Set(c, nameof(Case.ApplicantUserId), "u-someone"), "申请账户" },
        { "the applicant's account of an online case", Online, c => Set(c, nameof(Case.ApplicantUserId), "u-someone"), "申请账户" },
        { "the department", Concluded, c => Set(c, nameof(Case.DepartmentId), Guid.NewGuid()), "办理部门" },
        { "the receiving venue", Concluded, c => Set(c, nameof(Case.ReceivingVenueId), Guid.NewGuid()), "受理场所" },
        { "the region", Concluded, c => Set(c, nameof(Case.RegionCode), "431025100000"), "行政区划" },
        { "the promised limit", Concluded, c => Set(c, "Clocks.PromisedLimitDays", 60), "办理时限" },
        { "the statutory limit", Concluded, c => Set(c, "Clocks.StatutoryLimitDays", 60), "办理时限" },
        { "the clock's start", Concluded, c => Set(c, "Clocks.ClockStartAt", Bj(2025, 2, 3)), "计时起点" },
        { "a deemed acceptance", Concluded, c => Set(c, "Clocks.DeemedAccepted", true), "计时起点" },
        { "a clock start before acceptance", () => Received(Promised(), Bj(2025, 3, 3, 9)).Sealed(), c => Set(c, "Clocks.ClockStartAt", Bj(2025, 3, 3, 9)), "计时起点" },
        { "a pause taken away", Paused, c => Set(c, "Clocks.Pauses", c.Clocks.Pauses.Take(1).ToList()), "中止计时" },
        { "a pause made shorter", Paused, c => Set(c, "Clocks.Pauses", c.Clocks.Pauses.Select((p, i) => i == 0 ? p with { EndAt = p.EndAt!.Value.AddDays(-1) } : p).ToList()), "中止计时" },
        { "a pause that never ended", Paused, c => Set(c, "Clocks.Pauses", c.Clocks.Pauses.Select((p, i) => i == 0 ? p with { EndAt = null } : p).ToList()), "中止计时" },
        { "a pause's expected days", Paused, c => Set(c, "Clocks.Pauses", c.Clocks.Pauses.Select(p => p with { ExpectedWorkingDays = 99 }).ToList()), "中止计时" },
        { "a pause's kind", Paused, c => Set(c, "Clocks.Pauses", c.Clocks.Pauses.Select(p => p with { Kind = PauseKind.Correction }).ToList()), "中止计时" },
        { "a pause's reason", Paused, c => Set(c, "Clocks.Pauses", c.Clocks.Pauses.Select(p => p with { Reason = "别的理由" }).ToList()), "中止计时" },
        { "a pause added", Concluded, c => Set(c, "Clocks.Pauses", new List<ClockPause> { new(PauseKind.SpecialProcedure, "听证", Bj(2025, 3, 4), Bj(2025, 3, 5), 1, "听证") }), "中止计时" },
        { "the amount paid", Paid, c => Set(c, "Payment.PaidAmount", 80m), "收费" },
    };

    [Theory]
    [MemberData(nameof(RowChanges))]
    public void What_the_events_establish_is_replayed_and_a_row_changed_behind_it_is_caught(string change, Func<Case> make, Action<Case> edit, string label)
    {
        var c = make();
        Assert.True(CaseRecordCheck.Verify(c, c.NewEvents, Keys).IsIntact, change);
        edit(c);
        var result = CaseRecordCheck.Verify(c, c.NewEvents, Keys);
        Assert.False(result.IsIntact, change);
        Assert.Contains(label, result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_payment_kept_with_a_third_decimal_in_its_event_agrees_with_the_row_rounded_to_fen()
    {
        // Before the domain refused a third decimal, a payment of 12.345 went into its event as typed while PostgreSQL's
        // numeric(12,2) kept 12.35 on the row: not an edit.
        var c = Paid();
        var paid = c.NewEvents.Single(e => e.Action == "paid");
        Set(paid, nameof(CaseEvent.Data), paid.Data!.Replace("\"amount\":90", "\"amount\":12.345", StringComparison.Ordinal));
        Reseal(c);
        Set(c, "Payment.PaidAmount", 12.35m);
        Assert.True(CaseRecordCheck.Verify(c, c.NewEvents, Keys).IsIntact);
        Set(c, "Payment.PaidAmount", 12.34m);
        Assert.Contains("收费", CaseRecordCheck.Verify(c, c.NewEvents, Keys).Problem, StringComparison.Ordinal);
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

    /// <summary>An online application, drafted, submitted, received and accepted (the applicant's account is its drafter).</summary>
    private static Case Online()
    {
        var applicant = new Actor("u-citizen", "张三", "Applicant");
        var c = Case.StartDraft(CaseTemplate.ForItem(Promised(6, 20)), Person, applicant, Guid.NewGuid(), "431025000000", Bj(2025, 3, 2, 9));
        c.Submit("431025-20250303-00007", ["申请书"], applicant, Bj(2025, 3, 2, 10), Days);
        c.PassPreReview(Clerk, Bj(2025, 3, 3, 9), Days);
        c.Accept(Clerk, Bj(2025, 3, 3, 10), Days);
        return c.Sealed();
    }

    /// <summary>An accepted case whose clock stopped twice: a special procedure (ended) and a correction pause (running).</summary>
    private static Case Paused()
    {
        var c = Received(Promised(6, 20), Bj(2025, 3, 3, 9));
        c.Accept(Clerk, Bj(2025, 3, 3, 10), Days);
        c.Suspend("听证", 5, "涉及重大公共利益，依法组织听证", Approver, Bj(2025, 3, 4), Days);
        c.Resume("听证已结束", Approver, Bj(2025, 3, 10), Days);
        c.PauseForCorrection(["补充说明"], 3, Reviewer, Bj(2025, 3, 11), Days);
        return c.Sealed();
    }

    /// <summary>An accepted case of an item with a published fee, paid.</summary>
    private static Case Paid()
    {
        var c = Received(WithFees(Promised(6, 20), 90m), Bj(2025, 3, 3, 9));
        c.Accept(Clerk, Bj(2025, 3, 3, 10), Days);
        c.RecordPayment(90m, "湘财通字 0012345", false, null, Clerk, Bj(2025, 3, 3, 11));
        return c.Sealed();
    }

    /// <summary>Seals the whole record again under the test key, as the code that wrote it would have (after a test rewrote an event).</summary>
    private static void Reseal(Case c)
    {
        foreach (var e in c.NewEvents)
        {
            Set(e, nameof(CaseEvent.Hash), "");
        }
        Set(c, nameof(Case.LastEventHash), EventChain.Seal(c.NewEvents, EventChain.GenesisHash, Keys));
    }

    /// <summary>Writes a property of the case or of one of its parts ("Clocks.ClockStartAt") behind the domain's back, as a database edit would.</summary>
    private static void Set(object target, string path, object? value)
    {
        var names = path.Split('.');
        foreach (var name in names[..^1])
        {
            target = target.GetType().GetProperty(name)!.GetValue(target)!;
        }
        target.GetType().GetProperty(names[^1])!.SetValue(target, value);
    }
}
