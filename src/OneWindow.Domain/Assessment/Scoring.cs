namespace OneWindow.Domain.Assessment;

/// <summary>What happened in one unit (a department, a window or a member of staff) in one period.</summary>
public sealed record UnitFacts(string Key, string Name)
{
    /// <summary>Cases decided and concluded in the period, and of them those decided by the promised deadline.</summary>
    public int Concluded { get; init; }
    public int ConcludedOnTime { get; init; }
    /// <summary>Working days those cases used, and their statutory limits, summed (for the compression).</summary>
    public int WorkingDaysUsed { get; init; }
    public int StatutoryDays { get; init; }
    /// <summary>Applications accepted in the period, and of them those accepted within a working day of receipt.</summary>
    public int Accepted { get; init; }
    public int AcceptedPromptly { get; init; }
    public int Reminders { get; init; }
    public int YellowCards { get; init; }
    public int RedCards { get; init; }
    public int UpheldComplaints { get; init; }
    public int BadRatings { get; init; }

    // The hotline's facts are counted as the hotline report counts them (ADR 0032): each on the day of its own event,
    // under the unit that led the order at that event.
    /// <summary>Work orders the unit led that were concluded in the period, and of them those whose accepted reply was in time.</summary>
    public int OrdersConcluded { get; init; }
    public int OrdersRepliedOnTime { get; init; }
    /// <summary>Signatures (签收) the unit made in the period, and of them those within the sign-for limit.</summary>
    public int OrdersSigned { get; init; }
    public int OrdersSignedOnTime { get; init; }
    /// <summary>Callbacks (回访) on the unit's orders in the period, those satisfied or fairly satisfied, and reopenings (重办) after one.</summary>
    public int OrdersRated { get; init; }
    public int OrdersSatisfied { get; init; }
    public int OrdersReopened { get; init; }
    /// <summary>Returns the unit asked for (退单).</summary>
    public int OrdersReturned { get; init; }

    /// <summary>The unit handled work orders in the period: the hotline's indicators apply to it.</summary>
    public bool HandledOrders => OrdersConcluded > 0 || OrdersSigned > 0 || OrdersReturned > 0;

    /// <summary>
    /// Nothing happened in the unit in the period: no case concluded or accepted, nothing raised or upheld against it.
    /// Such a unit has no score: a full mark and 优秀 would say it worked well, when it did not work at all.
    /// </summary>
    public bool IsIdle => Concluded == 0 && Accepted == 0 && Reminders == 0 && YellowCards == 0 && RedCards == 0 && UpheldComplaints == 0 && BadRatings == 0 && !HandledOrders;
}

/// <summary>One indicator's points and how they were arrived at.</summary>
public sealed record IndicatorScore(Indicator Indicator, decimal Weight, decimal Points, string Basis);

/// <summary>A unit's score with its breakdown, grade and rank; an idle unit (<see cref="UnitFacts.IsIdle"/>) has none of them.</summary>
public sealed record UnitScore(string Key, string Name, decimal? Total, Grade? Grade, int? Rank, IReadOnlyList<IndicatorScore> Breakdown, UnitFacts Facts)
{
    public bool IsScored => Total is not null;
}

/// <summary>绩效考核: scores every unit on the weighted indicators, grades it and ranks the units.</summary>
public static class Scoring
{
    /// <summary>The units with work in the period, ranked by score; then the idle ones, unscored, by name.</summary>
    public static IReadOnlyList<UnitScore> Score(IEnumerable<UnitFacts> units, AssessmentScheme scheme)
    {
        var all = units.ToList();
        var scored = all.Where(u => !u.IsIdle).Select(u =>
        {
            var breakdown = Breakdown(u, scheme);
            var total = decimal.Round(breakdown.Sum(b => b.Points), 2);
            return (Unit: u, Breakdown: breakdown, Total: total);
        })
        .OrderByDescending(s => s.Total).ThenBy(s => s.Unit.Key, StringComparer.Ordinal)
        .ToList();
        // Equal totals share a rank (1, 2, 2, 4).
        var result = new List<UnitScore>();
        for (var i = 0; i < scored.Count; i++)
        {
            var rank = i > 0 && scored[i].Total == scored[i - 1].Total ? result[i - 1].Rank : i + 1;
            result.Add(new UnitScore(scored[i].Unit.Key, scored[i].Unit.Name, scored[i].Total, scheme.GradeOf(scored[i].Total), rank, scored[i].Breakdown, scored[i].Unit));
        }
        result.AddRange(all.Where(u => u.IsIdle).OrderBy(u => u.Name, StringComparer.Ordinal).ThenBy(u => u.Key, StringComparer.Ordinal).Select(u => new UnitScore(u.Key, u.Name, null, null, null, [], u)));
        return result;
    }

