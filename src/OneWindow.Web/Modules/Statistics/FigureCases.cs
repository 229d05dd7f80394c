using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Statistics;

/// <summary>
/// Which cases a count of the report is made of: the period, the breakdown row (<paramref name="By"/> and its
/// <paramref name="Key"/>, as the report's rows carry it), the report's own filters, and the indicator's condition;
/// for 收费笔数 of one fee item's row, the fee line (<paramref name="Fee"/>, its name within the item).
/// </summary>
public sealed record FigureCasesQuery(ReportPeriod Period, IndicatorId Indicator, Breakdown By, string? Key, Guid? DepartmentId, string? RegionPrefix, int RegionLevel, string? After, string? Fee = null);

/// <summary>One case of a figure: enough to recognise it and open its record.</summary>
public sealed record FigureCase(string Number, string ItemName, Guid DepartmentId, CaseChannel Channel, CaseStatus Status, DateTime? ReceivedAt, DateTime? ConcludedAt, DateTime? PromisedDueAt, DateTime? DecidedAt,
    DateTime? AcceptedAt = null, DateTime? PaidAt = null);

public sealed record FigureCasesPage(IReadOnlyList<FigureCase> Items, string? Next);

/// <summary>
/// Drill-down (ADR 0030, 0041): the cases behind a count of the report — 受理量, 正式受理量, 办结量, 超期件, 不予受理件, 撤回件,
/// 收费笔数 and 在办量 — as a keyset-paged list in the order of the instant the indicator counts on (newest first), read by
/// the indexes that lead with that instant (IX_Cases_ReceivedFigures, IX_Cases_AcceptedFigures,
/// IX_Cases_ConcludedFigures, IX_Cases_PaidFigures). The conditions are those of <see cref="CaseContribution"/> (and, for
/// a fee line, <see cref="FeeContribution"/>): the list of a count has as many cases as the count.
/// </summary>
public sealed class FigureCases(OneWindowDbContext db)
{
    public const int PageSize = 50;

    /// <summary>How many of an item's payments a fee line's list reads at a time to find the ones that paid the line.</summary>
    private const int FeeBatch = 200;

    /// <summary>The counts a list can be opened for.</summary>
    public static readonly IReadOnlySet<IndicatorId> Countable = new HashSet<IndicatorId>
    {
        IndicatorId.Received, IndicatorId.Accepted, IndicatorId.Concluded, IndicatorId.Overdue, IndicatorId.Rejected, IndicatorId.Withdrawn,
        IndicatorId.Paid, IndicatorId.InHand,
    };

    private enum Instant { Received, Accepted, Concluded, Paid }

    private sealed record Row(Guid Id, string Number, string ItemName, Guid DepartmentId, CaseChannel Channel, CaseStatus Status, DateTime? ReceivedAt, DateTime? ConcludedAt,
        DateTime? PromisedDueAt, DateTime? DecidedAt, DateTime? AcceptedAt, DateTime? PaidAt, IReadOnlyList<CaseFee>? Fees)
    {
        public DateTime At(Instant instant) => (instant switch
        {
            Instant.Received => ReceivedAt,
            Instant.Accepted => AcceptedAt,
            Instant.Paid => PaidAt,
            _ => ConcludedAt,
        })!.Value;

        public FigureCase ToCase() => new(Number, ItemName, DepartmentId, Channel, Status, ReceivedAt, ConcludedAt, PromisedDueAt, DecidedAt, AcceptedAt, PaidAt);
    }

    public async Task<FigureCasesPage> RunAsync(FigureCasesQuery q, CancellationToken ct)
    {
        if (!Countable.Contains(q.Indicator))
        {
            throw new DomainRuleException("statistics.no-cases", "该指标不是案件数，没有案件清单。", "indicator");
        }
        var (start, end) = (ChinaTime.StartOfDayUtc(q.Period.From), ChinaTime.StartOfDayUtc(q.Period.To.AddDays(1)));
        var (cases, instant) = Counted(db.Cases.AsNoTracking().Where(c => c.ParentCaseId == null && c.ReceivedAt != null), q.Indicator, start, end);
        cases = await RowFilterAsync(cases, q, ct);
        var after = Cursor.TryParse(q.After, out var afterAt, out var afterId) ? (afterAt, afterId) : ((DateTime, Guid)?)null;
        var rows = q.Fee is null
            ? await PageAsync(cases, instant, after, PageSize + 1, withFees: false, ct)
            : await FeeLinePageAsync(cases, instant, after, q.Fee, ct);
        string? next = null;
        if (rows.Count > PageSize)
        {
            rows.RemoveRange(PageSize, rows.Count - PageSize);
            next = Cursor.Of(rows[^1].At(instant), rows[^1].Id);
        }
        return new FigureCasesPage([.. rows.Select(r => r.ToCase())], next);
    }

