using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;

namespace OneWindow.Web.Modules.Statistics;

/// <summary>
/// What a case adds to the kept figures, computed from the case alone (its instants, clocks and decision) and the
/// working-day calendar of its county: the one definition the hook keeps and the check recomputes (ADR 0024).
/// </summary>
public static class CaseContribution
{
    /// <summary>
    /// The case's rows, one per day it adds to. A part of a joint case adds nothing (the joint case counts once, as on
    /// the dashboard); a case never received (an online draft, a submission returned or withdrawn before pre-review
    /// accepted it) adds nothing.
    /// </summary>
    /// <param name="regionCode">The region of the venue that took it in (town or village), or the case's own (county) region.</param>
    public static IReadOnlyList<CaseFigureRow> Of(Case c, string regionCode, WorkingDayCalendar calendar)
    {
        if (c.ParentCaseId is not null || c.ReceivedAt is not { } receivedAt)
        {
            return [];
        }
        var rows = new Dictionary<DateOnly, MeasureValues>();
        MeasureValues On(DateTime at)
        {
            var day = ChinaTime.DateOf(at);
            if (!rows.TryGetValue(day, out var v))
            {
                rows[day] = v = new MeasureValues();
            }
            return v;
        }

        var intake = On(receivedAt);
        intake[Measure.Received] = 1;
        intake[Measure.Instant] = c.IsInstant ? 1 : 0;
        intake[Measure.Corrected] = c.CorrectionNotices > 0 ? 1 : 0;
        if (c.AcceptedAt is { } acceptedAt)
        {
            On(acceptedAt)[Measure.Accepted] += 1;
            // As the assessment has always judged intake: accepted by a clerk within one working day of the receipt.
            intake[Measure.AcceptedPromptly] = !c.Clocks.DeemedAccepted
                && calendar.WorkingDaysBetween(ChinaTime.DateOf(receivedAt), ChinaTime.DateOf(acceptedAt)) <= 1 ? 1 : 0;
        }
        if (c.Payment.PaidAt is { } paidAt)
        {
            var paid = On(paidAt);
            paid[Measure.Paid] += 1;
            paid[Measure.FeeFen] += (long)decimal.Round((c.Payment.PaidAmount ?? 0) * 100);
        }
        if (c.ConcludedAt is { } closedAt && !c.IsOpen)
        {
            var closed = On(closedAt);
            closed[Measure.Closed] += 1;
            switch (c.Status)
            {
                case CaseStatus.RejectedAtIntake: closed[Measure.RejectedAtIntake] += 1; break;
                case CaseStatus.Withdrawn: closed[Measure.Withdrawn] += 1; break;
                case CaseStatus.Terminated: closed[Measure.Terminated] += 1; break;
                case CaseStatus.Concluded:
                    closed[Measure.Concluded] += 1;
                    var visits = Visits(c);
                    closed[Measure.ZeroVisit] += visits == 0 ? 1 : 0;
                    closed[Measure.AtMostOneVisit] += visits <= 1 ? 1 : 0;
                    if (c.Decision.DecidedAt is { } decidedAt)
                    {
                        AddDecided(closed, c, decidedAt, calendar);
                    }
                    break;
            }
        }
        var key = Key(c, regionCode);
        return [.. rows.OrderBy(r => r.Key).Select(r => new CaseFigureRow(key with { Day = r.Key }, r.Value.Values))];
    }

    private static void AddDecided(MeasureValues v, Case c, DateTime decidedAt, WorkingDayCalendar calendar)
    {
        v[Measure.Decided] += 1;
        var promised = c.ReadPromised(decidedAt, calendar);
        var onTime = c.Clocks.PromisedDueAt is not { } due || decidedAt <= due;
        v[Measure.OnTime] += onTime ? 1 : 0;
        v[Measure.OverduePromised] += onTime ? 0 : 1;
        // Early: the decision came on a working day before the promised due day (the clock's days left at its end).
        v[Measure.Early] += promised.RemainingWorkingDays is > 0 ? 1 : 0;
        v[Measure.OverdueWorkingDays] += onTime ? 0 : Math.Max(1, -(promised.RemainingWorkingDays ?? 0));
        v[Measure.OverdueStatutory] += c.Clocks.StatutoryDueAt is { } statutory && decidedAt > statutory ? 1 : 0;
        v[Measure.WorkingDays] += promised.ElapsedWorkingDays;
        v[Measure.PromisedDays] += c.Clocks.PromisedLimitDays;
        v[Measure.StatutoryDays] += c.Clocks.StatutoryLimitDays;
        v[Measure.ExtensionDays] += c.Clocks.ExtensionDays;
    }

    /// <summary>
    /// How many times the applicant came to a counter (county hall, town hall or village room) for a concluded case:
    /// once to hand it in unless it came in online, once more for each supplement after a one-time correction notice
    /// given at the counter, and once to collect the result unless it was mailed or sent electronically or, for an
    /// instant item (即办件), handed over on the visit that brought it in. 跑零次 is none, 最多跑一次 at most one.
    /// </summary>
    public static int Visits(Case c)
    {
        var inPerson = c.Channel != CaseChannel.Online;
        var visits = inPerson ? 1 + c.CorrectionNotices : 0;
        var collected = c.Delivery.Method is null or DeliveryMethod.WindowPickup;
        if (collected && !(c.IsInstant && inPerson))
        {
            visits += 1;
        }
        return visits;
    }

    public static FigureKey Key(Case c, string regionCode) => new(
        default, c.DepartmentId, c.ItemCode, c.ReceivingVenueId ?? Guid.Empty, c.ReceivingWindowId ?? Guid.Empty, c.Channel, regionCode);

    /// <summary>Whether two remembered contributions are the same rows, key for key and value for value.</summary>
    public static bool SameRows(IReadOnlyList<CaseFigureRow> a, IReadOnlyList<CaseFigureRow> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Key == p.Second.Key && p.First.Values.AsSpan().SequenceEqual(p.Second.Values));

    /// <summary>Sums rows by key (adding <paramref name="sign"/> times each) into <paramref name="into"/>.</summary>
    public static void AddTo(Dictionary<FigureKey, MeasureValues> into, IEnumerable<CaseFigureRow> rows, long sign = 1)
    {
        foreach (var row in rows)
        {
            if (!into.TryGetValue(row.Key, out var v))
            {
                into[row.Key] = v = new MeasureValues();
            }
            v.Add(new MeasureValues(row.Values), sign);
        }
    }
}
