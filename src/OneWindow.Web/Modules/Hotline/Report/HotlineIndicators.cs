using OneWindow.Web.Modules.Statistics;

namespace OneWindow.Web.Modules.Hotline.Report;

/// <summary>The hotline report's indicators (docs/statistics.md, the hotline section).</summary>
public enum HotlineIndicatorId
{
    Received,
    DirectRate,
    SignOnTimeRate,
    ConcludeOnTimeRate,
    CallbackRate,
    SatisfactionRate,
    ResolutionRate,
    ReopenRate,
    ReturnRate,
}

/// <summary>An indicator: its name, unit, formula in words, where the laws or the seeds ask for it, the formula in code, and the count its figure links to.</summary>
public sealed record HotlineIndicator(HotlineIndicatorId Id, string Name, string Unit, string Formula, string Source, Func<HotlineValues, decimal?> Compute, HotlineMeasure Count)
{
    public bool IsRate => Unit == "%";
}

/// <summary>
/// The nine hotline indicators, each defined once here from the kept figures' sums (<see cref="HotlineValues"/>); the
/// report, its API, its page, its Excel and the leaders' brief only call them. A rate with nothing to divide by has no
/// value (—), not zero.
/// </summary>
public static class HotlineIndicators
{
    public static readonly IReadOnlyList<HotlineIndicator> All =
    [
        new(HotlineIndicatorId.Received, "受理量", "件", "登记的工单数（各渠道），按登记日计", "潍坊市12345政务服务便民热线条例第十七条；种子003「来信来话14787件」",
            v => v[HotlineMeasure.Received], HotlineMeasure.Received),
        new(HotlineIndicatorId.DirectRate, "直接办结率", "%", "话务员当场答复办结的工单数 ÷ 受理量 × 100", "潍坊市12345政务服务便民热线条例第十八条（能够即时答复的，应当即时答复）；济南市12345市民服务热线条例第二十三条",
            v => Indicators.Rate(v[HotlineMeasure.AnsweredOnTheSpot], v[HotlineMeasure.Received]), HotlineMeasure.AnsweredOnTheSpot),
        new(HotlineIndicatorId.SignOnTimeRate, "按时签收率", "%", "在签收时限内签收的次数 ÷ 签收次数 × 100，按签收日计", "ADR 0023（签收时限：1 个工作日，紧急 2 小时）",
            v => Indicators.Rate(v[HotlineMeasure.SignedForOnTime], v[HotlineMeasure.SignedFor]), HotlineMeasure.SignedFor),
        new(HotlineIndicatorId.ConcludeOnTimeRate, "按时办结率", "%", "办结的派单工单中最后一次被采纳的答复在办理时限（含批准的延期）内作出的件数 ÷ 办结件数 × 100，按办结日计", "种子004「办结率100%」；潍坊条例第二十条（办理时限）",
            v => Indicators.Rate(v[HotlineMeasure.ConcludedOnTime], v[HotlineMeasure.Concluded]), HotlineMeasure.Concluded),
        new(HotlineIndicatorId.CallbackRate, "回访率", "%", "回访次数（中心电话、短信回访与群众网上评价）÷ 应回访次数（中心采纳答复的次数）× 100", "潍坊市12345政务服务便民热线条例第二十五条（回访制度）；济南市12345市民服务热线条例第二十七条",
            v => Indicators.Rate(v[HotlineMeasure.CalledBack], v[HotlineMeasure.CallbackDue]), HotlineMeasure.CalledBack),
        new(HotlineIndicatorId.SatisfactionRate, "满意率", "%", "回访评价为满意或基本满意的次数 ÷ 回访次数 × 100", "种子004「回访满意率达97%」；北京市接诉即办工作条例第三十二条（以响应率、解决率、满意率为核心）",
            v => Indicators.Rate(v[HotlineMeasure.Satisfied] + v[HotlineMeasure.FairlySatisfied], v[HotlineMeasure.CalledBack]), HotlineMeasure.Unsatisfied),
        new(HotlineIndicatorId.ResolutionRate, "解决率", "%", "回访时来电人认为已解决的次数 ÷ 回访次数 × 100", "北京市接诉即办工作条例第三十二条（以响应率、解决率、满意率为核心）",
            v => Indicators.Rate(v[HotlineMeasure.Resolved], v[HotlineMeasure.CalledBack]), HotlineMeasure.CalledBack),
        new(HotlineIndicatorId.ReopenRate, "重办率", "%", "回访不满意后退回原单位重办的次数 ÷ 回访次数 × 100", "济南市12345市民服务热线条例第二十七条（来电人不满意的，可以退回承办单位再次办理）",
            v => Indicators.Rate(v[HotlineMeasure.Reopened], v[HotlineMeasure.CalledBack]), HotlineMeasure.Reopened),
        new(HotlineIndicatorId.ReturnRate, "退单率", "%", "承办单位申请退单（派单异议）的次数 ÷ 派单次数（含改派、指定承办）× 100", "潍坊市12345政务服务便民热线条例第二十二条（派单异议）",
            v => Indicators.Rate(v[HotlineMeasure.Returned], v[HotlineMeasure.Dispatched]), HotlineMeasure.Returned),
    ];

    private static readonly Dictionary<HotlineIndicatorId, HotlineIndicator> ById = All.ToDictionary(i => i.Id);

    public static HotlineIndicator Of(HotlineIndicatorId id) => ById[id];
}