    private static IReadOnlyList<IndicatorScore> Breakdown(UnitFacts u, AssessmentScheme s)
    {
        decimal W(Indicator i) => s.Weights[i];
        static decimal Share(int part, int whole) => whole == 0 ? 1 : (decimal)part / whole;
        decimal Deduct(Indicator i, decimal points) => Math.Max(0, W(i) - points);
        var compression = u.StatutoryDays == 0 ? (decimal?)null : 1 - (decimal)u.WorkingDaysUsed / u.StatutoryDays;
        IReadOnlyList<IndicatorScore> cases =
        [
            new(Indicator.OnTimeRate, W(Indicator.OnTimeRate), Round(W(Indicator.OnTimeRate) * Share(u.ConcludedOnTime, u.Concluded)),
                u.Concluded == 0 ? "本期无办结件" : $"按期办结 {u.ConcludedOnTime}/{u.Concluded}"),
            new(Indicator.LimitCompression, W(Indicator.LimitCompression),
                Round(compression is { } c ? W(Indicator.LimitCompression) * Math.Min(1, Math.Max(0, c) / s.CompressionForFullMarks) : W(Indicator.LimitCompression)),
                compression is { } cc ? $"实际用时 {u.WorkingDaysUsed} / 法定 {u.StatutoryDays} 个工作日，压缩 {(cc * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}%" : "本期无办结件"),
            new(Indicator.Alerts, W(Indicator.Alerts), Round(Deduct(Indicator.Alerts, u.Reminders * s.ReminderPoints + u.YellowCards * s.YellowPoints + u.RedCards * s.RedPoints)),
                $"提醒 {u.Reminders}、黄牌 {u.YellowCards}、红牌 {u.RedCards}"),
            new(Indicator.UpheldComplaints, W(Indicator.UpheldComplaints), Round(Deduct(Indicator.UpheldComplaints, u.UpheldComplaints * s.ComplaintPoints)),
                $"投诉成立 {u.UpheldComplaints} 件"),
            new(Indicator.BadRatings, W(Indicator.BadRatings), Round(Deduct(Indicator.BadRatings, u.BadRatings * s.BadRatingPoints)), $"差评 {u.BadRatings} 件"),
            new(Indicator.IntakeSpeed, W(Indicator.IntakeSpeed), Round(W(Indicator.IntakeSpeed) * Share(u.AcceptedPromptly, u.Accepted)),
                u.Accepted == 0 ? "本期无受理件" : $"一个工作日内受理 {u.AcceptedPromptly}/{u.Accepted}"),
        ];
        if (!u.HandledOrders)
        {
            return cases;
        }
        // A unit that handled work orders: the case indicators make (100 − share) of the score, the hotline's the share.
        var caseScale = (100 - s.HotlineShare) / 100;
        var hotlineScale = s.HotlineShare / 100;
        decimal H(Indicator i) => W(i) * hotlineScale;
        var sign = u.OrdersSigned + u.OrdersReturned;
        IReadOnlyList<IndicatorScore> hotline =
        [
            new(Indicator.SignOnTimeRate, H(Indicator.SignOnTimeRate), Round(H(Indicator.SignOnTimeRate) * Share(u.OrdersSignedOnTime, u.OrdersSigned)),
                u.OrdersSigned == 0 ? "本期无签收" : $"按时签收 {u.OrdersSignedOnTime}/{u.OrdersSigned}"),
            new(Indicator.ReplyOnTimeRate, H(Indicator.ReplyOnTimeRate), Round(H(Indicator.ReplyOnTimeRate) * Share(u.OrdersRepliedOnTime, u.OrdersConcluded)),
                u.OrdersConcluded == 0 ? "本期无办结工单" : $"按时答复 {u.OrdersRepliedOnTime}/{u.OrdersConcluded}"),
            new(Indicator.SatisfactionRate, H(Indicator.SatisfactionRate), Round(H(Indicator.SatisfactionRate) * Share(u.OrdersSatisfied, u.OrdersRated)),
                u.OrdersRated == 0 ? "本期无回访评价" : $"满意、基本满意 {u.OrdersSatisfied}/{u.OrdersRated}"),
            new(Indicator.ReopenRate, H(Indicator.ReopenRate), Round(H(Indicator.ReopenRate) * (1 - (u.OrdersRated == 0 ? 0 : Math.Min(1m, (decimal)u.OrdersReopened / u.OrdersRated)))),
                u.OrdersRated == 0 ? "本期无回访" : $"重办 {u.OrdersReopened}/回访 {u.OrdersRated}"),
            new(Indicator.ReturnRate, H(Indicator.ReturnRate), Round(H(Indicator.ReturnRate) * (1 - (sign == 0 ? 0 : (decimal)u.OrdersReturned / sign))),
                sign == 0 ? "本期无签收或退单" : $"退单 {u.OrdersReturned}/{sign}（签收 {u.OrdersSigned}）"),
        ];
        return [.. cases.Select(c => c with { Weight = c.Weight * caseScale, Points = Round(c.Points * caseScale) }), .. hotline];
    }

    private static decimal Round(decimal points) => decimal.Round(points, 2, MidpointRounding.AwayFromZero);
}
