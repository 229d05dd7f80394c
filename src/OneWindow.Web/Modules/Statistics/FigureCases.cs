using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Statistics;

/// <summary>
/// Which cases a count of the report is made of: the period, the breakdown row (<paramref name="By"/> and its
/// <paramref name="Key"/>, as the report's rows carry it), the report's own filters, and the indicator's condition.
/// </summary>
public sealed record FigureCasesQuery(ReportPeriod Period, IndicatorId Indicator, Breakdown By, string? Key, Guid? DepartmentId, string? RegionPrefix, int RegionLevel, string? After);

/// <summary>One case of a figure: enough to recognise it and open its record.</summary>
public sealed record FigureCase(string Number, string ItemName, Guid DepartmentId, CaseChannel Channel, CaseStatus Status, DateTime? ReceivedAt, DateTime? ConcludedAt, DateTime? PromisedDueAt, DateTime? DecidedAt);

public sealed record FigureCasesPage(IReadOnlyList<FigureCase> Items, string? Next);

/// <summary>
/// Drill-down (ADR 0030): the cases behind a count of the report — 受理量, 办结量, 超期件, 撤回件 and 在办量 — as a
/// keyset-paged list in the order of the instant the indicator counts on (newest first), read by the indexes that lead
/// with that instant (IX_Cases_ReceivedFigures, IX_Cases_ConcludedFigures).
/// The conditions are those of <see cref="CaseContribution"/>: the list of a count has as many cases as the count.
/// </summary>
public sealed class FigureCases(OneWindowDbContext db)
{
    public const int PageSize = 50;

    /// <summary>The counts a list can be opened for.</summary>
    public static readonly IReadOnlySet<IndicatorId> Countable = new HashSet<IndicatorId>
    {
        IndicatorId.Received, IndicatorId.Concluded, IndicatorId.Overdue, IndicatorId.Withdrawn, IndicatorId.InHand,
    };

    private enum Instant { Received, Concluded }

    public async Task<FigureCasesPage> RunAsync(FigureCasesQuery q, CancellationToken ct)
    {
        if (!Countable.Contains(q.Indicator))
        {
            throw new DomainRuleException("statistics.no-cases", "该指标不是案件数，没有案件清单。", "indicator");
        }
        var (start, end) = (ChinaTime.StartOfDayUtc(q.Period.From), ChinaTime.StartOfDayUtc(q.Period.To.AddDays(1)));
        var cases = db.Cases.AsNoTracking().Where(c => c.ParentCaseId == null && c.ReceivedAt != null);
        Instant instant;
        switch (q.Indicator)
        {
            case IndicatorId.Received:
                cases = cases.Where(c => c.ReceivedAt >= start && c.ReceivedAt < end);
                instant = Instant.Received;
                break;
            case IndicatorId.Concluded:
                cases = cases.Where(c => c.ConcludedAt >= start && c.ConcludedAt < end && c.Status == CaseStatus.Concluded);
                instant = Instant.Concluded;
                break;
            case IndicatorId.Overdue:
                cases = cases.Where(c => c.ConcludedAt >= start && c.ConcludedAt < end && c.Status == CaseStatus.Concluded
                    && c.Decision.DecidedAt != null && c.Clocks.PromisedDueAt != null && c.Decision.DecidedAt > c.Clocks.PromisedDueAt);
                instant = Instant.Concluded;
                break;
            case IndicatorId.Withdrawn:
                cases = cases.Where(c => c.ConcludedAt >= start && c.ConcludedAt < end && c.Status == CaseStatus.Withdrawn);
                instant = Instant.Concluded;
                break;
            default: // InHand: received by the period's end and not closed by then
                cases = cases.Where(c => c.ReceivedAt < end && (c.ConcludedAt == null || c.ConcludedAt >= end));
                instant = Instant.Received;
                break;
        }
        cases = await RowFilterAsync(cases, q, ct);

        if (Cursor.TryParse(q.After, out var afterAt, out var afterId))
        {
            cases = instant switch
            {
                Instant.Received => cases.Where(c => c.ReceivedAt < afterAt || (c.ReceivedAt == afterAt && c.Id.CompareTo(afterId) < 0)),
                _ => cases.Where(c => c.ConcludedAt < afterAt || (c.ConcludedAt == afterAt && c.Id.CompareTo(afterId) < 0)),
            };
        }
        var ordered = instant switch
        {
            Instant.Received => cases.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id),
            _ => cases.OrderByDescending(c => c.ConcludedAt).ThenByDescending(c => c.Id),
        };
        var rows = await ordered.Take(PageSize + 1).Select(c => new
        {
            c.Id, c.Number, c.ItemName, c.DepartmentId, c.Channel, c.Status, c.ReceivedAt, c.ConcludedAt, c.Clocks.PromisedDueAt, c.Decision.DecidedAt,
        }).ToListAsync(ct);
        string? next = null;
        if (rows.Count > PageSize)
        {
            rows.RemoveAt(PageSize);
            var last = rows[^1];
            next = Cursor.Of((instant == Instant.Received ? last.ReceivedAt : last.ConcludedAt)!.Value, last.Id);
        }
        return new FigureCasesPage([.. rows.Select(r => new FigureCase(r.Number, r.ItemName, r.DepartmentId, r.Channel, r.Status, r.ReceivedAt, r.ConcludedAt, r.PromisedDueAt, r.DecidedAt))], next);
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
    public static FigureCasesQuery Parse(string? period, string? indicator, Breakdown? by, string? key, Guid? department, string? region, int? level, string? after)
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
        return new FigureCasesQuery(report.Period, report.Indicators[0], report.By, string.IsNullOrEmpty(key) ? null : key, report.DepartmentId, report.RegionPrefix, report.RegionLevel,
            string.IsNullOrEmpty(after) ? null : after);
    }
}
