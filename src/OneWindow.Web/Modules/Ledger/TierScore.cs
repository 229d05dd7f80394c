namespace OneWindow.Web.Modules.Ledger;

/// <summary>One part of the tier assessment's score: its weight (points of 100), what it measures and why.</summary>
public sealed record TierScorePart(string Key, string Name, int Weight, string Formula);

/// <summary>
/// 考核得分 of a town hall or village room (seed 001「考核驗收 … 評比」; 国办发〔2019〕51号 makes 好差评 part of the
/// assessment of every service venue), defined once here and in docs/statistics.md. Each part is a share (0–1) times
/// its weight; a part with nothing to measure in the period (no decided case, no rating, no bad rating) is left out and
/// the others are scaled up to 100, so a quiet village room is neither rewarded nor punished for what did not happen.
/// The service volume is always measured (against the busiest venue compared), so the score is never undefined.
/// </summary>
public static class TierScore
{
    public static readonly TierScorePart OnTime = new("onTime", "按期办结率", 35, "按期办结率（有决定的办结件中在承诺期限内作出决定的比例）");
    public static readonly TierScorePart Satisfaction = new("satisfaction", "满意率", 30, "满意和非常满意的评价 ÷ 评价总数");
    public static readonly TierScorePart Rectification = new("rectification", "差评整改率", 20, "已整改的差评 ÷ 差评（申诉成立的不计）");
    public static readonly TierScorePart Volume = new("volume", "台帐服务量", 15, "台帐服务量 ÷ 参评场所中最高的台帐服务量");

    public static readonly IReadOnlyList<TierScorePart> Parts = [OnTime, Satisfaction, Rectification, Volume];

    /// <summary>The score out of 100, to two decimals.</summary>
    /// <param name="onTimeRate">按期办结率 in percent (null: no decided case concluded in the period).</param>
    /// <param name="mostServices">The highest 台帐服务量 among the venues compared (0: none served).</param>
    public static decimal Of(decimal? onTimeRate, long ratings, long goodRatings, long badRatings, long badRectified, long services, long mostServices)
    {
        var shares = new (TierScorePart Part, decimal? Share)[]
        {
            (OnTime, onTimeRate is { } r ? r / 100m : null),
            (Satisfaction, ratings > 0 ? (decimal)goodRatings / ratings : null),
            (Rectification, badRatings > 0 ? (decimal)badRectified / badRatings : null),
            (Volume, mostServices > 0 ? (decimal)services / mostServices : 0m),
        };
        var weights = shares.Where(s => s.Share is not null).Sum(s => s.Part.Weight);
        var points = shares.Where(s => s.Share is not null).Sum(s => s.Part.Weight * s.Share!.Value);
        return Math.Round(points * 100m / weights, 2, MidpointRounding.AwayFromZero);
    }
}