    /// <summary>The indicator's condition (as <see cref="CaseContribution"/> counts it) and the instant it counts on.</summary>
    private static (IQueryable<Case> Cases, Instant Instant) Counted(IQueryable<Case> cases, IndicatorId indicator, DateTime start, DateTime end) => indicator switch
    {
        IndicatorId.Received => (cases.Where(c => c.ReceivedAt >= start && c.ReceivedAt < end), Instant.Received),
        IndicatorId.Accepted => (cases.Where(c => c.AcceptedAt >= start && c.AcceptedAt < end), Instant.Accepted),
        IndicatorId.Concluded => (cases.Where(c => c.ConcludedAt >= start && c.ConcludedAt < end && c.Status == CaseStatus.Concluded), Instant.Concluded),
        IndicatorId.Overdue => (cases.Where(c => c.ConcludedAt >= start && c.ConcludedAt < end && c.Status == CaseStatus.Concluded
            && c.Decision.DecidedAt != null && c.Clocks.PromisedDueAt != null && c.Decision.DecidedAt > c.Clocks.PromisedDueAt), Instant.Concluded),
        IndicatorId.Rejected => (cases.Where(c => c.ConcludedAt >= start && c.ConcludedAt < end && c.Status == CaseStatus.RejectedAtIntake), Instant.Concluded),
        IndicatorId.Withdrawn => (cases.Where(c => c.ConcludedAt >= start && c.ConcludedAt < end && c.Status == CaseStatus.Withdrawn), Instant.Concluded),
        IndicatorId.Paid => (cases.Where(c => c.Payment.PaidAt >= start && c.Payment.PaidAt < end), Instant.Paid),
        // InHand: received by the period's end and not closed by then
        _ => (cases.Where(c => c.ReceivedAt < end && (c.ConcludedAt == null || c.ConcludedAt >= end)), Instant.Received),
    };

