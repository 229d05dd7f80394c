using OneWindow.Domain.Calendar;

namespace OneWindow.Domain.Cases;

/// <summary>The clocks of a case that can be running, each with its own due date.</summary>
public enum CaseClock
{
    /// <summary>The center's pre-review of an online submission.</summary>
    PreReview,
    /// <summary>The five working days for a correction notice (行政许可法 §32).</summary>
    Intake,
    Promised,
    Statutory,
    /// <summary>A process node's own limit.</summary>
    Node,
    /// <summary>Issuing and delivering the result after the decision (§44).</summary>
    Certificate,
    /// <summary>The declared end of a special procedure (§45).</summary>
    ProcedureEnd,
}

/// <summary>One due date a calendar change moved: the last working day of the limit, before and after.</summary>
public sealed record DueDateChange(CaseClock Clock, string? Node, DateOnly? From, DateOnly? To);

/// <summary>
/// A change of the working-day calendar (a year's holiday notice loaded, a local day off) reaching an open case: the
/// clocks still running are counted again on the new calendar and, when a due date moves, the case records it with
/// the old and new dates, so that nothing moves silently. Clocks already stopped — the promise and the statutory
/// limit once decided, completed nodes, concluded cases — keep what they said (ADR 0014).
/// </summary>
public sealed partial class Case
{
    /// <summary>What the running clocks would say on <paramref name="calendar"/>; the case is left as it was.</summary>
    public IReadOnlyList<DueDateChange> DueDateChangesOn(WorkingDayCalendar calendar, DateTime now)
    {
        var saved = SaveClocks();
        var changes = RecountRunningClocks(calendar, now);
        RestoreClocks(saved);
        return changes;
    }

    /// <summary>
    /// Counts the running clocks again on <paramref name="calendar"/> and, if any due date moves, records a
    /// <c>calendar-changed</c> event with each clock's old and new due date. Returns the moves (none: nothing recorded).
    /// </summary>
    /// <param name="reason">The change, as the record shows it (say, the notice and its document number).</param>
    /// <param name="reference">The change's key, kept in the event's data.</param>
    public IReadOnlyList<DueDateChange> ApplyCalendarChange(string reason, string reference, DateTime now, WorkingDayCalendar calendar)
    {
        var saved = SaveClocks();
        var changes = RecountRunningClocks(calendar, now);
        if (changes.Count == 0)
        {
            RestoreClocks(saved); // the recount may only have moved the next deadline with the time: not a calendar change
            return changes;
        }
        Append(Actor.System, now, "calendar-changed", Status, Status, CurrentNode?.Name, reason, new { change = reference, clocks = changes });
        return changes;
    }

    /// <summary>
    /// Whether a clock still running was counted through a year whose holiday notice is not loaded: its date may still
    /// move when the notice comes, and what shows or prints it says so (节假日以国务院办公厅通知为准). Only the clocks the
    /// recount would move count: a limit stopped by the decision, a completed node or a concluded case keeps its dates.
    /// </summary>
    public bool HasProvisionalDueDates(WorkingDayCalendar calendar)
    {
        if (!Open)
        {
            return false;
        }
        var dues = RunningClocks().Select(c => c.Due).OfType<DateTime>().ToList();
        var start = ReceivedAt ?? SubmittedAt ?? CreatedAt;
        return dues.Count > 0 && calendar.IsProvisional(ChinaTime.DateOf(start), LastDay(dues.Max())!.Value);
    }

    private List<DueDateChange> RecountRunningClocks(WorkingDayCalendar calendar, DateTime now)
    {
        if (!Open)
        {
            return [];
        }
        var before = RunningClocks();
        switch (Status)
        {
            case CaseStatus.Submitted when SubmittedAt is { } submitted:
                Clocks.PreReviewDueAt = LegalClock.Due(calendar, submitted, PreReviewWorkingDays).DueAtUtc;
                NextDeadlineAt = Clocks.PreReviewDueAt;
                break;
            case CaseStatus.Received when ReceivedAt is { } received:
                Clocks.IntakeDueAt = LegalClock.Due(calendar, received, IntakeNoticeWorkingDays).DueAtUtc;
                NextDeadlineAt = Clocks.IntakeDueAt;
                break;
            case CaseStatus.Accepted:
                Recompute(now, calendar);
                break;
            case CaseStatus.Decided or CaseStatus.ResultIssued:
                // The decision stopped the promise and the statutory limit: whether it came in time stays as it was.
                var (promised, statutory) = (Clocks.PromisedDueAt, Clocks.StatutoryDueAt);
                Recompute(now, calendar);
                (Clocks.PromisedDueAt, Clocks.StatutoryDueAt) = (promised, statutory);
                break;
            case CaseStatus.Suspended when NextDeadlineAt is not null && Clocks.Pauses.LastOrDefault(p => p.EndAt is null) is { } pause:
                NextDeadlineAt = LegalClock.Due(calendar, pause.StartAt, pause.ExpectedWorkingDays).DueAtUtc;
                break;
        }
        var after = RunningClocks();
        var changes = new List<DueDateChange>();
        for (var i = 0; i < before.Count; i++)
        {
            if (before[i].Due != after[i].Due)
            {
                changes.Add(new DueDateChange(before[i].Clock, before[i].Node, LastDay(before[i].Due), LastDay(after[i].Due)));
            }
        }
        return changes;
    }

    /// <summary>The clocks running in the case's state, in a fixed order (the state does not change with the calendar).</summary>
    private List<(CaseClock Clock, string? Node, DateTime? Due)> RunningClocks()
    {
        var clocks = new List<(CaseClock, string?, DateTime?)>();
        switch (Status)
        {
            case CaseStatus.Submitted:
                clocks.Add((CaseClock.PreReview, null, Clocks.PreReviewDueAt));
                break;
            case CaseStatus.Received:
                clocks.Add((CaseClock.Intake, null, Clocks.IntakeDueAt));
                break;
            case CaseStatus.Accepted:
                clocks.Add((CaseClock.Promised, null, Clocks.PromisedDueAt));
                clocks.Add((CaseClock.Statutory, null, Clocks.StatutoryDueAt));
                break;
            case CaseStatus.Decided or CaseStatus.ResultIssued:
                clocks.Add((CaseClock.Certificate, null, NextDeadlineAt));
                break;
            case CaseStatus.Suspended:
                clocks.Add((CaseClock.ProcedureEnd, null, NextDeadlineAt));
                break;
        }
        if (Status is CaseStatus.Accepted or CaseStatus.Decided or CaseStatus.ResultIssued)
        {
            clocks.AddRange(Nodes.Where(n => n is { StartedAt: not null, CompletedAt: null, LimitWorkingDays: not null })
                .Select(n => (CaseClock.Node, (string?)n.Name, n.DueAt)));
        }
        return clocks;
    }

    private static DateOnly? LastDay(DateTime? dueAt) => dueAt is { } at ? ChinaTime.DateOf(at.AddTicks(-1)) : null;

    private (DateTime?, DateTime?, DateTime?, DateTime?, IReadOnlyList<CaseNode>, DateTime?) SaveClocks() =>
        (Clocks.PreReviewDueAt, Clocks.IntakeDueAt, Clocks.PromisedDueAt, Clocks.StatutoryDueAt, Nodes, NextDeadlineAt);

    private void RestoreClocks((DateTime?, DateTime?, DateTime?, DateTime?, IReadOnlyList<CaseNode>, DateTime?) saved) =>
        (Clocks.PreReviewDueAt, Clocks.IntakeDueAt, Clocks.PromisedDueAt, Clocks.StatutoryDueAt, Nodes, NextDeadlineAt) = saved;
}
