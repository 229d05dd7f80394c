using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Statistics;

/// <summary>
/// One kept row of fees by fee item (收费项目, ADR 0039): the payments made on a Beijing day against one fee line of an
/// item (its name, the line's key within the item), for one department at one receiving venue and its region, and the
/// amount paid against that line in fen. A case's payment adds one row per fee line.
/// </summary>
public sealed class DailyFeeFigure
{
    public DateOnly Day { get; set; }
    public Guid DepartmentId { get; set; }
    public required string ItemCode { get; set; }
    public required string FeeName { get; set; }
    /// <summary>The receiving venue (the empty GUID for an online case without one), as in <see cref="DailyFigure"/>.</summary>
    public Guid VenueId { get; set; }
    /// <summary>The receiving venue's region (town or village), else the case's county: a place is a code prefix.</summary>
    public required string RegionCode { get; set; }
    public long Payments { get; set; }
    public long AmountFen { get; set; }

    public FeeKey Key => new(Day, DepartmentId, ItemCode, FeeName, VenueId, RegionCode);
}

/// <summary>The grain of <see cref="DailyFeeFigure"/>.</summary>
public sealed record FeeKey(DateOnly Day, Guid DepartmentId, string ItemCode, string FeeName, Guid VenueId, string RegionCode);

/// <summary>What a row holds: payments and fen (a sum, so any period is a sum of rows).</summary>
public sealed record FeeValues(long Payments, long AmountFen)
{
    public static readonly FeeValues Zero = new(0, 0);
    public FeeValues Plus(FeeValues o, long sign = 1) => new(Payments + sign * o.Payments, AmountFen + sign * o.AmountFen);
    public bool IsZero => Payments == 0 && AmountFen == 0;
}

internal sealed class DailyFeeFigureConfiguration : IEntityTypeConfiguration<DailyFeeFigure>
{
    public void Configure(EntityTypeBuilder<DailyFeeFigure> b)
    {
        b.ToTable("DailyFeeFigures");
        // A period is a range of the key's first column; a department's or a place's rows by index.
        b.HasKey(f => new { f.Day, f.DepartmentId, f.ItemCode, f.FeeName, f.VenueId, f.RegionCode });
        b.Property(f => f.ItemCode).HasMaxLength(40);
        b.Property(f => f.FeeName).HasMaxLength(200);
        b.Property(f => f.RegionCode).HasMaxLength(12);
        b.Ignore(f => f.Key);
        b.HasIndex(f => new { f.DepartmentId, f.Day });
        b.HasIndex(f => new { f.RegionCode, f.Day });
    }
}

/// <summary>
/// What a case's payment adds to the fee figures: on the day it was paid, per fee line, one payment and what was paid
/// against the line (a line with nothing recorded against it, from before the lines were kept, adds the payment and 0).
/// The one definition the interceptor keeps and the check recomputes.
/// </summary>
public static class FeeContribution
{
    public static IReadOnlyList<(FeeKey Key, FeeValues Values)> Of(Case c, string regionCode) =>
        Of(c.ParentCaseId is null ? c.Payment.PaidAt : null, c.Payment.Fees, c.DepartmentId, c.ItemCode, c.ReceivingVenueId, regionCode);

    public static IReadOnlyList<(FeeKey Key, FeeValues Values)> Of(DateTime? paidAt, IReadOnlyList<CaseFee> fees, Guid department, string itemCode, Guid? venue, string regionCode)
    {
        if (paidAt is not { } at || fees.Count == 0)
        {
            return [];
        }
        var day = ChinaTime.DateOf(at);
        return [.. fees.GroupBy(f => f.Name).Select(g => (new FeeKey(day, department, itemCode, g.Key, venue ?? Guid.Empty, regionCode),
            new FeeValues(1, g.Sum(f => (long)decimal.Round((f.PaidAmount ?? 0) * 100)))))];
    }

    public static void AddTo(Dictionary<FeeKey, FeeValues> into, IEnumerable<(FeeKey Key, FeeValues Values)> rows, long sign = 1)
    {
        foreach (var (key, values) in rows)
        {
            into[key] = (into.TryGetValue(key, out var v) ? v : FeeValues.Zero).Plus(values, sign);
        }
    }
}

/// <summary>Adds to a kept fee row in one statement (insert, or add to what is there), as every kept table does.</summary>
public static class FeeFigureRows
{
    private static readonly string Upsert = FigureRows.UpsertInto("DailyFeeFigures",
        ["Day", "DepartmentId", "ItemCode", "FeeName", "VenueId", "RegionCode"], ["Payments", "AmountFen"]);

