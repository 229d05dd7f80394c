using OneWindow.Domain.Assessment;

namespace OneWindow.Domain.Tests.Assessment;

/// <summary>绩效考核: weighted indicators, deductions that stop at zero, grade bands, ranks that ties share.</summary>
public class ScoringTests
{
    private static readonly AssessmentScheme Scheme = AssessmentScheme.Default;

    [Fact]
    public void A_unit_with_everything_on_time_compressed_by_a_third_and_no_alerts_scores_full_marks()
    {
        var u = new UnitFacts("a", "甲") { Concluded = 10, ConcludedOnTime = 10, WorkingDaysUsed = 60, StatutoryDays = 90, Accepted = 12, AcceptedPromptly = 12 };

        var score = Assert.Single(Scoring.Score([u], Scheme));
        Assert.Equal(100m, score.Total);
        Assert.Equal(Grade.Excellent, score.Grade);
    }

    [Fact]
    public void Each_indicator_scores_its_weight_times_its_share_and_deductions_stop_at_zero()
    {
        var u = new UnitFacts("b", "乙")
        {
            Concluded = 10, ConcludedOnTime = 8,              // 30 × 0.8 = 24
            WorkingDaysUsed = 80, StatutoryDays = 100,        // compression 20 % of a full-marks third: 15 × 0.6 = 9
            Reminders = 2, YellowCards = 3, RedCards = 3,      // 25 − (1 + 6 + 15) = 3
            UpheldComplaints = 3,                              // 10 − 15 → 0
            BadRatings = 1,                                    // 10 − 2 = 8
            Accepted = 4, AcceptedPromptly = 3,                // 10 × 0.75 = 7.5
        };

        var score = Assert.Single(Scoring.Score([u], Scheme));
        Assert.Equal([24m, 9m, 3m, 0m, 8m, 7.5m], score.Breakdown.Select(b => b.Points));
        Assert.Equal(51.5m, score.Total);
        Assert.Equal(Grade.Fail, score.Grade);
        Assert.Contains("按期办结 8/10", score.Breakdown[0].Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_with_nothing_in_the_period_is_listed_unscored_after_the_ranked_ones()
    {
        var scores = Scoring.Score([new UnitFacts("a", "甲"), new UnitFacts("b", "乙") { Concluded = 2, ConcludedOnTime = 2, Accepted = 2, AcceptedPromptly = 2 }], Scheme);
        Assert.Equal(["b", "a"], scores.Select(s => s.Key));
        Assert.Equal((100m, Grade.Excellent, 1), (scores[0].Total!.Value, scores[0].Grade!.Value, scores[0].Rank!.Value));
        Assert.Equal((null, null, null), (scores[1].Total, scores[1].Grade, scores[1].Rank));
        Assert.False(scores[1].IsScored);
    }

    [Fact]
    public void Grades_follow_the_bands_and_equal_totals_share_a_rank()
    {
        var units = new[]
        {
            new UnitFacts("c", "丙") { YellowCards = 5 },              // 90: 优秀
            new UnitFacts("d", "丁") { YellowCards = 5 },              // 90
            new UnitFacts("e", "戊") { RedCards = 3, YellowCards = 3 }, // 79: 合格
            new UnitFacts("f", "己") { RedCards = 4, YellowCards = 3 }, // 75
        };

        var scores = Scoring.Score(units, Scheme);
        Assert.Equal([1, 1, 3, 4], scores.Select(s => s.Rank));
        Assert.Equal([Grade.Excellent, Grade.Excellent, Grade.Pass, Grade.Pass], scores.Select(s => s.Grade));
        Assert.Equal(Grade.Good, Scheme.GradeOf(80));
    }

    [Fact]
    public void A_scheme_whose_weights_do_not_add_up_to_a_hundred_is_refused()
    {
        var weights = Scheme.Weights.ToDictionary(w => w.Key, w => w.Value);
        weights[Indicator.Alerts] = 30;

        Assert.Equal("assessment.weights", Assert.Throws<DomainRuleException>(() => (Scheme with { Weights = weights }).Validated()).Code);
        Assert.Equal("assessment.bands", Assert.Throws<DomainRuleException>(() => (Scheme with { GoodFrom = 95 }).Validated()).Code);
    }

    [Fact]
    public void A_unit_that_handled_work_orders_is_scored_on_the_hotline_indicators_as_their_share_and_a_unit_without_them_as_before()
    {
        var cases = new UnitFacts("a", "甲") { Concluded = 10, ConcludedOnTime = 10, WorkingDaysUsed = 60, StatutoryDays = 90, Accepted = 12, AcceptedPromptly = 12 };
        var orders = cases with
        {
            Key = "b", OrdersConcluded = 10, OrdersRepliedOnTime = 10, OrdersSigned = 4, OrdersSignedOnTime = 2, OrdersRated = 8, OrdersSatisfied = 6, OrdersReopened = 2,
            OrdersReturned = 1,
        };

        var scores = Scoring.Score([cases, orders], Scheme).ToDictionary(s => s.Key);
        Assert.Equal(100m, scores["a"].Total);
        Assert.Equal(6, scores["a"].Breakdown.Count);
        // Cases 100 × 70 % = 70; hotline: signed in time 2 of 4 signatures, replied in time 10 of 10 conclusions, satisfied
        // 6 of 8 callbacks, reopened 2 of 8 callbacks, returned 1 of 5 (4 signatures + 1 return):
        // 20 × ½ + 30 + 30 × ¾ + 10 × ¾ + 10 × 0.8 = 78 × 30 % = 23.4.
        Assert.Equal(93.4m, scores["b"].Total);
        Assert.Equal(11, scores["b"].Breakdown.Count);
        Assert.Equal(scores["b"].Total, scores["b"].Breakdown.Sum(b => b.Points));
        Assert.Equal(100m, scores["b"].Breakdown.Sum(b => b.Weight));
        Assert.False((new UnitFacts("c", "丙") { OrdersReturned = 1 }).IsIdle);

        var weights = Scheme.Weights.ToDictionary(w => w.Key, w => w.Value);
        weights[Indicator.ReturnRate] = 20;
        Assert.Equal("assessment.hotline-weights", Assert.Throws<DomainRuleException>(() => (Scheme with { Weights = weights }).Validated()).Code);
        var none = Scoring.Score([orders], Scheme with { HotlineShare = 0 }).Single();
        Assert.Equal(100m, none.Total);
    }

    [Theory]
    [InlineData("2026-11", "2026-11-01", "2026-11-30")]
    [InlineData("2026-Q4", "2026-10-01", "2026-12-31")]
    [InlineData("2024-02", "2024-02-01", "2024-02-29")]
    [InlineData("2025", "2025-01-01", "2025-12-31")]
    public void Periods_are_months_quarters_or_years(string text, string first, string last)
    {
        Assert.True(AssessmentPeriod.TryParse(text, out var p));
        Assert.Equal(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), p.First);
        Assert.Equal(DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture), p.Last);
        Assert.Equal(text, p.ToString());
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-Q5")]
    [InlineData("26-11")]
    [InlineData("1999")]
    [InlineData("202")]
    [InlineData("")]
    public void Other_periods_are_refused(string text) => Assert.False(AssessmentPeriod.TryParse(text, out _));
}
