namespace OneWindow.Web.Modules.Statistics;

/// <summary>The indicators a report may show (docs/statistics.md gives each its formula and source).</summary>
public enum IndicatorId
{
    Received,
    Accepted,
    Concluded,
    InHand,
    ConclusionRate,
    OnTimeRate,
    EarlyRate,
    Overdue,
    OverdueWorkingDays,
    AverageWorkingDays,
    AveragePromisedDays,
    AverageStatutoryDays,
    InstantShare,
    OnlineShare,
    RejectionRate,
    Rejected,
    CorrectionRate,
    Withdrawn,
    Paid,
    FeeTotal,
    ZeroVisitShare,
    AtMostOneVisitShare,
    PromptAcceptanceRate,
    PromiseCompression,
    AchievedCompression,
    RatedVerySatisfied,
    RatedSatisfied,
    RatedFair,
    RatedDissatisfied,
    RatedVeryDissatisfied,
    Ratings,
    BadRatings,
    BadRatingRate,
    RectificationRate,
    Reminders,
    YellowCards,
    RedCards,
    ComplaintsUpheld,
}

/// <summary>The sums a report's figures are computed from: the kept measures over the period, the online intake, and the stock at its end.</summary>
public sealed record FigureTotals(MeasureValues Sums, long OnlineReceived, long InHand)
{
    public static FigureTotals Empty => new(new MeasureValues(), 0, 0);

    /// <summary>The kept service figures' sums (ratings, alerts, upheld complaints; ADR 0030).</summary>
    public ServiceValues Service { get; init; } = new();

    public FigureTotals Plus(FigureTotals other)
    {
        var sums = Sums.Copy();
        sums.Add(other.Sums);
        var service = Service.Copy();
        service.Add(other.Service);
        return new FigureTotals(sums, OnlineReceived + other.OnlineReceived, InHand + other.InHand) { Service = service };
    }
}

/// <summary>What an indicator is: its name, unit, formula in words, where the seeds or the law ask for it, and the formula in code.</summary>
public sealed record Indicator(IndicatorId Id, string Name, string Unit, string Formula, string Source, Func<FigureTotals, decimal?> Compute)
{
    /// <summary>Whether it is computed from the kept service figures (ratings, alerts, complaints) rather than the case figures.</summary>
    public bool FromService => Id >= IndicatorId.RatedVerySatisfied;

    /// <summary>Whether a value is a rate (shown as a percentage; compared by percentage points).</summary>
    public bool IsRate => Unit == "%";
}

