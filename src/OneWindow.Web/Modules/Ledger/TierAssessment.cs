using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Statistics;

namespace OneWindow.Web.Modules.Ledger;

/// <summary>A figure of the ledger, defined once: its name, what it counts and where the seeds ask for it.</summary>
public sealed record LedgerIndicator(string Key, string Name, string Formula, string Source, Func<LedgerSums, long> Compute);

/// <summary>The ledger's kept sums of a venue or a town over a period, by kind.</summary>
public sealed record LedgerSums(long Consultations, long Help, long Intakes)
{
    public static LedgerSums Empty { get; } = new(0, 0, 0);
    public LedgerSums Plus(LedgerSums o) => new(Consultations + o.Consultations, Help + o.Help, Intakes + o.Intakes);
}

/// <summary>The ledger's figures (服务台帐), each defined once; the case figures come from <see cref="Indicators"/>.</summary>
public static class LedgerIndicators
{
    public static readonly LedgerIndicator Services = new("services", "台帐服务量", "台帐中的全部服务：咨询登记 + 代办帮办 + 代办收件", "种子001「考核驗收」；种子004 村便民服务室", s => s.Consultations + s.Help + s.Intakes);
    public static readonly LedgerIndicator Consultations = new("consultations", "咨询登记", "台帐中类型为咨询登记的服务数", "种子001「便民服务」", s => s.Consultations);
    public static readonly LedgerIndicator Help = new("help", "代办帮办", "台帐中类型为代办帮办、未形成办件的服务数", "种子004「代办员」", s => s.Help);

    public static readonly IReadOnlyList<LedgerIndicator> All = [Services, Consultations, Help];
}

/// <summary>One venue's (or one town's, with its villages) assessment figures.</summary>
/// <param name="Received">受理量 (<see cref="IndicatorId.Received"/>) of the cases taken in there.</param>
/// <param name="OnTimeRate">按期办结率 (<see cref="IndicatorId.OnTimeRate"/>) of those concluded in the period.</param>
/// <param name="Overdue">超期件 (<see cref="IndicatorId.Overdue"/>).</param>
/// <param name="Ratings">好差评: ratings of the cases taken in there, on their rating day; <paramref name="GoodRatings"/> 满意 and 非常满意.</param>
/// <param name="BadRatings">差评 (不满意, 非常不满意; not set aside on appeal) and <paramref name="BadRectified"/> those rectified (差评整改).</param>
/// <param name="Score">考核得分 out of 100 (<see cref="TierScore"/>).</param>
public sealed record TierFigures(decimal? Received, decimal? Concluded, decimal? OnTimeRate, decimal? Overdue, long Services, long Consultations, long Help,
    long Ratings = 0, long GoodRatings = 0, long BadRatings = 0, long BadRectified = 0, decimal Score = 0);

/// <summary>A venue's (or town's) kept rating sums over a period (<see cref="DailyServiceFigure"/>).</summary>
public sealed record RatingSums(long Ratings, long Good, long Bad, long Rectified)
{
    public static RatingSums Empty { get; } = new(0, 0, 0, 0);
    public RatingSums Plus(RatingSums o) => new(Ratings + o.Ratings, Good + o.Good, Bad + o.Bad, Rectified + o.Rectified);

}

/// <summary>A row of the assessment: a town hall (with its villages' rooms rolled up in <see cref="WithVillages"/>) or a village room.</summary>
public sealed record TierRow(Guid VenueId, string VenueName, VenueTier Tier, string RegionCode, TierFigures Figures, TierFigures? WithVillages, int Rank);

/// <summary>A column of the assessment: the figure's key, name and formula (from its one definition).</summary>
public sealed record TierColumn(string Key, string Name, string Formula);

public sealed record TierAssessmentResult(ReportPeriod Period, string? Town, string? TownName, IReadOnlyList<TierRow> Rows, IReadOnlyList<TierColumn> Columns);

/// <summary>
/// 乡村两级考核: the town halls of the county (each also with its villages' rooms, by region code prefix) or the
/// village rooms of one town, over a period, from the kept figures only — the cases' (<see cref="DailyFigure"/>, by
/// <see cref="StatisticsReport"/>) and the ledger's (<see cref="LedgerDailyFigure"/>) — ranked by the ledger's
/// score (<see cref="TierScore"/>: on-time rate, satisfaction, rectification of bad ratings, services), then the ledger's
/// services, then the cases received (seed 001「考核驗收 … 評比」). Ratings (好差评) come from the kept service figures
/// (<see cref="DailyServiceFigure"/>, by the receiving venue and its region), one grouped query.
/// </summary>
public sealed class TierAssessment(OneWindowDbContext db, StatisticsReport report)
{
    private static readonly IReadOnlyList<IndicatorId> CaseFigures = [IndicatorId.Received, IndicatorId.Concluded, IndicatorId.OnTimeRate, IndicatorId.Overdue];

