using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Organization;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Supervision;

public sealed record StatusCount(CaseStatus Status, int Count);
public sealed record DepartmentFigures(Guid Id, string Name, int Open, int Overdue, int IntakeToday, int ConcludedToday, int Yellow, int Red);
public sealed record ItemFigures(string Code, string Name, int Open);
/// <summary>A window and its applications today; <paramref name="Venue"/> names a town hall's or village room's venue (null at a county center).</summary>
public sealed record WindowFigures(Guid Id, string Number, string Name, int ServedToday, string? Venue = null);
public sealed record DayFigures(DateOnly Day, int Intake, int Concluded);
/// <summary>The clock of a carded case: its promised and statutory deadlines while they run.</summary>
public sealed record CardClock(DateTime? PromisedDueAt, DateTime? StatutoryDueAt);

/// <summary>
/// What the supervision center watches (the seeds' 实时监控): open cases by state and department, reminders and
/// cards, today's intake and conclusions, the month's on-time rate, the busiest items, each window's served count,
/// the last two weeks, and the newest cards. Every figure is a grouped count read from an index alone (the open cases'
/// partial indexes, today's covering ones) or a kept day (<see cref="DailyCounts"/>), never a table read.
/// </summary>
public sealed record DashboardFigures(
    DateTime At,
    int OpenTotal,
    IReadOnlyList<StatusCount> OpenByStatus,
    int Reminders,
    int YellowCards,
    int RedCards,
    int IntakeToday,
    int ConcludedToday,
    int ConcludedThisMonth,
    int OnTimeThisMonth,
    IReadOnlyList<DepartmentFigures> Departments,
    IReadOnlyList<ItemFigures> Items,
    IReadOnlyList<WindowFigures> Windows,
    IReadOnlyList<DayFigures> Trend,
    IReadOnlyList<AlertRow> LatestCards,
    IReadOnlyDictionary<string, CardClock> CardClocks)
{
    /// <summary>Other modules' figures (<see cref="IDashboardPanel"/>): the hotline's.</summary>
    public IReadOnlyList<FigurePanel> Panels { get; init; } = [];

    /// <summary>办结按期率: the share of this month's decided and concluded cases decided by the promised deadline.</summary>
    public double? OnTimeRate => ConcludedThisMonth == 0 ? null : Math.Round(100.0 * OnTimeThisMonth / ConcludedThisMonth, 2);

    public const int TrendDays = 14;
    public const int TopItems = 10;
    public const int LatestCardCount = 12;

    public static async Task<DashboardFigures> ComputeAsync(OneWindowDbContext db, DateTime now, Guid? venueId, CancellationToken ct)
    {
        var today = ChinaTime.DateOf(now);
        var dayStart = ChinaTime.StartOfDayUtc(today);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var open = db.Cases.AsNoTracking().Where(c => c.Open);

        // The open cases from their partial indexes alone: one pass by state and department, the overdue, the top items.
        var openCounts = await open.GroupBy(c => new { c.Status, c.DepartmentId }).Select(g => new { g.Key.Status, g.Key.DepartmentId, Count = g.Count() }).ToListAsync(ct);
        var byStatus = openCounts.GroupBy(x => x.Status).Select(g => new StatusCount(g.Key, g.Sum(x => x.Count))).ToList();
        var openByDepartment = openCounts.GroupBy(x => x.DepartmentId).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        var overdueByDepartment = await open.Where(c => c.Status == CaseStatus.Accepted && c.Clocks.PromisedDueAt < now)
            .GroupBy(c => c.DepartmentId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var received = db.Cases.AsNoTracking().Where(c => c.ReceivedAt >= dayStart && c.ReceivedAt <= now && c.ParentCaseId == null);
        var intakeByDepartment = await received.GroupBy(c => c.DepartmentId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var concluded = db.Cases.AsNoTracking().Where(c => c.ConcludedAt >= dayStart && c.ConcludedAt <= now && c.Status == CaseStatus.Concluded && c.ParentCaseId == null);
        var concludedByDepartment = await concluded.GroupBy(c => c.DepartmentId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

        // The past from the kept daily figures (ADR 0030), today counted live.
        var trendStart = today.AddDays(-(TrendDays - 1));
        var past = (await Statistics.KeptDays.PastAsync(db, monthStart < trendStart ? monthStart : trendStart, today.AddDays(-1), now, ct))
            .ToDictionary(d => d.Key, d => new DailyCaseCount { Day = d.Key, Intake = d.Value.Intake, Concluded = d.Value.Concluded, Decided = d.Value.Decided, OnTime = d.Value.OnTime, CountedAt = now });
        var todaySoFar = await DailyCounts.TodayAsync(db, now, intakeByDepartment.Values.Sum(), concludedByDepartment.Values.Sum(), ct);
        var month = past.Values.Where(d => d.Day >= monthStart).Append(todaySoFar).ToList();
        var concludedThisMonth = month.Sum(d => d.Decided);
        var onTimeThisMonth = month.Sum(d => d.OnTime);

        var openAlerts = db.SupervisionAlerts.AsNoTracking().Where(a => a.Status != AlertStatus.Closed);
        var alertCounts = await openAlerts.GroupBy(a => new { a.DepartmentId, a.Severity }).Select(g => new { g.Key.DepartmentId, g.Key.Severity, Count = g.Count() }).ToListAsync(ct);

        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.SortOrder).Take(500).Select(d => new { d.Id, d.Name }).ToListAsync(ct);
        var departmentFigures = departments
            .Select(d => new DepartmentFigures(d.Id, d.Name, openByDepartment.GetValueOrDefault(d.Id), overdueByDepartment.GetValueOrDefault(d.Id),
                intakeByDepartment.GetValueOrDefault(d.Id), concludedByDepartment.GetValueOrDefault(d.Id),
                alertCounts.Where(a => a.DepartmentId == d.Id && a.Severity == AlertSeverity.Yellow).Sum(a => a.Count),
                alertCounts.Where(a => a.DepartmentId == d.Id && a.Severity == AlertSeverity.Red).Sum(a => a.Count)))
            .Where(d => d.Open + d.IntakeToday + d.ConcludedToday + d.Yellow + d.Red > 0)
            .ToList();

        var items = (await open.GroupBy(c => new { c.ItemCode, c.ItemName }).Select(g => new { g.Key.ItemCode, g.Key.ItemName, Count = g.Count() })
            .OrderByDescending(i => i.Count).ThenBy(i => i.ItemCode).Take(TopItems).ToListAsync(ct))
            .Select(i => new ItemFigures(i.ItemCode, i.ItemName, i.Count)).ToList();

        var windows = await WindowsAsync(db, now, venueId, ct);

        var trend = new List<DayFigures>();
        for (var day = trendStart; day < today; day = day.AddDays(1))
        {
            var kept = past.GetValueOrDefault(day);
            trend.Add(new DayFigures(day, kept?.Intake ?? 0, kept?.Concluded ?? 0));
        }
        trend.Add(new DayFigures(today, todaySoFar.Intake, todaySoFar.Concluded));

        var cards = await openAlerts.Where(a => a.Severity != AlertSeverity.Reminder)
            .OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id).Take(LatestCardCount)
            .Select(a => new AlertRow(a.Id, a.Rule, a.Severity, a.Status, a.Level, a.SubjectKind, a.SubjectNumber, a.SubjectTitle, a.DepartmentId, a.HandlerName,
                a.Detail, a.TriggeredAt, a.RaisedAt))
            .ToListAsync(ct);

        var carded = cards.Where(c => c.CaseNumber is not null).Select(c => c.CaseNumber!).Distinct().ToList();
        var clocks = await db.Cases.AsNoTracking().Where(c => carded.Contains(c.Number))
            .Select(c => new { c.Number, c.Clocks.PromisedDueAt, c.Clocks.StatutoryDueAt }).ToDictionaryAsync(c => c.Number, c => new CardClock(c.PromisedDueAt, c.StatutoryDueAt), ct);

        return new DashboardFigures(now, byStatus.Sum(s => s.Count), [.. byStatus.OrderBy(s => s.Status)],
            alertCounts.Where(a => a.Severity == AlertSeverity.Reminder).Sum(a => a.Count),
            alertCounts.Where(a => a.Severity == AlertSeverity.Yellow).Sum(a => a.Count),
            alertCounts.Where(a => a.Severity == AlertSeverity.Red).Sum(a => a.Count),
            todaySoFar.Intake, todaySoFar.Concluded, concludedThisMonth, onTimeThisMonth,
            departmentFigures, items, windows, trend, cards, clocks);
    }

    /// <summary>Each window of the venue (or of every venue) with the applications it took in today.</summary>
    private static async Task<IReadOnlyList<WindowFigures>> WindowsAsync(OneWindowDbContext db, DateTime now, Guid? venueId, CancellationToken ct)
    {
        var windows = db.Windows.AsNoTracking();
        if (venueId is { } v)
        {
            windows = windows.Where(w => w.VenueId == v);
        }
        // The county center's windows first (the hall the big screen hangs in), then each town's and village's.
        var list = await windows.Join(db.Venues, w => w.VenueId, v => v.Id, (w, v) => new { w.Id, w.Number, w.Name, Venue = v.Name, v.Tier })
            .OrderBy(w => w.Tier).ThenBy(w => w.Venue).ThenBy(w => w.Number).Take(200).ToListAsync(ct);
        var served = await ServedTodayAsync(db, now, [.. list.Select(w => w.Id)], ct);
        return [.. list.Select(w => new WindowFigures(w.Id, w.Number, w.Name, served.GetValueOrDefault(w.Id), w.Tier == VenueTier.CountyCenter ? null : w.Venue))];
    }

    /// <summary>
    /// 今日受理 by window: the applications each window took in today, counted against the window the clerk sat at
    /// (the case's receiving window). A joint case (一件事) is one application: its parts, which carry the same window,
    /// are not counted again. The dashboard, the big screen and each venue's display all count with this.
    /// </summary>
    public static async Task<Dictionary<Guid, int>> ServedTodayAsync(OneWindowDbContext db, DateTime now, IReadOnlyCollection<Guid> windowIds, CancellationToken ct)
    {
        var dayStart = ChinaTime.StartOfDayUtc(ChinaTime.DateOf(now));
        return await db.Cases.AsNoTracking()
            .Where(c => c.ReceivedAt >= dayStart && c.ReceivedAt <= now && c.ParentCaseId == null && c.ReceivingWindowId != null && windowIds.Contains(c.ReceivingWindowId.Value))
            .GroupBy(c => c.ReceivingWindowId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }
}

/// <summary>
/// The figures as the live pages receive them: computed at most once per interval whatever the number of open
/// dashboards and screens (one query set per host), so that watching costs the database nothing extra.
/// </summary>
public sealed class LiveFigures(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DashboardFigures? _latest;

    public void Dispose() => _gate.Dispose();

    public TimeSpan Interval => TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Supervision:LiveSeconds", 5), 1, 300));

    public async Task<DashboardFigures> GetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_latest is { } fresh && now - fresh.At < Interval && now >= fresh.At)
        {
            return fresh;
        }
        await _gate.WaitAsync(ct);
        try
        {
            now = clock.GetUtcNow().UtcDateTime;
            if (_latest is { } again && now - again.At < Interval && now >= again.At)
            {
                return again;
            }
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
            var figures = await DashboardFigures.ComputeAsync(db, now, null, ct);
            var panels = new List<FigurePanel>();
            foreach (var panel in scope.ServiceProvider.GetServices<IDashboardPanel>())
            {
                panels.Add(await panel.ComputeAsync(db, now, ct));
            }
            _latest = figures with { Panels = panels };
            return _latest;
        }
        finally
        {
            _gate.Release();
        }
    }
}
