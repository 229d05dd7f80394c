using System.Text.Json;
using System.Text.RegularExpressions;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;

namespace OneWindow.Domain.Supervision;

/// <summary>
/// Something a rule found: which rule, about what (the key names the subject or the part of it, <c>case/{id}/node/2</c>,
/// and makes the finding unique: one alert per rule and key), when the trigger happened, and a short detail for people.
/// </summary>
public sealed record AlertCandidate(SupervisionRule Rule, string Key, DateTime TriggeredAt, string Detail);

/// <summary>The time-based rules' verdict at an instant: what is due now, and when to look at the subject again.</summary>
public sealed record TimedCheck(IReadOnlyList<AlertCandidate> Due, DateTime? NextCheckAt);

/// <summary>
/// The supervision rules of docs/domain.md §5.1 applied to one case. Pure: the case, the instant, the calendar and the
/// settings in, candidates out. The caller raises each candidate once (a unique key on rule and key).
/// </summary>
public static partial class CaseSupervision
{
    /// <summary>The key of a finding about a case or a part of it (<c>case/{id}</c>, <c>case/{id}/node/2</c>).</summary>
    public static string KeyOf(Guid caseId, string? part = null) => SupervisedSubject.KeyOf(SubjectKind.Case, caseId, part);

    /// <summary>
    /// The time-based rules: deadlines (reminder, promised, statutory, node), the online pre-review and declared
    /// special procedures. A deadline that was missed fires even when the case has moved on since (it was decided
    /// late); one that can no longer be missed does not ask to be looked at again.
    /// </summary>
    public static TimedCheck Check(Case c, DateTime now, WorkingDayCalendar calendar, EffectiveRules rules)
    {
        var found = new TimedFindings(SupervisedSubject.Of(c), now);

        // A reminder is for a deadline still ahead; once it has passed, the yellow card speaks instead. An instant item
        // (or part) is done on the spot and a limit shorter than the reminder's lead leaves nothing to remind of: a
        // reminder due before the clock even started would fire at acceptance and count against the department.
        if (rules.IsOn(SupervisionRule.PromisedReminder) && c.Status == CaseStatus.Accepted && !c.IsInstant && c.Clocks.PromisedDueAt is { } reminderDue && now < reminderDue
            && Before(calendar, reminderDue, rules[SupervisionRule.PromisedReminder].Whole) is var remindAt && remindAt > c.Clocks.ClockStartAt)
        {
            found.Watch(SupervisionRule.PromisedReminder, null, remindAt, null, $"承诺时限 {Day(reminderDue)} 届满");
        }
        if (rules.IsOn(SupervisionRule.PromisedOverdue) && c.Clocks.PromisedDueAt is { } promised && c.Status != CaseStatus.Suspended)
        {
            found.Watch(SupervisionRule.PromisedOverdue, null, After(calendar, promised, rules[SupervisionRule.PromisedOverdue].Whole), c.Decision.DecidedAt,
                $"承诺 {c.Clocks.PromisedLimitDays} 个工作日，{Day(promised)} 届满");
        }
        if (rules.IsOn(SupervisionRule.StatutoryOverdue) && c.Clocks.StatutoryDueAt is { } statutory && c.Status != CaseStatus.Suspended)
        {
            found.Watch(SupervisionRule.StatutoryOverdue, null, After(calendar, statutory, rules[SupervisionRule.StatutoryOverdue].Whole), c.Decision.DecidedAt,
                $"法定 {c.Clocks.StatutoryLimitDays + c.Clocks.ExtensionDays} 个工作日，{Day(statutory)} 届满");
        }
        if (rules.IsOn(SupervisionRule.NodeOverdue))
        {
            for (var i = 0; i < c.Nodes.Count; i++)
            {
                var node = c.Nodes[i];
                var running = node.CompletedAt is null && i == c.CurrentNodeIndex && c.Status == CaseStatus.Accepted;
                if (node is { StartedAt: not null, DueAt: { } nodeDue } && (running || node.CompletedAt is not null))
                {
                    found.Watch(SupervisionRule.NodeOverdue, $"node/{i}", After(calendar, nodeDue, rules[SupervisionRule.NodeOverdue].Whole), node.CompletedAt,
                        $"“{node.Name}”环节 {node.LimitWorkingDays} 个工作日，{Day(nodeDue)} 届满");
                }
            }
        }
        if (rules.IsOn(SupervisionRule.IntakeOverdue) && c.Status == CaseStatus.Submitted && c.SubmittedAt is { } submitted)
        {
            var limit = rules[SupervisionRule.IntakeOverdue].Whole;
            found.Watch(SupervisionRule.IntakeOverdue, $"submission/{submitted.Ticks}", LegalClock.Due(calendar, submitted, limit).DueAtUtc!.Value, null,
                $"网上申请 {limit} 个工作日内未预审");
        }
        if (rules.IsOn(SupervisionRule.SuspensionOverrun))
        {
            for (var i = 0; i < c.Clocks.Pauses.Count; i++)
            {
                var pause = c.Clocks.Pauses[i];
                if (pause.Kind != PauseKind.SpecialProcedure || (pause.EndAt is null && c.Status != CaseStatus.Suspended))
                {
                    continue;
                }
                var declared = LegalClock.Due(calendar, pause.StartAt, pause.ExpectedWorkingDays).DueAtUtc!.Value;
                found.Watch(SupervisionRule.SuspensionOverrun, $"pause/{i}", After(calendar, declared, rules[SupervisionRule.SuspensionOverrun].Whole), pause.EndAt,
                    $"{pause.Name}告知 {pause.ExpectedWorkingDays} 个工作日，{Day(declared)} 届满");
            }
        }
        if (rules.IsOn(SupervisionRule.DeferralOverdue) && c.DeferredUntil is { } until)
        {
            // Watched until the materials are in, or until nothing waits for them any more (a denial, a closing).
            var stopped = c.DeferredSuppliedAt ?? (c.Decision.Outcome == DecisionOutcome.Deny ? c.Decision.DecidedAt : null)
                ?? (c.Status is CaseStatus.Withdrawn or CaseStatus.Terminated ? c.ConcludedAt : null);
            found.Watch(SupervisionRule.DeferralOverdue, "deferral", After(calendar, ChinaTime.EndOfDayUtc(until), rules[SupervisionRule.DeferralOverdue].Whole), stopped,
                $"容缺受理：{string.Join("、", c.DeferredMaterials)} 承诺 {until:yyyy-MM-dd} 前补齐");
        }
        return found.Result;
    }