    public static Task AddAsync(OneWindowDbContext db, FeeKey key, FeeValues values, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(Upsert, [key.Day, key.DepartmentId, key.ItemCode, key.FeeName, key.VenueId, key.RegionCode, values.Payments, values.AmountFen], ct);
}

/// <summary>
/// Keeps the fee figures in the transaction of every save that records a payment (ADR 0039): whoever saves a case (the
/// case actions, the demo history) saves through the context. A case's payment is written once (a second is refused)
/// and its fee lines, department and venue never change after it, so a staged case adds its payment's rows when its
/// payment instant changes from its original value (null for a case not yet paid) to the current one.
/// </summary>
public sealed class KeepFeeFigures(VenueRegionCache venueRegions, TimeProvider clock) : KeptRowsInterceptor<FeeKey, FeeValues>
{
    protected override Task AddAsync(OneWindowDbContext db, FeeKey key, FeeValues values, CancellationToken ct) => FeeFigureRows.AddAsync(db, key, values, ct);

    protected override async Task<List<(FeeKey Key, FeeValues Values)>> DeltasAsync(OneWindowDbContext db, CancellationToken ct)
    {
        var deltas = new Dictionary<FeeKey, FeeValues>();
        var tracker = db.ChangeTracker;
        var auto = tracker.AutoDetectChangesEnabled;
        var staged = new List<(Case Case, DateTime? Before)>();
        try
        {
            tracker.AutoDetectChangesEnabled = false;
            foreach (var e in tracker.Entries<Case>())
            {
                // The original value is the snapshot taken when the case was loaded: no change detection needed to compare.
                var before = e.State == EntityState.Added ? null : e.ComplexProperty(c => c.Payment).Property(p => p.PaidAt).OriginalValue;
                var now = e.State == EntityState.Deleted ? null : e.Entity.Payment.PaidAt;
                if (before != now && e.Entity.ParentCaseId is null)
                {
                    staged.Add((e.Entity, before));
                }
            }
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = auto;
        }
        if (staged.Count == 0)
        {
            return [];
        }
        var regions = new VenueRegions(db, venueRegions, clock);
        foreach (var (c, before) in staged)
        {
            var region = await regions.OfAsync(c, ct);
            FeeContribution.AddTo(deltas, FeeContribution.Of(c, region));
            FeeContribution.AddTo(deltas, FeeContribution.Of(before, c.Payment.Fees, c.DepartmentId, c.ItemCode, c.ReceivingVenueId, region), -1);
        }
        return [.. deltas.Where(d => !d.Value.IsZero).Select(d => (d.Key, d.Value))];
    }
}

/// <summary>A kept fee row that differs from what the cases say.</summary>
public sealed record FeeDifference(FeeKey Key, FeeValues Kept, FeeValues Counted);

/// <summary>What a check of the fee figures of a period found and, when asked to, repaired.</summary>
public sealed record FeeCheck(DateOnly From, DateOnly To, int CasesRead, int RowsCompared, IReadOnlyList<FeeDifference> Differences, bool Repaired)
{
    public bool Agrees => Differences.Count == 0;
}

/// <summary>
/// Recounts the fee figures of a period from the cases paid in it (<see cref="FeeContribution"/>, the interceptor's own
/// definition), compares row by row and with <c>repair</c> adds the difference. Part of the <c>check-figures</c> command.
/// </summary>
public sealed class CheckFeeFigures(OneWindowDbContext db, VenueRegions regions, WriteUnit unit)
{
    private const int Batch = 500;