    /// <param name="town">A town's code (9 or 12 digits): its hall and its village rooms; null: every town hall of the county.</param>
    public async Task<TierAssessmentResult> RunAsync(ReportPeriod period, string county, string? town, CancellationToken ct)
    {
        var townPrefix = RegionCode.TryParse(town, out var t) && t.Level == RegionLevel.Town ? t.Value[..9] : null;
        var prefix = townPrefix ?? county[..6];
        var tiers = townPrefix is null ? new[] { VenueTier.TownHall } : [VenueTier.TownHall, VenueTier.VillageRoom];
        var venues = await db.Venues.AsNoTracking().Where(v => v.RegionCode.StartsWith(prefix) && tiers.Contains(v.Tier))
            .OrderBy(v => v.RegionCode).Take(500).Select(v => new { v.Id, v.Name, v.Tier, v.RegionCode }).ToListAsync(ct);

        var byVenue = await report.RunAsync(new ReportQuery(period, Breakdown.Venue, CaseFigures, RegionPrefix: prefix), ct);
        var byTown = townPrefix is null ? await report.RunAsync(new ReportQuery(period, Breakdown.Region, CaseFigures, RegionPrefix: prefix, RegionLevel: 9), ct) : null;
        var ledger = await LedgerByVenueAsync(prefix, period, ct);
        var ratings = await RatingsByRegionAndVenueAsync(prefix, period, ct);

        TierFigures Figures(ReportRow? row, LedgerSums sums, RatingSums rated) => new(
            Value(row, IndicatorId.Received) ?? 0, Value(row, IndicatorId.Concluded) ?? 0, Value(row, IndicatorId.OnTimeRate), Value(row, IndicatorId.Overdue) ?? 0,
            LedgerIndicators.Services.Compute(sums), LedgerIndicators.Consultations.Compute(sums), LedgerIndicators.Help.Compute(sums),
            rated.Ratings, rated.Good, rated.Bad, rated.Rectified);

        var rows = venues.Select(v =>
        {
            var own = Figures(byVenue.Rows.FirstOrDefault(r => r.Key == v.Id.ToString()), ledger.TryGetValue(v.Id, out var l) ? l.Sums : LedgerSums.Empty,
                ratings.ByVenue.GetValueOrDefault(v.Id, RatingSums.Empty));
            TierFigures? withVillages = null;
            if (byTown is not null)
            {
                var town = v.RegionCode[..9];
                var townSums = ledger.Where(kv => kv.Value.Region.StartsWith(town, StringComparison.Ordinal)).Aggregate(LedgerSums.Empty, (a, kv) => a.Plus(kv.Value.Sums));
                var townRatings = ratings.ByRegion.Where(kv => kv.Key.StartsWith(town, StringComparison.Ordinal)).Aggregate(RatingSums.Empty, (a, kv) => a.Plus(kv.Value));
                withVillages = Figures(byTown.Rows.FirstOrDefault(r => r.Key == v.RegionCode), townSums, townRatings);
            }
            return (v, own, withVillages);
        }).ToList();
        // The score compares like with like: each venue's own figures among the venues, the towns' with their villages among the towns.
        var mostOwn = rows.Select(r => r.own.Services).DefaultIfEmpty(0).Max();
        var mostTown = rows.Select(r => r.withVillages?.Services ?? 0).DefaultIfEmpty(0).Max();
        static TierFigures Scored(TierFigures f, long most) => f with { Score = TierScore.Of(f.OnTimeRate, f.Ratings, f.GoodRatings, f.BadRatings, f.BadRectified, f.Services, most) };
        var scored = rows.Select(r => (r.v, own: Scored(r.own, mostOwn), withVillages: r.withVillages is { } w ? Scored(w, mostTown) : null)).ToList();
        var ranked = scored.OrderByDescending(r => (r.withVillages ?? r.own).Score).ThenByDescending(r => (r.withVillages ?? r.own).Services)
            .ThenByDescending(r => (r.withVillages ?? r.own).Received).ThenBy(r => r.v.RegionCode, StringComparer.Ordinal)
            .Select((r, i) => new TierRow(r.v.Id, r.v.Name, r.v.Tier, r.v.RegionCode, r.own, r.withVillages, i + 1)).ToList();
        var townName = townPrefix is null ? null : await db.Regions.AsNoTracking().Where(r => r.Code == townPrefix + "000").Select(r => r.Name).FirstOrDefaultAsync(ct);
        return new TierAssessmentResult(period, townPrefix is null ? null : townPrefix + "000", townName, ranked,
            [.. CaseFigures.Select(Indicators.Of).Select(i => new TierColumn(char.ToLowerInvariant(i.Id.ToString()[0]) + i.Id.ToString()[1..], i.Name, i.Formula)),
             .. LedgerIndicators.All.Select(i => new TierColumn(i.Key, i.Name, i.Formula)),
             .. RatingColumns,
             new TierColumn("score", "考核得分", string.Join("；", TierScore.Parts.Select(p => $"{p.Name} {p.Weight} 分：{p.Formula}")) + "；无可计量的项不计，其余按比例折算为百分制")]);
    }