/// <summary>
/// Every indicator, defined once: the report, its API and its page compute them only here, from the kept figures'
/// sums (<see cref="FigureTotals"/>). A rate with a zero denominator has no value (shown as —), not zero.
/// </summary>
public static class Indicators
{
    public static readonly IReadOnlyList<Indicator> All =
    [
        new(IndicatorId.Received, "受理量", "件", "收件数（申请人材料递交并登记，补正后以最后一次收件日计）", "种子000「受理各类事项14238项」；行政许可法第三十二条", t => t.Sums[Measure.Received]),
        new(IndicatorId.Accepted, "正式受理量", "件", "受理（含视为受理）数，按受理日计", "行政许可法第三十二条", t => t.Sums[Measure.Accepted]),
        new(IndicatorId.Concluded, "办结量", "件", "办结（送达）数，按办结日计", "种子000「办结率99.56%」", t => t.Sums[Measure.Concluded]),
        new(IndicatorId.InHand, "在办量", "件", "期末在办：截至期末累计收件 − 累计结案（办结、不予受理、撤回、终止）", "ADR 0011（在办工作）", t => t.InHand),
        new(IndicatorId.ConclusionRate, "办结率", "%", "办结量 ÷ 受理量 × 100", "种子000「办结率99.56%」", t => Rate(t.Sums[Measure.Concluded], t.Sums[Measure.Received])),
        new(IndicatorId.OnTimeRate, "按期办结率", "%", "办结件中在承诺期限内作出决定的件数 ÷ 有决定的办结件数 × 100", "种子003「按期办结率达到100%」", t => Rate(t.Sums[Measure.OnTime], t.Sums[Measure.Decided])),
        new(IndicatorId.EarlyRate, "提前办结率", "%", "在承诺期限届满前至少一个工作日作出决定的件数 ÷ 有决定的办结件数 × 100", "种子000「承诺时限由21.31个工作日压缩到5.36个工作日」", t => Rate(t.Sums[Measure.Early], t.Sums[Measure.Decided])),
        new(IndicatorId.Overdue, "超期件", "件", "办结件中超过承诺期限作出决定的件数", "行政许可法第四十二条；种子002 红黄牌", t => t.Sums[Measure.OverduePromised]),
        new(IndicatorId.OverdueWorkingDays, "超期工作日", "工作日", "超期件超过承诺期限的工作日之和", "行政许可法第四十二条", t => t.Sums[Measure.OverdueWorkingDays]),
        new(IndicatorId.AverageWorkingDays, "平均办理时长", "工作日", "有决定的办结件法定计时的工作日（不含中止、补正）之和 ÷ 件数", "种子000「5.36个工作日」；ADR 0003", t => Average(t.Sums[Measure.WorkingDays], t.Sums[Measure.Decided])),
        new(IndicatorId.AveragePromisedDays, "平均承诺时限", "工作日", "同一批办结件的承诺时限之和 ÷ 件数", "种子000「承诺时限」", t => Average(t.Sums[Measure.PromisedDays], t.Sums[Measure.Decided])),
        new(IndicatorId.AverageStatutoryDays, "平均法定时限", "工作日", "同一批办结件的法定时限之和 ÷ 件数", "行政许可法第四十二条", t => Average(t.Sums[Measure.StatutoryDays], t.Sums[Measure.Decided])),
        new(IndicatorId.InstantShare, "即办件比例", "%", "收件中即办件数 ÷ 受理量 × 100", "种子004「即办件比例扩大到85%」", t => Rate(t.Sums[Measure.Instant], t.Sums[Measure.Received])),
        new(IndicatorId.OnlineShare, "网办率", "%", "网上提交（预审后收件）的件数 ÷ 受理量 × 100", "种子000「网上审批率达100%」", t => Rate(t.OnlineReceived, t.Sums[Measure.Received])),
        new(IndicatorId.RejectionRate, "不予受理率", "%", "不予受理数 ÷ 受理量 × 100", "行政许可法第三十二条", t => Rate(t.Sums[Measure.RejectedAtIntake], t.Sums[Measure.Received])),
        new(IndicatorId.Rejected, "不予受理件", "件", "收件后作出不予受理决定的件数，按决定日计", "行政许可法第三十二条", t => t.Sums[Measure.RejectedAtIntake]),
        new(IndicatorId.CorrectionRate, "补正率", "%", "收件中发出过一次性补正告知的件数 ÷ 受理量 × 100", "行政许可法第三十二条（一次性告知）", t => Rate(t.Sums[Measure.Corrected], t.Sums[Measure.Received])),
        new(IndicatorId.Withdrawn, "撤回件", "件", "申请人撤回数，按撤回日计", "行政许可法第三十六条", t => t.Sums[Measure.Withdrawn]),
        new(IndicatorId.Paid, "收费笔数", "笔", "统一收费窗口登记的缴费笔数，按缴费日计", "种子000 统一收费", t => t.Sums[Measure.Paid]),
        new(IndicatorId.FeeTotal, "收费金额", "元", "登记的实收金额之和（元）", "行政许可法第五十九条（依法收费、全额上缴）", t => t.Sums[Measure.FeeFen] / 100m),
        new(IndicatorId.ZeroVisitShare, "跑零次比例", "%", "办结件中申请人无须到窗口的件数（网上提交且结果邮寄或电子送达）÷ 办结量 × 100", "种子004「最多跑一次」；国务院办公厅关于“最多跑一次”改革", t => Rate(t.Sums[Measure.ZeroVisit], t.Sums[Measure.Concluded])),
        new(IndicatorId.AtMostOneVisitShare, "最多跑一次比例", "%", "办结件中申请人到窗口不超过一次的件数 ÷ 办结量 × 100（递交一次、每次补正一次、窗口领取结果一次，即办件当场领取不另计）", "种子004「最多跑一次」", t => Rate(t.Sums[Measure.AtMostOneVisit], t.Sums[Measure.Concluded])),
        new(IndicatorId.PromptAcceptanceRate, "及时受理率", "%", "收件后一个工作日内由窗口受理（不含视为受理）的件数 ÷ 受理量 × 100", "行政许可法第三十二条；绩效考核", t => Rate(t.Sums[Measure.AcceptedPromptly], t.Sums[Measure.Received])),
        new(IndicatorId.PromiseCompression, "承诺时限压缩率", "%", "（办结件法定时限之和 − 承诺时限之和）÷ 法定时限之和 × 100", "种子000「承诺时限由21.31个工作日压缩到5.36个工作日，压缩了74.85%」；种子004「审批时限比法定时限压缩三分之一以上」", t => Compression(t.Sums[Measure.StatutoryDays], t.Sums[Measure.PromisedDays])),
        new(IndicatorId.AchievedCompression, "实际办理时限压缩率", "%", "（办结件承诺时限之和 − 实际办理工作日之和）÷ 承诺时限之和 × 100", "种子004「承诺件的办结时间平均缩短了40%」", t => Compression(t.Sums[Measure.PromisedDays], t.Sums[Measure.WorkingDays])),
        new(IndicatorId.RatedVerySatisfied, "非常满意", "次", "评价为非常满意的次数，按评价日计", "国办发〔2019〕51号 政务服务“好差评”", t => t.Service[ServiceMeasure.RatedVerySatisfied]),
        new(IndicatorId.RatedSatisfied, "满意", "次", "评价为满意的次数，按评价日计", "国办发〔2019〕51号 政务服务“好差评”", t => t.Service[ServiceMeasure.RatedSatisfied]),
        new(IndicatorId.RatedFair, "基本满意", "次", "评价为基本满意的次数，按评价日计", "国办发〔2019〕51号 政务服务“好差评”", t => t.Service[ServiceMeasure.RatedFair]),
        new(IndicatorId.RatedDissatisfied, "不满意", "次", "评价为不满意的次数，按评价日计", "国办发〔2019〕51号 政务服务“好差评”", t => t.Service[ServiceMeasure.RatedDissatisfied]),
        new(IndicatorId.RatedVeryDissatisfied, "非常不满意", "次", "评价为非常不满意的次数，按评价日计", "国办发〔2019〕51号 政务服务“好差评”", t => t.Service[ServiceMeasure.RatedVeryDissatisfied]),
        new(IndicatorId.Ratings, "评价总数", "次", "五个等级的评价次数之和", "国办发〔2019〕51号 政务服务“好差评”", t => RatingCount(t)),
        new(IndicatorId.BadRatings, "差评数", "次", "差评（不满意、非常不满意）次数，申诉成立的不计，按评价日计", "国办发〔2019〕51号；种子002 每月一通报", t => t.Service[ServiceMeasure.BadRatings]),
        new(IndicatorId.BadRatingRate, "差评率", "%", "差评（不满意、非常不满意，申诉成立的不计）÷ 评价总数 × 100", "国办发〔2019〕51号；种子002 每月一通报", t => Rate(t.Service[ServiceMeasure.BadRatings], RatingCount(t))),
        new(IndicatorId.RectificationRate, "差评整改率", "%", "已整改的差评 ÷ 差评（申诉成立的不计）× 100，按评价日归期", "国办发〔2019〕51号「差评整改」", t => Rate(t.Service[ServiceMeasure.BadRectified], t.Service[ServiceMeasure.BadRatings])),
        new(IndicatorId.Reminders, "提醒", "次", "电子监察发出的提醒次数，按发出日计", "ADR 0009 电子监察；种子002", t => t.Service[ServiceMeasure.Reminders]),
        new(IndicatorId.YellowCards, "黄牌", "张", "电子监察发出的黄牌数，按发出日计", "种子002 红黄牌", t => t.Service[ServiceMeasure.YellowCards]),
        new(IndicatorId.RedCards, "红牌", "张", "电子监察发出的红牌数，按发出日计", "种子002 红黄牌", t => t.Service[ServiceMeasure.RedCards]),
        new(IndicatorId.ComplaintsUpheld, "投诉属实", "件", "效能投诉办结且认定属实的件数，按办结日计", "种子002 每月一通报（投诉）", t => t.Service[ServiceMeasure.ComplaintsUpheld]),
    ];