    /// <summary>Up to <paramref name="take"/> cases after the cursor, newest first by the instant, then by id.</summary>
    private static Task<List<Row>> PageAsync(IQueryable<Case> cases, Instant instant, (DateTime At, Guid Id)? after, int take, bool withFees, CancellationToken ct)
    {
        if (after is var (at, id))
        {
            cases = instant switch
            {
                Instant.Received => cases.Where(c => c.ReceivedAt < at || (c.ReceivedAt == at && c.Id.CompareTo(id) < 0)),
                Instant.Accepted => cases.Where(c => c.AcceptedAt < at || (c.AcceptedAt == at && c.Id.CompareTo(id) < 0)),
                Instant.Paid => cases.Where(c => c.Payment.PaidAt < at || (c.Payment.PaidAt == at && c.Id.CompareTo(id) < 0)),
                _ => cases.Where(c => c.ConcludedAt < at || (c.ConcludedAt == at && c.Id.CompareTo(id) < 0)),
            };
        }
        var ordered = instant switch
        {
            Instant.Received => cases.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id),
            Instant.Accepted => cases.OrderByDescending(c => c.AcceptedAt).ThenByDescending(c => c.Id),
            Instant.Paid => cases.OrderByDescending(c => c.Payment.PaidAt).ThenByDescending(c => c.Id),
            _ => cases.OrderByDescending(c => c.ConcludedAt).ThenByDescending(c => c.Id),
        };
        var page = ordered.Take(take);
        return (withFees
            ? page.Select(c => new Row(c.Id, c.Number, c.ItemName, c.DepartmentId, c.Channel, c.Status, c.ReceivedAt, c.ConcludedAt,
                c.Clocks.PromisedDueAt, c.Decision.DecidedAt, c.AcceptedAt, c.Payment.PaidAt, c.Payment.Fees))
            : page.Select(c => new Row(c.Id, c.Number, c.ItemName, c.DepartmentId, c.Channel, c.Status, c.ReceivedAt, c.ConcludedAt,
                c.Clocks.PromisedDueAt, c.Decision.DecidedAt, c.AcceptedAt, c.Payment.PaidAt, null))).ToListAsync(ct);
    }

    /// <summary>
    /// A fee line's payments: the item's payments of the period (on IX_Cases_PaidFigures) in batches, keeping those
    /// whose fee lines include the line, until a page and one more are found or the item's payments end. The fee lines
    /// are a JSON document: the batches read only the item's payments of the period, never the period's cases.
    /// </summary>
    private static async Task<List<Row>> FeeLinePageAsync(IQueryable<Case> cases, Instant instant, (DateTime At, Guid Id)? after, string fee, CancellationToken ct)
    {
        var found = new List<Row>();
        while (found.Count <= PageSize)
        {
            var batch = await PageAsync(cases, instant, after, FeeBatch, withFees: true, ct);
            found.AddRange(batch.Where(r => r.Fees?.Any(f => f.Name == fee) == true));
            if (batch.Count < FeeBatch)
            {
                break;
            }
            after = (batch[^1].At(instant), batch[^1].Id);
        }
        return found;
    }

    /// <summary>The report's filters and the breakdown row's, on the case's own columns (a venue's region by its venues).</summary>
    private async Task<IQueryable<Case>> RowFilterAsync(IQueryable<Case> cases, FigureCasesQuery q, CancellationToken ct)
    {
        if (q.DepartmentId is { } department)
        {
            cases = cases.Where(c => c.DepartmentId == department);
        }
        if (!string.IsNullOrEmpty(q.RegionPrefix))
        {
            cases = await InRegionAsync(cases, q.RegionPrefix, ct);
        }
        if (q.By == Breakdown.None || q.Key is null)
        {
            return cases;
        }
        var key = q.Key;
        Guid Id() => Guid.TryParse(key, out var id) ? id : throw new DomainRuleException("statistics.key-invalid", "分组的键不正确。", "key");
        switch (q.By)
        {
            case Breakdown.Department:
                var d = Id();
                return cases.Where(c => c.DepartmentId == d);
            case Breakdown.Window:
                var w = Id();
                return w == Guid.Empty ? cases.Where(c => c.ReceivingWindowId == null) : cases.Where(c => c.ReceivingWindowId == w);
            case Breakdown.Venue:
                var v = Id();
                return v == Guid.Empty ? cases.Where(c => c.ReceivingVenueId == null) : cases.Where(c => c.ReceivingVenueId == v);
            case Breakdown.Item:
                return cases.Where(c => c.ItemCode == key);
            case Breakdown.Channel:
                return Enum.TryParse<CaseChannel>(key, out var channel) && Enum.IsDefined(channel) && !int.TryParse(key, out _)
                    ? cases.Where(c => c.Channel == channel)
                    : throw new DomainRuleException("statistics.key-invalid", "分组的键不正确。", "key");
            case Breakdown.Region:
                if (key.Length != 12 || !key.All(char.IsAsciiDigit))
                {
                    throw new DomainRuleException("statistics.key-invalid", "分组的键不正确。", "key");
                }
                var level = q.RegionLevel is 6 or 9 or 12 ? q.RegionLevel : 9;
                return await InRegionAsync(cases, key[..level], ct);
            default:
                return cases;
        }
    }

    /// <summary>A case is in a region by the venue that took it in (a town's includes its villages' rooms), or by its own region when it came in online.</summary>
    private async Task<IQueryable<Case>> InRegionAsync(IQueryable<Case> cases, string prefix, CancellationToken ct)
    {
        var venues = await db.Venues.AsNoTracking().Where(v => v.RegionCode.StartsWith(prefix)).Select(v => v.Id).Take(5000).ToListAsync(ct);
        return cases.Where(c => (c.ReceivingVenueId != null && venues.Contains(c.ReceivingVenueId.Value)) || (c.ReceivingVenueId == null && c.RegionCode.StartsWith(prefix)));
    }

    /// <summary>The keyset cursor: the instant's ticks and the case id.</summary>
    private static class Cursor
    {
        public static string Of(DateTime at, Guid id) => at.Ticks.ToString(CultureInfo.InvariantCulture) + "_" + id.ToString("N");

        public static bool TryParse(string? text, out DateTime at, out Guid id)
        {
            (at, id) = (default, default);
            var parts = text?.Split('_');
            if (parts is not [var ticks, var key] || !long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var t)
                || t < DateTime.MinValue.Ticks || t > DateTime.MaxValue.Ticks || !Guid.TryParseExact(key, "N", out id))
            {
                return false;
            }
            at = new DateTime(t, DateTimeKind.Utc);
            return true;
        }
    }
}

/// <summary>The drill-down's choices as the page and the API take them: the report's own parser, then the count and the row.</summary>
public static class FigureCasesChoices
{
    public static FigureCasesQuery Parse(string? period, string? indicator, Breakdown? by, string? key, Guid? department, string? region, int? level, string? after, string? fee = null)
    {
        var report = ReportChoices.Parse(period, by, indicator, department, region, level);
        if (report.Indicators.Count != 1 || !FigureCases.Countable.Contains(report.Indicators[0]))
        {
            throw new DomainRuleException("statistics.no-cases", "该指标不是案件数，没有案件清单。", "indicator");
        }
        if (key?.Length > 40)
        {
            throw new DomainRuleException("statistics.key-invalid", "分组的键不正确。", "key");
        }
        fee = string.IsNullOrWhiteSpace(fee) ? null : fee.Trim();
        if (fee is not null && (fee.Length > 200 || report.Indicators[0] != IndicatorId.Paid || report.By != Breakdown.Item || string.IsNullOrEmpty(key)))
        {
            throw new DomainRuleException("statistics.fee-invalid", "收费项目只能与收费笔数、按事项分组的一个事项一起查看（名称最长 200 字）。", "fee");
        }
        return new FigureCasesQuery(report.Period, report.Indicators[0], report.By, string.IsNullOrEmpty(key) ? null : key, report.DepartmentId, report.RegionPrefix, report.RegionLevel,
            string.IsNullOrEmpty(after) ? null : after, fee);
    }
}