    /// <summary>
    /// The rules broken by an action, checked on the events it appended: a repeated correction notice, a refusal or
    /// denial that cites no legal basis, a fee other than the standard, a back-dated or out-of-order record, a case
    /// concluded without a result. <paramref name="previous"/> is the last event saved before these.
    /// </summary>
    public static IReadOnlyList<AlertCandidate> OnAction(Case c, IReadOnlyList<CaseEvent> newEvents, CaseEvent? previous, EffectiveRules rules)
    {
        var found = new List<AlertCandidate>();
        var lastAt = previous?.At;
        var lastStatus = previous?.ToStatus;
        var lastSequence = previous?.Sequence ?? 0;
        foreach (var e in newEvents.OrderBy(e => e.Sequence))
        {
            if (rules.IsOn(SupervisionRule.OutOfOrder))
            {
                var tolerance = TimeSpan.FromMinutes(rules[SupervisionRule.OutOfOrder].Whole);
                if (lastAt is { } before && e.At < before - tolerance)
                {
                    found.Add(new(SupervisionRule.OutOfOrder, KeyOf(c.Id, $"event/{e.Sequence}"), e.At,
                        $"第 {e.Sequence} 条记录（{e.Action}）的时间早于上一条 {(before - e.At).TotalMinutes:0} 分钟"));
                }
                else if (e.Sequence != lastSequence + 1 || (e.FromStatus is { } from && lastStatus is { } was && from != was))
                {
                    found.Add(new(SupervisionRule.OutOfOrder, KeyOf(c.Id, $"event/{e.Sequence}"), e.At,
                        $"第 {e.Sequence} 条记录（{e.Action}）与上一条的顺序或状态不衔接"));
                }
            }
            if (rules.IsOn(SupervisionRule.RepeatedCorrection) && e.Action == "correction-requested" && c.CorrectionNotices >= rules[SupervisionRule.RepeatedCorrection].Whole)
            {
                found.Add(new(SupervisionRule.RepeatedCorrection, KeyOf(c.Id), e.At, $"第 {c.CorrectionNotices} 次告知补正；理由：{e.Opinion}"));
            }
            if (rules.IsOn(SupervisionRule.NoLegalBasis) && IsRefusal(e) && !CitesLegalBasis(e.Opinion))
            {
                found.Add(new(SupervisionRule.NoLegalBasis, KeyOf(c.Id), e.At, $"{(e.Action == "decided" ? "不予许可" : "不予受理")}的理由未引用法律依据：{e.Opinion}"));
            }
            if (rules.IsOn(SupervisionRule.FeeDiffers) && e.Action == "paid" && FeeDifference(c) is { } difference
                && Math.Abs(difference) > rules[SupervisionRule.FeeDiffers].Threshold)
            {
                found.Add(new(SupervisionRule.FeeDiffers, KeyOf(c.Id), e.At,
                    $"实收 {c.Payment.PaidAmount:0.##} 元，公布标准 {c.StandardFeeTotal:0.##} 元；理由：{c.Payment.DifferenceReason ?? "未说明"}"));
            }
            if (rules.IsOn(SupervisionRule.ConcludedWithoutResult) && e.ToStatus == CaseStatus.Concluded && (c.Decision.Outcome is null || string.IsNullOrEmpty(c.Decision.ResultNumber)))
            {
                found.Add(new(SupervisionRule.ConcludedWithoutResult, KeyOf(c.Id), e.At, "办结时没有决定或结果文书编号"));
            }
            lastAt = lastAt is { } l && l > e.At ? l : e.At;
            lastStatus = e.ToStatus;
            lastSequence = e.Sequence;
        }
        return found;
    }

