using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Statistics;

/// <summary>Who accepted a case and who decided it (the actors of its last <c>accepted</c> and <c>decided</c> events), when anyone did.</summary>
public sealed record CaseActors(string? AcceptedBy, string? DecidedBy)
{
    public static readonly CaseActors None = new(null, null);

    /// <summary>The actors of these cases, from their events (one read on the events' case index).</summary>
    public static async Task<Dictionary<Guid, CaseActors>> OfAsync(OneWindowDbContext db, IReadOnlyCollection<Guid> caseIds, CancellationToken ct)
    {
        var events = await db.CaseEvents.AsNoTracking()
            .Where(e => caseIds.Contains(e.CaseId) && (e.Action == "accepted" || e.Action == "decided"))
            .Select(e => new { e.CaseId, e.Sequence, e.Action, e.ActorId })
            .ToListAsync(ct);
        return events.GroupBy(e => e.CaseId).ToDictionary(g => g.Key, g => new CaseActors(
            g.Where(e => e.Action == "accepted").MaxBy(e => e.Sequence)?.ActorId,
            g.Where(e => e.Action == "decided").MaxBy(e => e.Sequence)?.ActorId));
    }
}

/// <summary>
/// What a case adds to the staff figures (ADR 0043), from the case, who accepted and decided it, and its county's
/// calendar: the one definition the settlement keeps and the check recomputes, and the same facts the staff's
/// assessment used to count from the record. Acceptance counts on the receipt day for the clerk who accepted (a case
/// that is not a part); a decision on the conclusion day for the one who decided, a part of a joint case included (its
/// department's approver decided it) and the joint case itself not (the system decides it with its last part).
/// </summary>
public static class StaffContribution
{
    public static IReadOnlyList<StaffFigureRow> Of(Case c, CaseActors actors, WorkingDayCalendar calendar)
    {
        var rows = new List<StaffFigureRow>(2);
        if (Staff(actors.AcceptedBy) is { } clerk && c.ParentCaseId is null && c.ReceivedAt is { } receivedAt && c.AcceptedAt is { } acceptedAt)
        {
            var prompt = !c.Clocks.DeemedAccepted && calendar.WorkingDaysBetween(ChinaTime.DateOf(receivedAt), ChinaTime.DateOf(acceptedAt)) <= 1;
            var values = new long[StaffFigureRow.Count];
            values[(int)StaffMeasure.Accepted] = 1;
            values[(int)StaffMeasure.AcceptedPromptly] = prompt ? 1 : 0;
            rows.Add(new StaffFigureRow(ChinaTime.DateOf(receivedAt), clerk, values));
        }
        if (Staff(actors.DecidedBy) is { } decider && !c.IsJoint && !c.IsOpen && c.Status == CaseStatus.Concluded
            && c.ConcludedAt is { } concludedAt && c.Decision.DecidedAt is { } decidedAt)
        {
            var onTime = c.Clocks.PromisedDueAt is not { } due || decidedAt <= due;
            var used = c.ReadPromised(decidedAt, calendar).ElapsedWorkingDays;
            var day = ChinaTime.DateOf(concludedAt);
            var values = new long[StaffFigureRow.Count];
            values[(int)StaffMeasure.Decided] = 1;
            values[(int)StaffMeasure.OnTime] = onTime ? 1 : 0;
            values[(int)StaffMeasure.WorkingDays] = used;
            values[(int)StaffMeasure.StatutoryDays] = c.Clocks.StatutoryLimitDays + c.Clocks.ExtensionDays;
            if (rows.Count == 1 && rows[0].Day == day && rows[0].ActorId == decider)
            {
                // The same person on the same day: one row, as the kept table has one.
                rows[0] = rows[0] with { Values = [.. rows[0].Values.Zip(values, (a, b) => a + b)] };
            }
            else
            {
                rows.Add(new StaffFigureRow(day, decider, values));
            }
        }
        return rows;
    }

    /// <summary>Sums rows by (day, actor), adding <paramref name="sign"/> times each, into <paramref name="into"/>.</summary>
    public static void AddTo(Dictionary<(DateOnly Day, string ActorId), long[]> into, IEnumerable<StaffFigureRow> rows, long sign = 1)
    {
        foreach (var row in rows)
        {
            if (!into.TryGetValue((row.Day, row.ActorId), out var v))
            {
                into[(row.Day, row.ActorId)] = v = new long[StaffFigureRow.Count];
            }
            for (var i = 0; i < v.Length; i++)
            {
                v[i] += sign * row.Values[i];
            }
        }
    }

    /// <summary>The non-zero sums as rows.</summary>
    public static List<StaffFigureRow> Rows(Dictionary<(DateOnly Day, string ActorId), long[]> sums) =>
        [.. sums.Where(kv => kv.Value.Any(v => v != 0)).Select(kv => new StaffFigureRow(kv.Key.Day, kv.Key.ActorId, kv.Value))];

    public static bool SameRows(IReadOnlyList<StaffFigureRow> a, IReadOnlyList<StaffFigureRow> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Day == p.Second.Day && p.First.ActorId == p.Second.ActorId && p.First.Values.AsSpan().SequenceEqual(p.Second.Values));

    /// <summary>A member of staff, not the system (a deemed acceptance, a joint case decided with its last part).</summary>
    private static string? Staff(string? actorId) => actorId is null || actorId == Actor.System.Id ? null : actorId;
}