    public async Task<FeeCheck> RunAsync(DateOnly from, DateOnly to, bool repair, CancellationToken ct)
    {
        var (start, end) = (ChinaTime.StartOfDayUtc(from), ChinaTime.StartOfDayUtc(to.AddDays(1)));
        await regions.LoadAllAsync(ct);
        var counted = new Dictionary<FeeKey, FeeValues>();
        var casesRead = 0;
        await foreach (var cases in LiveCases.InBatchesAsync(db, start, end, Batch, ct))
        {
            casesRead += cases.Count;
            foreach (var c in cases.Where(c => c.Payment.PaidAt >= start && c.Payment.PaidAt < end))
            {
                FeeContribution.AddTo(counted, FeeContribution.Of(c, await regions.OfAsync(c, ct)));
            }
        }
        var kept = await db.Set<DailyFeeFigure>().AsNoTracking().Where(f => f.Day >= from && f.Day <= to).ToListAsync(ct);
        var keptByKey = kept.ToDictionary(f => f.Key, f => new FeeValues(f.Payments, f.AmountFen));
        var differences = keptByKey.Keys.Union(counted.Keys)
            .Select(k => new FeeDifference(k, keptByKey.GetValueOrDefault(k) ?? FeeValues.Zero, counted.GetValueOrDefault(k) ?? FeeValues.Zero))
            .Where(d => d.Kept != d.Counted).OrderBy(d => d.Key.Day).ToList();
        if (repair && differences.Count > 0)
        {
            await unit.RunAsync(async t =>
            {
                foreach (var d in differences)
                {
                    await FeeFigureRows.AddAsync(db, d.Key, d.Counted.Plus(d.Kept, -1), t);
                }
            }, ct);
        }
        return new FeeCheck(from, to, casesRead, keptByKey.Count, differences, repair && differences.Count > 0);
    }
}

/// <summary>
/// One fee item's figures in a period: the item and its fee line, the payments and the amount in yuan, with the period
/// before's and the year before's, and 环比/同比 as the report's counts have them (the change in percent of the earlier
/// value; none when the earlier is zero).
/// </summary>
public sealed record FeeItemRow(string ItemCode, string ItemName, string FeeName, long Payments, decimal Amount, decimal PreviousAmount, decimal YearBeforeAmount,
    long PreviousPayments = 0, long YearBeforePayments = 0)
{
    public decimal? PaymentsChangeOnPrevious => StatisticsReport.Change(Indicators.Of(IndicatorId.Paid), Payments, PreviousPayments);
    public decimal? PaymentsChangeOnYear => StatisticsReport.Change(Indicators.Of(IndicatorId.Paid), Payments, YearBeforePayments);
    public decimal? AmountChangeOnPrevious => StatisticsReport.Change(Indicators.Of(IndicatorId.FeeTotal), Amount, PreviousAmount);
    public decimal? AmountChangeOnYear => StatisticsReport.Change(Indicators.Of(IndicatorId.FeeTotal), Amount, YearBeforeAmount);
}

/// <summary>
/// 收费项目: the fees of a period by fee item (item × fee line) from the kept fee rows — one grouped query per period
/// compared — for a place (region prefix) and optionally one department; largest amount first. The work report, the
/// report page (with a fee indicator) and <c>GET /api/v1/statistics/fees</c> all read it.
/// </summary>
public sealed class FeeItems(OneWindowDbContext db)
{
    public async Task<IReadOnlyList<FeeItemRow>> RunAsync(ReportPeriod period, string? regionPrefix, Guid? departmentId, CancellationToken ct)
    {
        var now = await SumsAsync(period, regionPrefix, departmentId, ct);
        var before = await SumsAsync(period.Previous(), regionPrefix, departmentId, ct);
        var lastYear = await SumsAsync(period.YearBefore(), regionPrefix, departmentId, ct);
        var codes = now.Keys.Select(k => k.ItemCode).Distinct().ToList();
        var nameOf = (await db.ServiceItemVersions.AsNoTracking().Where(v => codes.Contains(v.ItemCode))
                .Select(v => new { v.ItemCode, v.VersionNumber, v.Name }).ToListAsync(ct))
            .GroupBy(v => v.ItemCode).ToDictionary(g => g.Key, g => g.MaxBy(v => v.VersionNumber)!.Name);
        return [.. now.Select(kv => (kv, p: before.GetValueOrDefault(kv.Key) ?? FeeValues.Zero, y: lastYear.GetValueOrDefault(kv.Key) ?? FeeValues.Zero))
            .Select(x => new FeeItemRow(x.kv.Key.ItemCode, nameOf.GetValueOrDefault(x.kv.Key.ItemCode) ?? x.kv.Key.ItemCode, x.kv.Key.FeeName, x.kv.Value.Payments,
                x.kv.Value.AmountFen / 100m, x.p.AmountFen / 100m, x.y.AmountFen / 100m, x.p.Payments, x.y.Payments))
            .OrderByDescending(r => r.Amount).ThenBy(r => r.ItemCode, StringComparer.Ordinal).ThenBy(r => r.FeeName, StringComparer.Ordinal)];
    }

    private async Task<Dictionary<(string ItemCode, string FeeName), FeeValues>> SumsAsync(ReportPeriod period, string? regionPrefix, Guid? departmentId, CancellationToken ct)
    {
        var rows = db.Set<DailyFeeFigure>().AsNoTracking().Where(f => f.Day >= period.From && f.Day <= period.To);
        if (departmentId is { } department)
        {
            rows = rows.Where(f => f.DepartmentId == department);
        }
        if (!string.IsNullOrEmpty(regionPrefix))
        {
            rows = rows.Where(f => f.RegionCode.StartsWith(regionPrefix));
        }
        var sums = await rows.GroupBy(f => new { f.ItemCode, f.FeeName })
            .Select(g => new { g.Key.ItemCode, g.Key.FeeName, Payments = g.Sum(f => f.Payments), Fen = g.Sum(f => f.AmountFen) }).ToListAsync(ct);
        return sums.ToDictionary(s => (s.ItemCode, s.FeeName), s => new FeeValues(s.Payments, s.Fen));
    }
}
