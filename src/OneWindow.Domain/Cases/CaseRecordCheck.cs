using System.Globalization;
using System.Text.Json;
using OneWindow.Domain.Records;

namespace OneWindow.Domain.Cases;

/// <summary>
/// Checks a case against its record: the chain of sealed events is whole, the case row names the same number of
/// events and the same last seal, and what the events say happened is what the row says — the state, the decision,
/// the result's number, payment, delivery, extension, the dates of each step, the acceptance's clock start, the
/// pauses of the clock, who applied (the applicant and the applicant's account), where and by whom the case is
/// handled (department, receiving venue, region), its limits and its number. A row changed directly in the
/// database, events removed from the end, or an event rewritten all show here.
/// </summary>
public static class CaseRecordCheck
{
    public static ChainVerification Verify(Case row, IReadOnlyList<CaseEvent> events, RecordKeyRing keys)
    {
        var chain = EventChain.Verify(events, keys);
        if (!chain.IsIntact)
        {
            return chain;
        }
        return AgainstRow(row, events, keys) ?? chain;
    }

    /// <summary>
    /// The upgrade's check of a record written before record keys existed, before it is sealed under one: its
    /// unkeyed SHA-256 chain is whole, and the row agrees with it exactly as <see cref="Verify"/> asks of a sealed
    /// record — count, last hash, revision and every fact replayed. It proves only that the record is consistent,
    /// which anyone who can write to the database could make it: it is the one-time step of an upgrade, never a
    /// check that lets an unkeyed record pass afterwards (ADR 0017).
    /// </summary>
    public static ChainVerification VerifyLegacy(Case row, IReadOnlyList<CaseEvent> events)
    {
        var previous = EventChain.GenesisHash;
        var ordered = events.OrderBy(e => e.Sequence).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var e = ordered[i];
            if (e.KeyId is not null)
            {
                return ChainVerification.Broken(i, e.Sequence, $"第 {e.Sequence} 条记录已以密钥封存");
            }
            if (e.Sequence != i + 1)
            {
                return ChainVerification.Broken(i, e.Sequence, $"第 {i + 1} 条记录缺失");
            }
            if (e.PreviousHash != previous)
            {
                return ChainVerification.Broken(i, e.Sequence, $"第 {e.Sequence} 条记录与前一条不衔接");
            }
            if (e.LegacyHash() != e.Hash)
            {
                return ChainVerification.Broken(i, e.Sequence, $"第 {e.Sequence} 条记录的内容已被改动");
            }
            previous = e.Hash;
        }
        return AgainstRow(row, ordered, keys: null) ?? new ChainVerification(true, ordered.Count, null, null);
    }

    /// <summary>What is wrong with the row against its (whole) record, or null when it agrees.</summary>
    private static ChainVerification? AgainstRow(Case row, IReadOnlyList<CaseEvent> events, RecordKeyRing? keys)
    {
        if (row.EventCount != events.Count)
        {
            return ChainVerification.Broken(events.Count, Math.Min(row.EventCount, events.Count) + 1,
                $"案件登记有 {row.EventCount} 条记录，实存 {events.Count} 条");
        }
        if (events.Count > 0 && row.LastEventHash != events.MaxBy(e => e.Sequence)!.Hash)
        {
            return ChainVerification.Broken(events.Count, events.Count, "案件登记的最后一条记录与记录链不符");
        }
        if (row.Revision != row.EventCount)
        {
            return ChainVerification.Broken(events.Count, null, "案件的版本号与记录条数不符");
        }
        var differs = Replay(events, keys).Where(f => !f.Agrees(row)).Select(f => f.Label).Distinct().ToList();
        return differs.Count == 0 ? null : ChainVerification.Broken(events.Count, null, $"案件的{string.Join("、", differs)}与记录不符");
    }

    /// <summary>One fact the record establishes about the case, and whether the row agrees with it.</summary>
    private sealed record Fact(string Label, Func<Case, bool> Agrees);

    /// <summary>
    /// The facts the events establish. A fact no event speaks of (an older record's number, department or limits,
    /// written before its event carried them) is not checked.
    /// </summary>
    private static IEnumerable<Fact> Replay(IReadOnlyList<CaseEvent> events, RecordKeyRing? keys)
    {
        var ordered = events.OrderBy(e => e.Sequence).ToList();
        if (ordered.Count == 0)
        {
            yield break;
        }
        CaseEvent? Last(params string[] actions) => ordered.LastOrDefault(e => actions.Contains(e.Action));
        var first = ordered[0];
        var last = ordered[^1];
        yield return new("状态", c => c.Status == last.ToStatus);

        var decided = Last("decided");
        yield return new("决定", c => c.Decision.Outcome == Enum(decided, "outcome", (DecisionOutcome?)null) && SameText(c.Decision.Reason, decided?.Opinion) && SameInstant(c.Decision.DecidedAt, decided?.At));
        yield return new("许可范围和有效期", c => c.Decision.Scope == Text(decided, "scope") && c.Decision.ValidUntil?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) == Text(decided, "validUntil"));
        var issued = Last("result-issued");
        yield return new("证照编号", c => c.Decision.ResultNumber == Text(issued, "resultNumber") && SameInstant(c.Decision.ResultIssuedAt, issued?.At));
        var delivered = Last("delivered");
        yield return new("送达方式", c => c.Delivery.Method == Enum(delivered, "method", (DeliveryMethod?)null) && SameText(c.Delivery.Reference, Text(delivered, "reference")));
        // The delivery an online applicant asked for: the last save that chose one (older records never did).
        if (ordered.LastOrDefault(e => e.Action == "draft-saved" && Has(e, "delivery")) is { } chosen)
        {
            yield return new("申请的送达方式", c => c.Delivery.Requested == Enum(chosen, "delivery", (DeliveryMethod?)null));
        }
        else
        {
            yield return new("申请的送达方式", c => c.Delivery.Requested is null && c.Delivery.Address is null);
        }
        var closed = Last("delivered", "rejected-at-intake", "withdrawn", "terminated");
        yield return new("办结时间", c => SameInstant(c.ConcludedAt, closed?.At));
        var closedWithReason = Last("rejected-at-intake", "withdrawn", "terminated");
        yield return new("结束理由", c => SameText(c.ClosingReason, closedWithReason?.Opinion));
        var paid = Last("paid");
        yield return new("收费", c => SameAmount(c.Payment.PaidAmount, Number(paid, "amount")) && c.Payment.ReceiptNumber == Text(paid, "receiptNumber") && SameInstant(c.Payment.PaidAt, paid?.At));
        var extended = Last("extended");
        yield return new("延期", c => c.Clocks.ExtensionDays == (Int(extended, "workingDays") ?? 0) && SameText(c.Clocks.ExtensionReason, extended?.Opinion));
        var notices = ordered.Count(e => e.Action == "correction-requested");
        yield return new("补正告知次数", c => c.CorrectionNotices == notices);
        if (Last("accepted") is { } accepted)
        {
            yield return new("受理时间", c => SameInstant(c.AcceptedAt, accepted.At));
            yield return new("计时起点", c => SameInstant(c.Clocks.ClockStartAt, Instant(accepted, "clockStartAt")) && c.Clocks.DeemedAccepted == (Bool(accepted, "deemed") ?? false));
            var deferredUntil = Text(accepted, "deferredUntil");
            yield return new("容缺受理", c => c.DeferredUntil?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) == deferredUntil);
        }
        else if (first.Action == "part-created")
        {
            // A part of a joint case starts accepted: the joint case's acceptance, copied into the event that made it.
            if (Has(first, "clockStartAt"))
            {
                yield return new("计时起点", c => SameInstant(c.Clocks.ClockStartAt, Instant(first, "clockStartAt")) && c.Clocks.DeemedAccepted == (Bool(first, "deemed") ?? false));
            }
        }
        else
        {
            yield return new("计时起点", c => c.Clocks.ClockStartAt is null && !c.Clocks.DeemedAccepted);
        }
        if (Last("received", "supplemented", "pre-review-passed") is { } received)
        {
            yield return new("收件时间", c => SameInstant(c.ReceivedAt, received.At));
        }
        if (Last("submitted") is { } submitted)
        {
            yield return new("提交时间", c => SameInstant(c.SubmittedAt, submitted.At));
        }
        var pauses = Pauses(ordered);
        yield return new("中止计时", c => SamePauses(c.Clocks.Pauses, pauses));

        // Who applied, through which account, and where the case is handled: established by the event that made it.
        switch (first.Action)
        {
            case "drafted":
                yield return new("申请账户", c => c.ApplicantUserId == first.ActorId);
                break;
            case "received":
                yield return new("申请账户", c => c.ApplicantUserId is null);
                break;
            case "part-created" when Has(first, "applicantUser"):
                var user = Text(first, "applicantUser");
                yield return new("申请账户", c => c.ApplicantUserId == user);
                break;
        }
        if (Has(first, "department"))
        {
            var department = Guid.TryParse(Text(first, "department"), out var d) ? d : (Guid?)null;
            var venue = Guid.TryParse(Text(first, "venue"), out var v) ? v : (Guid?)null;
            var region = Text(first, "region");
            yield return new("办理部门", c => c.DepartmentId == department);
            yield return new("受理场所", c => c.ReceivingVenueId == venue);
            yield return new("行政区划", c => c.RegionCode == region);
        }
        if (Has(first, "promisedLimitDays"))
        {
            var promised = Int(first, "promisedLimitDays");
            var statutory = Int(first, "statutoryLimitDays");
            yield return new("办理时限", c => c.Clocks.PromisedLimitDays == promised && c.Clocks.StatutoryLimitDays == statutory);
        }
        if (ordered.LastOrDefault(e => Text(e, "number") is not null) is { } numbered)
        {
            var number = Text(numbered, "number");
            yield return new("办件编号", c => c.Number == number);
        }
        // The application form's answers: bound by a keyed digest in the last event that set them; none, none.
        if (ordered.LastOrDefault(e => Text(e, CaseEvent.FormSealProperty) is not null) is { } formed)
        {
            var formSeal = Text(formed, CaseEvent.FormSealProperty);
            yield return new("申请表", c => keys is not null && formed.KeyId is { } keyId && keys.Knows(keyId) && CaseEvent.FormSeal(c.FormAnswers, keys, keyId) == formSeal);
        }
        else
        {
            yield return new("申请表", c => c.FormAnswers.Count == 0);
        }
        if (ordered.LastOrDefault(e => Text(e, CaseEvent.ApplicantSealProperty) is not null || Text(e, CaseEvent.LegacyApplicantProperty) is not null) is { } named)
        {
            if (Text(named, CaseEvent.ApplicantSealProperty) is { } seal)
            {
                // Keyed under the key that sealed the event; a legacy record (no keys) cannot hold one.
                yield return new("申请人", c => keys is not null && named.KeyId is { } keyId && keys.Knows(keyId)
                    && CaseEvent.ApplicantSeal(c.Applicant, keys, keyId) == seal);
            }
            else
            {
                var digest = Text(named, CaseEvent.LegacyApplicantProperty);
                yield return new("申请人", c => c.Applicant.LegacyDigest == digest);
            }
        }
    }

    /// <summary>The clock's pauses as the events record them: each special procedure or correction pause, ended by the next resumption.</summary>
    private static List<ClockPause> Pauses(IReadOnlyList<CaseEvent> ordered)
    {
        var pauses = new List<ClockPause>();
        foreach (var e in ordered)
        {
            if (e.Action is "suspended" or "correction-paused")
            {
                pauses.Add(new ClockPause(Enum(e, "kind", (PauseKind?)null) ?? (PauseKind)(-1), Text(e, "name") ?? "", e.At, null,
                    Int(e, "expectedWorkingDays") ?? -1, e.Opinion ?? ""));
            }
            else if (e.Action == "resumed" && pauses.FindLastIndex(p => p.EndAt is null) is var open and >= 0)
            {
                pauses[open] = pauses[open] with { EndAt = e.At };
            }
        }
        return pauses;
    }

    private static bool SamePauses(IReadOnlyList<ClockPause> row, IReadOnlyList<ClockPause> recorded) =>
        row.Count == recorded.Count && row.Zip(recorded).All(p => p.First.Kind == p.Second.Kind && SameText(p.First.Name, p.Second.Name)
            && SameInstant(p.First.StartAt, p.Second.StartAt) && SameInstant(p.First.EndAt, p.Second.EndAt)
            && p.First.ExpectedWorkingDays == p.Second.ExpectedWorkingDays && SameText(p.First.Reason, p.Second.Reason));

    private static bool SameText(string? a, string? b) => (a?.Trim() ?? "") == (b?.Trim() ?? "");

    /// <summary>
    /// Amounts agree in fen: PostgreSQL keeps money as numeric(12,2), so a payment recorded with a third decimal (before
    /// the domain refused one) was rounded on the row, half away from zero, while its event kept what was typed.
    /// </summary>
    private static bool SameAmount(decimal? row, decimal? recorded) =>
        row is null == recorded is null && (row is null || decimal.Round(row.Value, 2, MidpointRounding.AwayFromZero) == decimal.Round(recorded!.Value, 2, MidpointRounding.AwayFromZero));

    /// <summary>Instants agree to the second: the databases keep them at different precisions.</summary>
    private static bool SameInstant(DateTime? row, DateTime? recorded) =>
        row is null == recorded is null && (row is null || Math.Abs((row.Value - recorded!.Value).TotalSeconds) < 1);

    private static JsonElement? Property(CaseEvent? e, string name)
    {
        if (e?.Data is not { } data)
        {
            return null;
        }
        using var doc = JsonDocument.Parse(data);
        return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.Clone()
            : null;
    }

    /// <summary>Whether the event's data names the property at all (perhaps as null): older events did not.</summary>
    private static bool Has(CaseEvent e, string name)
    {
        if (e.Data is not { } data)
        {
            return false;
        }
        using var doc = JsonDocument.Parse(data);
        return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(name, out _);
    }

    private static string? Text(CaseEvent? e, string name) => Property(e, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    private static decimal? Number(CaseEvent? e, string name) => Property(e, name) is { ValueKind: JsonValueKind.Number } v ? v.GetDecimal() : null;

    private static int? Int(CaseEvent? e, string name) => Property(e, name) is { ValueKind: JsonValueKind.Number } v && v.TryGetInt32(out var i) ? i : null;

    private static bool? Bool(CaseEvent? e, string name) => Property(e, name) is { ValueKind: JsonValueKind.True or JsonValueKind.False } v ? v.GetBoolean() : null;

    private static DateTime? Instant(CaseEvent? e, string name) =>
        Text(e, name) is { } text && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : null;

    private static T? Enum<T>(CaseEvent? e, string name, T? none) where T : struct, System.Enum =>
        Text(e, name) is { } text && System.Enum.TryParse<T>(text, out var value) ? value : none;
}