    private static readonly IReadOnlyList<TierColumn> RatingColumns =
    [
        new("ratings", "评价数", "好差评评价次数（五个等级之和），按评价日计"),
        new("badRatings", "差评数", "不满意、非常不满意的评价（申诉成立的不计），按评价日计"),
        new("badRectified", "差评整改数", "上述差评中已整改的件数（按评价日归期）"),
    ];

    /// <summary>The kept ratings of the period by venue and by the venue's region (one grouped query; a town sums its villages' codes).</summary>
    private async Task<(Dictionary<Guid, RatingSums> ByVenue, Dictionary<string, RatingSums> ByRegion)> RatingsByRegionAndVenueAsync(string prefix, ReportPeriod period, CancellationToken ct)
    {
        var rows = await ServiceFigureSums.Rows(db, period.From, period.To, null, prefix)
            .GroupBy(f => new { f.VenueId, f.RegionCode })
            .Select(g => new
            {
                g.Key.VenueId, g.Key.RegionCode,
                Ratings = g.Sum(f => f.RatedVeryDissatisfied + f.RatedDissatisfied + f.RatedFair + f.RatedSatisfied + f.RatedVerySatisfied),
                Good = g.Sum(f => f.RatedSatisfied + f.RatedVerySatisfied), Bad = g.Sum(f => f.BadRatings), Rectified = g.Sum(f => f.BadRectified),
            }).ToListAsync(ct);
        var byVenue = new Dictionary<Guid, RatingSums>();
        var byRegion = new Dictionary<string, RatingSums>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            var sums = new RatingSums(r.Ratings, r.Good, r.Bad, r.Rectified);
            byVenue[r.VenueId] = byVenue.GetValueOrDefault(r.VenueId, RatingSums.Empty).Plus(sums);
            byRegion[r.RegionCode] = byRegion.GetValueOrDefault(r.RegionCode, RatingSums.Empty).Plus(sums);
        }
        return (byVenue, byRegion);
    }

    private static decimal? Value(ReportRow? row, IndicatorId id) => row?.Figures.FirstOrDefault(f => f.Indicator == id)?.Value;

    /// <summary>The ledger's kept sums of the period by venue (with the venue's region, to roll villages up to their town).</summary>
    private async Task<Dictionary<Guid, (string Region, LedgerSums Sums)>> LedgerByVenueAsync(string prefix, ReportPeriod period, CancellationToken ct)
    {
        var (from, to) = (period.From, period.To);
        var rows = await db.Set<LedgerDailyFigure>().AsNoTracking()
            .Where(f => f.RegionCode.StartsWith(prefix) && f.Day >= from && f.Day <= to)
            .GroupBy(f => new { f.VenueId, f.RegionCode, f.Kind })
            .Select(g => new { g.Key.VenueId, g.Key.RegionCode, g.Key.Kind, Services = g.Sum(f => f.Services) })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.VenueId).ToDictionary(g => g.Key, g => (g.First().RegionCode, new LedgerSums(
            g.Where(r => r.Kind == LedgerKind.Consultation).Sum(r => r.Services),
            g.Where(r => r.Kind == LedgerKind.Help).Sum(r => r.Services),
            g.Where(r => r.Kind == LedgerKind.Intake).Sum(r => r.Services))));
    }
}