    private static long RatingCount(FigureTotals t) =>
        t.Service[ServiceMeasure.RatedVerySatisfied] + t.Service[ServiceMeasure.RatedSatisfied] + t.Service[ServiceMeasure.RatedFair]
        + t.Service[ServiceMeasure.RatedDissatisfied] + t.Service[ServiceMeasure.RatedVeryDissatisfied];

    private static readonly Dictionary<IndicatorId, Indicator> ById = All.ToDictionary(i => i.Id);

    public static Indicator Of(IndicatorId id) => ById[id];

    /// <summary>The indicators a report shows when none are chosen.</summary>
    public static readonly IReadOnlyList<IndicatorId> Default =
        [IndicatorId.Received, IndicatorId.Concluded, IndicatorId.InHand, IndicatorId.ConclusionRate, IndicatorId.OnTimeRate, IndicatorId.Overdue, IndicatorId.AverageWorkingDays, IndicatorId.OnlineShare];

    /// <summary>A percentage to two decimals; none when nothing was counted.</summary>
    public static decimal? Rate(long part, long whole) => whole == 0 ? null : decimal.Round(100m * part / whole, 2);

    /// <summary>How far a later figure is below an earlier one, in percent of the earlier (时限压缩率); none when the earlier is zero.</summary>
    public static decimal? Compression(long earlier, long later) => earlier == 0 ? null : decimal.Round(100m * (earlier - later) / earlier, 2);

    public static decimal? Average(long sum, long count) => count == 0 ? null : decimal.Round((decimal)sum / count, 2);
}
