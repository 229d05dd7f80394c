using System.Globalization;

namespace OneWindow.Domain.Assessment;

/// <summary>What a score is made of (绩效考核指标).</summary>
public enum Indicator
{
    OnTimeRate = 1,       // 按期办结率
    LimitCompression = 2, // 承诺时限压缩（实际用时相对法定时限）
    Alerts = 3,           // 预警（提醒、黄牌、红牌扣分）
    UpheldComplaints = 4, // 效能投诉成立
    BadRatings = 5,       // 差评
    IntakeSpeed = 6,      // 受理及时率（收件后一个工作日内受理）
    // The 12345 hotline's indicators (ADR 0028), for a unit that handled work orders in the period.
    SignOnTimeRate = 7,   // 按时签收率
    ReplyOnTimeRate = 8,  // 按时办结率（工单按时答复）
    SatisfactionRate = 9, // 满意率（满意、基本满意）
    ReopenRate = 10,      // 重办率（越低越好）
    ReturnRate = 11,      // 退单率（越低越好）
}

/// <summary>The grade bands (docs/domain.md §8, Assessment).</summary>
public enum Grade
{
    Excellent = 1, // 优秀
    Good = 2,      // 良好
    Pass = 3,      // 合格
    Fail = 4,      // 不合格
}

public enum PeriodKind
{
    Month = 1,
    Quarter = 2,
    Year = 3,
}

/// <summary>A month (<c>2026-11</c>), a quarter (<c>2026-Q4</c>) or a year (<c>2026</c>, the annual 年度考核), in Beijing dates.</summary>
public readonly record struct AssessmentPeriod(PeriodKind Kind, int Year, int Number)
{
    public DateOnly First => Kind switch
    {
        PeriodKind.Month => new DateOnly(Year, Number, 1),
        PeriodKind.Quarter => new DateOnly(Year, (Number - 1) * 3 + 1, 1),
        _ => new DateOnly(Year, 1, 1),
    };

    public DateOnly Last => First.AddMonths(Kind switch { PeriodKind.Month => 1, PeriodKind.Quarter => 3, _ => 12 }).AddDays(-1);

    public override string ToString() => Kind switch
    {
        PeriodKind.Month => $"{Year:D4}-{Number:D2}",
        PeriodKind.Quarter => $"{Year:D4}-Q{Number}",
        _ => $"{Year:D4}",
    };

    public static bool TryParse(string? text, out AssessmentPeriod period)
    {
        period = default;
        var t = (text ?? "").Trim().ToUpperInvariant();
        if (t.Length == 4 && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var whole))
        {
            period = new AssessmentPeriod(PeriodKind.Year, whole, 1);
            return whole is >= 2000 and <= 2099;
        }
        if (t.Length == 7 && t[4] == '-' && int.TryParse(t[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            if (t[5] == 'Q' && t[6] is >= '1' and <= '4')
            {
                period = new AssessmentPeriod(PeriodKind.Quarter, year, t[6] - '0');
                return year is >= 2000 and <= 2099;
            }
            if (int.TryParse(t[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
            {
                period = new AssessmentPeriod(PeriodKind.Month, year, month);
                return year is >= 2000 and <= 2099;
            }
        }
        return false;
    }

    public static AssessmentPeriod MonthOf(DateOnly day) => new(PeriodKind.Month, day.Year, day.Month);
}

/// <summary>
/// How scores are computed: each indicator's weight (points out of 100), the points each alert, upheld complaint
/// and bad rating costs, the compression that earns full marks, and the grade bands. Configurable; the defaults
/// follow the seeds (promised limits at least a third under statutory; 按期办结率 as the first measure).
/// </summary>
public sealed record AssessmentScheme
{
    public IReadOnlyDictionary<Indicator, decimal> Weights { get; init; } = new Dictionary<Indicator, decimal>
    {
        [Indicator.OnTimeRate] = 30, [Indicator.LimitCompression] = 15, [Indicator.Alerts] = 25,
        [Indicator.UpheldComplaints] = 10, [Indicator.BadRatings] = 10, [Indicator.IntakeSpeed] = 10,
        [Indicator.SignOnTimeRate] = 20, [Indicator.ReplyOnTimeRate] = 30, [Indicator.SatisfactionRate] = 30,
        [Indicator.ReopenRate] = 10, [Indicator.ReturnRate] = 10,
    };

    /// <summary>The hotline's indicators (their weights add up to 100 among themselves).</summary>
    public static readonly IReadOnlyList<Indicator> HotlineIndicators =
        [Indicator.SignOnTimeRate, Indicator.ReplyOnTimeRate, Indicator.SatisfactionRate, Indicator.ReopenRate, Indicator.ReturnRate];

    /// <summary>
    /// The share of the score (out of 100) the hotline's indicators make for a unit that handled work orders in the
    /// period; the case indicators make the rest. A unit without work orders is scored on the case indicators alone.
    /// </summary>
    public decimal HotlineShare { get; init; } = 30;
    public decimal ReminderPoints { get; init; } = 0.5m;
    public decimal YellowPoints { get; init; } = 2;
    public decimal RedPoints { get; init; } = 5;
    public decimal ComplaintPoints { get; init; } = 5;
    public decimal BadRatingPoints { get; init; } = 2;
    /// <summary>The share of the statutory limit saved that earns the indicator's full weight.</summary>
    public decimal CompressionForFullMarks { get; init; } = 1m / 3;
    public decimal ExcellentFrom { get; init; } = 90;
    public decimal GoodFrom { get; init; } = 80;
    public decimal PassFrom { get; init; } = 60;

    public static AssessmentScheme Default { get; } = new();

    /// <summary>Weights add up to 100, deductions are not negative, and the bands descend.</summary>
    public AssessmentScheme Validated()
    {
        if (Enum.GetValues<Indicator>().Any(i => !Weights.ContainsKey(i)) || Weights.Values.Any(w => w < 0)
            || Weights.Where(w => !HotlineIndicators.Contains(w.Key)).Sum(w => w.Value) != 100)
        {
            throw new DomainRuleException("assessment.weights", "各项指标权重须为非负数，合计 100 分。");
        }
        if (HotlineIndicators.Sum(i => Weights[i]) != 100 || HotlineShare is < 0 or > 100)
        {
            throw new DomainRuleException("assessment.hotline-weights", "热线工单各项指标权重合计须为 100 分，热线占比应在 0–100 之间。");
        }
        if (new[] { ReminderPoints, YellowPoints, RedPoints, ComplaintPoints, BadRatingPoints }.Any(p => p < 0) || CompressionForFullMarks is <= 0 or > 1)
        {
            throw new DomainRuleException("assessment.deductions", "扣分标准不能为负，满分压缩比例应在 0–1 之间。");
        }
        if (!(ExcellentFrom > GoodFrom && GoodFrom > PassFrom && PassFrom > 0 && ExcellentFrom <= 100))
        {
            throw new DomainRuleException("assessment.bands", "等次分数线应为 优秀 > 良好 > 合格 > 0。");
        }
        return this;
    }

    public Grade GradeOf(decimal total) => total >= ExcellentFrom ? Grade.Excellent : total >= GoodFrom ? Grade.Good : total >= PassFrom ? Grade.Pass : Grade.Fail;
}