    /// <summary>Whether a reason cites its legal basis: a named law or regulation (《…》) or an article (第…条).</summary>
    public static bool CitesLegalBasis(string? reason) => reason is not null && LegalBasis().IsMatch(reason);

    /// <summary>The paid amount less the published standard, when every fee has a fixed standard.</summary>
    private static decimal? FeeDifference(Case c) =>
        c.Payment.PaidAmount is { } paid && c.Payment.Fees.Count > 0 && c.Payment.Fees.All(f => f.StandardAmount is not null) ? paid - c.StandardFeeTotal : null;

    private static bool IsRefusal(CaseEvent e) =>
        e.Action == "rejected-at-intake" || (e.Action == "decided" && e.Data is { } data && Outcome(data) == nameof(DecisionOutcome.Deny));

    private static string? Outcome(string data)
    {
        using var doc = JsonDocument.Parse(data);
        return doc.RootElement.TryGetProperty("outcome", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null;
    }

    /// <summary>The instant <paramref name="days"/> working days after a deadline (the deadline itself for zero).</summary>
    public static DateTime After(WorkingDayCalendar calendar, DateTime deadline, int days) =>
        days == 0 ? deadline : ChinaTime.EndOfDayUtc(calendar.AddWorkingDays(LastDay(deadline), days));

    /// <summary>The instant when only <paramref name="days"/> working days are left before a deadline.</summary>
    public static DateTime Before(WorkingDayCalendar calendar, DateTime deadline, int days) =>
        ChinaTime.EndOfDayUtc(calendar.SubtractWorkingDays(LastDay(deadline), days));

    // Deadlines are the end of their last day (00:00 of the next): the day itself is the one a tick earlier.
    private static DateOnly LastDay(DateTime deadline) => ChinaTime.DateOf(deadline.AddTicks(-1));

    private static string Day(DateTime deadline) => LastDay(deadline).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("《[^》]+》|第[一二三四五六七八九十百千零〇两0-9]+条")]
    private static partial Regex LegalBasis();
}
