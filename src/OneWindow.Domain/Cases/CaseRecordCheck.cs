using System.Globalization;
using System.Text.Json;
using OneWindow.Domain.Records;

namespace OneWindow.Domain.Cases;

/// <summary>
/// Checks a case against its record: the chain of sealed events is whole, the case row names the same number of
/// events and the same last seal, and what the events say happened (the state, the decision, the result's number,
/// payment, delivery, the dates of each step, the applicant and the case number) is what the row says. A row changed
/// directly in the database, events removed from the end, or an event rewritten all show here.
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
        return AgainstRow(row, events) ?? chain;
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
        return AgainstRow(row, ordered) ?? new ChainVerification(true, ordered.Count, null, null);
    }

    /// <summary>What is wrong with the row against its (whole) record, or null when it agrees.</summary>
    private static ChainVerification? AgainstRow(Case row, IReadOnlyList<CaseEvent> events)
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
        var differs = Replay(events).Where(f => !f.Agrees(row)).Select(f => f.Label).ToList();
        return differs.Count == 0 ? null : ChainVerification.Broken(events.Count, null, $"案件的{string.Join("、", differs)}与记录不符");
    }

    /// <summary>One fact the record establishes about the case, and whether the row agrees with it.</summary>
    private sealed record Fact(string Label, Func<Case, bool> Agrees);

    /// <summary>The facts the events establish. A fact no event speaks of (an older record's number) is not checked.</summary>
    private static IEnumerable<Fact> Replay(IReadOnlyList<CaseEvent> events)
    {
        var ordered = events.OrderBy(e => e.Sequence).ToList();
        if (ordered.Count == 0)
        {
            yield break;
        }
        CaseEvent? Last(params string[] actions) => ordered.LastOrDefault(e => actions.Contains(e.Action));
        var last = ordered[^1];
        yield return new("状态", c => c.Status == last.ToStatus);

        var decided = Last("decided");
        yield return new("决定", c => c.Decision == Enum(decided, "outcome", (DecisionOutcome?)null) && SameText(c.DecisionReason, decided?.Opinion) && SameInstant(c.DecidedAt, decided?.At));
        var issued = Last("result-issued");
        yield return new("证照编号", c => c.ResultNumber == Text(issued, "resultNumber") && SameInstant(c.ResultIssuedAt, issued?.At));
        var delivered = Last("delivered");
        yield return new("送达方式", c => c.DeliveryMethod == Enum(delivered, "method", (DeliveryMethod?)null) && SameText(c.DeliveryReference, Text(delivered, "reference")));
        var closed = Last("delivered", "rejected-at-intake", "withdrawn", "terminated");
        yield return new("办结时间", c => SameInstant(c.ConcludedAt, closed?.At));
        var closedWithReason = Last("rejected-at-intake", "withdrawn", "terminated");
        yield return new("结束理由", c => SameText(c.ClosingReason, closedWithReason?.Opinion));
        var paid = Last("paid");
        yield return new("收费", c => c.PaidAmount == Number(paid, "amount") && c.ReceiptNumber == Text(paid, "receiptNumber") && SameInstant(c.PaidAt, paid?.At));
        var extended = Last("extended");
        yield return new("延期", c => c.ExtensionDays == (Int(extended, "workingDays") ?? 0) && SameText(c.ExtensionReason, extended?.Opinion));
        var notices = ordered.Count(e => e.Action == "correction-requested");
        yield return new("补正告知次数", c => c.CorrectionNotices == notices);
        if (Last("accepted") is { } accepted)
        {
            yield return new("受理时间", c => SameInstant(c.AcceptedAt, accepted.At));
        }
        if (Last("received", "supplemented", "pre-review-passed") is { } received)
        {
            yield return new("收件时间", c => SameInstant(c.ReceivedAt, received.At));
        }
        if (Last("submitted") is { } submitted)
        {
            yield return new("提交时间", c => SameInstant(c.SubmittedAt, submitted.At));
        }
        if (ordered.LastOrDefault(e => Text(e, "number") is not null) is { } numbered)
        {
            var number = Text(numbered, "number");
            yield return new("办件编号", c => c.Number == number);
        }
        if (ordered.LastOrDefault(e => Text(e, "applicant") is not null) is { } named)
        {
            var digest = Text(named, "applicant");
            yield return new("申请人", c => c.Applicant.Digest == digest);
        }
    }

    private static bool SameText(string? a, string? b) => (a?.Trim() ?? "") == (b?.Trim() ?? "");

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

    private static string? Text(CaseEvent? e, string name) => Property(e, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    private static decimal? Number(CaseEvent? e, string name) => Property(e, name) is { ValueKind: JsonValueKind.Number } v ? v.GetDecimal() : null;

    private static int? Int(CaseEvent? e, string name) => Property(e, name) is { ValueKind: JsonValueKind.Number } v ? v.GetInt32() : null;

    private static T? Enum<T>(CaseEvent? e, string name, T? none) where T : struct, System.Enum =>
        Text(e, name) is { } text && System.Enum.TryParse<T>(text, out var value) ? value : none;
}
