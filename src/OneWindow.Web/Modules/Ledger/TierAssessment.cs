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
public sealed record TierFigures(decimal? Received, decimal? Concluded, decimal? OnTimeRate, decimal? Overdue, long Services, long Consultations, long Help);

/// <summary>A row of the assessment: a town hall (with its villages' rooms rolled up in <see cref="WithVillages"/>) or a village room.</summary>
public sealed record TierRow(Guid VenueId, string VenueName, VenueTier Tier, string RegionCode, TierFigures Figures, TierFigures? WithVillages, int Rank);

/// <summary>A column of the assessment: the figure's key, name and formula (from its one definition).</summary>
public sealed record TierColumn(string Key, string Name, string Formula);

public sealed record TierAssessmentResult(ReportPeriod Period, string? Town, string? TownName, IReadOnlyList<TierRow> Rows, IReadOnlyList<TierColumn> Columns);

/// <summary>
/// 乡村两级考核: the town halls of the county (each also with its villages' rooms, by region code prefix) or the
/// village rooms of one town, over a period, from the kept figures only — the cases' (<see cref="DailyFigure"/>, by
/// <see cref="StatisticsReport"/>) and the ledger's (<see cref="LedgerDailyFigure"/>) — ranked by the ledger's
/// services, then the cases received, then the on-time rate (seed 001「考核驗收 … 評比」).
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

        TierFigures Figures(ReportRow? row, LedgerSums sums) => new(
            Value(row, IndicatorId.Received) ?? 0, Value(row, IndicatorId.Concluded) ?? 0, Value(row, IndicatorId.OnTimeRate), Value(row, IndicatorId.Overdue) ?? 0,
            LedgerIndicators.Services.Compute(sums), LedgerIndicators.Consultations.Compute(sums), LedgerIndicators.Help.Compute(sums));

        var rows = venues.Select(v =>
        {
            var own = Figures(byVenue.Rows.FirstOrDefault(r => r.Key == v.Id.ToString()), ledger.TryGetValue(v.Id, out var l) ? l.Sums : LedgerSums.Empty);
            TierFigures? withVillages = null;
            if (byTown is not null)
            {
                var townSums = ledger.Where(kv => kv.Value.Region.StartsWith(v.RegionCode[..9], StringComparison.Ordinal)).Aggregate(LedgerSums.Empty, (a, kv) => a.Plus(kv.Value.Sums));
                withVillages = Figures(byTown.Rows.FirstOrDefault(r => r.Key == v.RegionCode), townSums);
            }
            return (v, own, withVillages);
        }).ToList();
        var ranked = rows.OrderByDescending(r => (r.withVillages ?? r.own).Services).ThenByDescending(r => (r.withVillages ?? r.own).Received)
            .ThenByDescending(r => (r.withVillages ?? r.own).OnTimeRate ?? -1).ThenBy(r => r.v.RegionCode, StringComparer.Ordinal)
            .Select((r, i) => new TierRow(r.v.Id, r.v.Name, r.v.Tier, r.v.RegionCode, r.own, r.withVillages, i + 1)).ToList();
        var townName = townPrefix is null ? null : await db.Regions.AsNoTracking().Where(r => r.Code == townPrefix + "000").Select(r => r.Name).FirstOrDefaultAsync(ct);
        return new TierAssessmentResult(period, townPrefix is null ? null : townPrefix + "000", townName, ranked,
            [.. CaseFigures.Select(Indicators.Of).Select(i => new TierColumn(char.ToLowerInvariant(i.Id.ToString()[0]) + i.Id.ToString()[1..], i.Name, i.Formula)),
             .. LedgerIndicators.All.Select(i => new TierColumn(i.Key, i.Name, i.Formula))]);
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
