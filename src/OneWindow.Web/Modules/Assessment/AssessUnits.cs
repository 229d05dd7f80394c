using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Assessment;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Hotline;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Hotline.Report;
using OneWindow.Web.Modules.Statistics;
using Indicator = OneWindow.Domain.Assessment.Indicator;

namespace OneWindow.Web.Modules.Assessment;

/// <summary>What is assessed: departments, the windows that take cases in, or the staff who act on them.</summary>
public enum AssessedKind
{
    Department = 1,
    Window = 2,
    Staff = 3,
}

/// <summary>
/// Gathers each unit's facts for a period and scores them with the configured scheme, from the kept daily figures
/// (ADR 0024, 0030, 0043), so a province's quarter costs what a county's month does: departments and windows from one
/// grouped query of the case figures and one of the service figures over the period's days (whole months and years from
/// their rows); staff from the staff figures (who accepted and who decided, settled with the case figures) and the
/// alerts raised in the period for them to handle (a range on an indexed instant).
/// </summary>
public sealed class AssessUnits(OneWindowDbContext db, RegionCalendars calendars, IConfiguration configuration, HotlineReport hotline)
{
    public AssessmentScheme Scheme()
    {
        var section = configuration.GetSection("Assessment");
        var d = AssessmentScheme.Default;
        decimal Get(string key, decimal fallback) => section.GetValue(key, fallback);
        return new AssessmentScheme
        {
            Weights = Enum.GetValues<Indicator>().ToDictionary(i => i, i => Get($"Weights:{i}", d.Weights[i])),
            ReminderPoints = Get("ReminderPoints", d.ReminderPoints),
            YellowPoints = Get("YellowPoints", d.YellowPoints),
            RedPoints = Get("RedPoints", d.RedPoints),
            ComplaintPoints = Get("ComplaintPoints", d.ComplaintPoints),
            BadRatingPoints = Get("BadRatingPoints", d.BadRatingPoints),
            HotlineShare = Get("HotlineShare", d.HotlineShare),
            CompressionForFullMarks = Get("CompressionForFullMarks", d.CompressionForFullMarks),
            ExcellentFrom = Get("ExcellentFrom", d.ExcellentFrom),
            GoodFrom = Get("GoodFrom", d.GoodFrom),
            PassFrom = Get("PassFrom", d.PassFrom),
        }.Validated();
    }

    public async Task<IReadOnlyList<UnitScore>> ScoreAsync(AssessedKind kind, AssessmentPeriod period, CancellationToken ct) =>
        Scoring.Score(kind == AssessedKind.Staff ? await StaffFactsFromKeptFiguresAsync(period, ct) : await FactsFromKeptFiguresAsync(kind, period, ct), Scheme());

    /// <summary>
    /// The staff's facts from the staff figures (ADR 0043): cases each decided (on the conclusion day) with those on time,
    /// the working days used and the statutory limits; applications each accepted (on the receipt day) with those accepted
    /// promptly; and the alerts raised in the period that each was to handle, by severity.
    /// </summary>
    public async Task<IReadOnlyList<UnitFacts>> StaffFactsFromKeptFiguresAsync(AssessmentPeriod period, CancellationToken ct)
    {
        var (first, last) = (period.First, period.Last);
        var facts = (await UnitsAsync(AssessedKind.Staff, ct)).ToDictionary(u => u.Key, u => u, StringComparer.Ordinal);
        var sums = await db.Set<DailyStaffFigure>().AsNoTracking().Where(f => f.Day >= first && f.Day <= last).GroupBy(f => f.ActorId)
            .Select(g => new
            {
                ActorId = g.Key, Accepted = g.Sum(f => f.Accepted), AcceptedPromptly = g.Sum(f => f.AcceptedPromptly), Decided = g.Sum(f => f.Decided),
                OnTime = g.Sum(f => f.OnTime), WorkingDays = g.Sum(f => f.WorkingDays), StatutoryDays = g.Sum(f => f.StatutoryDays),
            }).ToListAsync(ct);
        foreach (var s in sums)
        {
            if (facts.TryGetValue(s.ActorId, out var f))
            {
                facts[s.ActorId] = f with
                {
                    Concluded = (int)s.Decided, ConcludedOnTime = (int)s.OnTime, WorkingDaysUsed = (int)s.WorkingDays, StatutoryDays = (int)s.StatutoryDays,
                    Accepted = (int)s.Accepted, AcceptedPromptly = (int)s.AcceptedPromptly,
                };
            }
        }
        await AddAlertsAsync(AssessedKind.Staff, first, last, (key, change) =>
        {
            if (key is not null && facts.TryGetValue(key, out var f))
            {
                facts[key] = change(f);
            }
        }, ct);
        return [.. facts.Values];
    }

    /// <summary>
    /// A department's or a window's facts from the kept figures: decided cases, on time, working days used and the
    /// statutory limits with extensions (on the conclusion day); applications received and accepted promptly (on the
    /// receipt day); alerts by severity, upheld complaints and bad ratings not set aside (on their own days). A joint
    /// case (一件事) counts once, for the department and window that took it in, as in every other report.
    /// </summary>
    public async Task<IReadOnlyList<UnitFacts>> FactsFromKeptFiguresAsync(AssessedKind kind, AssessmentPeriod period, CancellationToken ct)
    {
        if (kind == AssessedKind.Staff)
        {
            throw new ArgumentOutOfRangeException(nameof(kind), "Staff are not a grain of the kept figures.");
        }
        var (first, last) = (period.First, period.Last);
        // Whole years and months from their kept rows, the leftover days from the day rows (ADR 0038): a year reads one row per unit and key.
        var sums = await KeptSums.FlowsAsync(db, null, null, first, last, kind == AssessedKind.Department ? Breakdown.Department : Breakdown.Window, ct);
        var service = await ServiceFigureSums.ByAsync(ServiceFigureSums.Rows(db, first, last, null, null),
            kind == AssessedKind.Department ? Breakdown.Department : Breakdown.Window, ct);
        var facts = (await UnitsAsync(kind, ct)).ToDictionary(u => u.Key, u => u, StringComparer.Ordinal);
        foreach (var (key, t) in sums)
        {
            if (facts.TryGetValue(key, out var f))
            {
                var s = t.Sums;
                facts[key] = f with
                {
                    Concluded = (int)s[Measure.Decided], ConcludedOnTime = (int)s[Measure.OnTime], WorkingDaysUsed = (int)s[Measure.WorkingDays],
                    StatutoryDays = (int)(s[Measure.StatutoryDays] + s[Measure.ExtensionDays]), Accepted = (int)s[Measure.Received], AcceptedPromptly = (int)s[Measure.AcceptedPromptly],
                };
            }
        }
        foreach (var (key, v) in service)
        {
            if (facts.TryGetValue(key, out var f))
            {
                facts[key] = f with
                {
                    Reminders = (int)v[ServiceMeasure.Reminders], YellowCards = (int)v[ServiceMeasure.YellowCards], RedCards = (int)v[ServiceMeasure.RedCards],
                    UpheldComplaints = (int)v[ServiceMeasure.ComplaintsUpheld], BadRatings = (int)v[ServiceMeasure.BadRatings],
                };
            }
        }
        if (kind == AssessedKind.Department)
        {
            await AddHotlineAsync(first, last, (key, change) =>
            {
                if (key is not null && facts.TryGetValue(key, out var f))
                {
                    facts[key] = change(f);
                }
            }, ct);
        }
        return [.. facts.Values];
    }

    /// <summary>
    /// Each unit's facts counted from the record itself: the reference the kept figures are tested against (it reads every
    /// case of the period with, for staff, its deciding and accepting events: about 10 µs a case), never a request's way.
    /// </summary>
    public async Task<IReadOnlyList<UnitFacts>> FactsFromRecordAsync(AssessedKind kind, AssessmentPeriod period, CancellationToken ct)
    {
        var from = ChinaTime.StartOfDayUtc(period.First);
        var to = ChinaTime.EndOfDayUtc(period.Last);
        var units = await UnitsAsync(kind, ct);
        var facts = units.ToDictionary(u => u.Key, u => u, StringComparer.Ordinal);
        void Add(string? key, Func<UnitFacts, UnitFacts> change)
        {
            if (key is not null && facts.TryGetValue(key, out var f))
            {
                facts[key] = change(f);
            }
        }

        // Concluded cases: on time against the promise, and the working days used against the statutory limit.
        var concluded = db.Cases.AsNoTracking().Where(c => c.ConcludedAt >= from && c.ConcludedAt < to && c.Status == CaseStatus.Concluded && c.Decision.DecidedAt != null && !c.IsJoint);
        var decided = kind == AssessedKind.Staff
            ? concluded.Join(db.CaseEvents.Where(e => e.Action == "decided"), c => c.Id, e => e.CaseId,
                (c, e) => new Decided(e.ActorId, c.RegionCode, c.Clocks.ClockStartAt, c.Decision.DecidedAt, c.Clocks.PromisedDueAt, c.Clocks.StatutoryLimitDays + c.Clocks.ExtensionDays, c.Clocks.Pauses))
            : concluded.Select(c => new Decided(kind == AssessedKind.Department ? c.DepartmentId.ToString() : c.ReceivingWindowId.ToString(),
                c.RegionCode, c.Clocks.ClockStartAt, c.Decision.DecidedAt, c.Clocks.PromisedDueAt, c.Clocks.StatutoryLimitDays + c.Clocks.ExtensionDays, c.Clocks.Pauses));
        // Streamed, not listed: a province's quarter is millions of cases, and only the sums per unit are kept.
        await foreach (var c in decided.AsAsyncEnumerable().WithCancellation(ct))
        {
            var calendar = await calendars.ForRegionAsync(c.RegionCode);
            var used = c.ClockStartAt is { } start ? LegalClock.ElapsedWorkingDays(calendar, start, c.DecidedAt!.Value, c.Pauses.Select(p => p.ToExcluded())) : 0;
            var onTime = c.PromisedDueAt is null || c.DecidedAt <= c.PromisedDueAt;
            Add(Key(kind, c.Unit), f => f with
            {
                Concluded = f.Concluded + 1, ConcludedOnTime = f.ConcludedOnTime + (onTime ? 1 : 0),
                WorkingDaysUsed = f.WorkingDaysUsed + used, StatutoryDays = f.StatutoryDays + c.StatutoryDays,
            });
        }

        // Applications received in the period: accepted within a working day (a deemed acceptance is not prompt).
        var received = db.Cases.AsNoTracking().Where(c => c.ReceivedAt >= from && c.ReceivedAt < to && c.ParentCaseId == null);
        var intake = kind == AssessedKind.Staff
            ? received.Join(db.CaseEvents.Where(e => e.Action == "accepted"), c => c.Id, e => e.CaseId,
                (c, e) => new Received(e.ActorId, c.RegionCode, c.ReceivedAt, c.AcceptedAt, c.Clocks.DeemedAccepted))
            : received.Select(c => new Received(kind == AssessedKind.Department ? c.DepartmentId.ToString() : c.ReceivingWindowId.ToString(),
                c.RegionCode, c.ReceivedAt, c.AcceptedAt, c.Clocks.DeemedAccepted));
        await foreach (var c in intake.AsAsyncEnumerable().WithCancellation(ct))
        {
            var calendar = await calendars.ForRegionAsync(c.RegionCode);
            var prompt = c.AcceptedAt is { } accepted && !c.Deemed && calendar.WorkingDaysBetween(ChinaTime.DateOf(c.ReceivedAt!.Value), ChinaTime.DateOf(accepted)) <= 1;
            Add(Key(kind, c.Unit), f => f with { Accepted = f.Accepted + 1, AcceptedPromptly = f.AcceptedPromptly + (prompt ? 1 : 0) });
        }

        await AddAlertsAsync(kind, period.First, period.Last, Add, ct);

        if (kind != AssessedKind.Staff)
        {
            // Complaints upheld, by department, or by the window that took in the case complained of; bad ratings
            // (not set aside on appeal) likewise. A complaint names a person in words, so staff are not charged by it.
            var upheld = db.EfficiencyComplaints.AsNoTracking().Where(c => c.ConcludedAt >= from && c.ConcludedAt < to && c.Upheld == true);
            var upheldCounts = await (kind == AssessedKind.Department
                ? upheld.Where(c => c.DepartmentId != null).GroupBy(c => c.DepartmentId.ToString()).Select(g => new { Unit = (string?)g.Key, Count = g.Count() })
                : upheld.Join(db.Cases, c => c.CaseNumber, x => x.Number, (c, x) => x.ReceivingWindowId).GroupBy(w => w.ToString()).Select(g => new { Unit = (string?)g.Key, Count = g.Count() }))
                .ToListAsync(ct);
            foreach (var u in upheldCounts)
            {
                Add(Key(kind, u.Unit), f => f with { UpheldComplaints = f.UpheldComplaints + u.Count });
            }
            var bad = db.Ratings.AsNoTracking().Where(r => r.RatedAt >= from && r.RatedAt < to && r.Level <= RatingLevel.Dissatisfied && r.Rectification != RectificationStatus.AppealUpheld);
            var badCounts = await (kind == AssessedKind.Department
                ? bad.GroupBy(r => r.DepartmentId.ToString()).Select(g => new { Unit = (string?)g.Key, Count = g.Count() })
                : bad.Join(db.Cases, r => r.CaseId, c => c.Id, (r, c) => c.ReceivingWindowId).GroupBy(w => w.ToString()).Select(g => new { Unit = (string?)g.Key, Count = g.Count() }))
                .ToListAsync(ct);
            foreach (var b in badCounts)
            {
                Add(Key(kind, b.Unit), f => f with { BadRatings = f.BadRatings + b.Count });
            }
        }

        if (kind == AssessedKind.Department)
        {
            // The hotline's facts from its kept figures in both ways (their own reference is check-figures' recount).
            await AddHotlineAsync(period.First, period.Last, Add, ct);
        }
        return [.. facts.Values];
    }

    /// <summary>
    /// The hotline's facts of each unit from the kept work-order figures of the unit dimension (ADR 0032, 0040), read
    /// as the hotline report reads them (whole months from month rows, the rest from days), so that the assessment and
    /// the report count the same orders the same way: conclusions and replies in time, signatures and those in time,
    /// callbacks and the satisfied among them, reopenings and returns, each on its event's day. Windows and staff do not
    /// take work orders.
    /// </summary>
    private async Task AddHotlineAsync(DateOnly first, DateOnly last, Action<string?, Func<UnitFacts, UnitFacts>> add, CancellationToken ct)
    {
        var byUnit = await hotline.SumsAsync(HotlineDimension.Unit, new ReportPeriod(Statistics.PeriodKind.Range, first, last, ""), ct);
        foreach (var (unit, v) in byUnit)
        {
            add(unit, f => f with
            {
                OrdersConcluded = (int)v[HotlineMeasure.Concluded], OrdersRepliedOnTime = (int)v[HotlineMeasure.ConcludedOnTime],
                OrdersSigned = (int)v[HotlineMeasure.SignedFor], OrdersSignedOnTime = (int)v[HotlineMeasure.SignedForOnTime],
                OrdersRated = (int)v[HotlineMeasure.CalledBack], OrdersSatisfied = (int)(v[HotlineMeasure.Satisfied] + v[HotlineMeasure.FairlySatisfied]),
                OrdersReopened = (int)v[HotlineMeasure.Reopened], OrdersReturned = (int)v[HotlineMeasure.Returned],
            });
        }
    }

    /// <summary>Alerts raised in the period, by severity: by department, by the window that took the case in, or by the member of staff to handle them.</summary>
    private async Task AddAlertsAsync(AssessedKind kind, DateOnly first, DateOnly last, Action<string?, Func<UnitFacts, UnitFacts>> add, CancellationToken ct)
    {
        var (from, to) = (ChinaTime.StartOfDayUtc(first), ChinaTime.EndOfDayUtc(last));
        var alerts = db.SupervisionAlerts.AsNoTracking().Where(a => a.RaisedAt >= from && a.RaisedAt < to);
        var bySeverity = kind switch
        {
            AssessedKind.Department => alerts.Select(a => new UnitSeverity { Unit = a.DepartmentId.ToString(), Severity = a.Severity }),
            AssessedKind.Window => alerts.Where(a => a.SubjectKind == SubjectKind.Case)
                .Join(db.Cases, a => a.SubjectId, c => (Guid?)c.Id, (a, c) => new UnitSeverity { Unit = c.ReceivingWindowId.ToString(), Severity = a.Severity }),
            AssessedKind.Staff => alerts.Select(a => new UnitSeverity { Unit = a.HandlerId, Severity = a.Severity }),
        };
        var alertCounts = await bySeverity.GroupBy(x => new { x.Unit, x.Severity }).Select(g => new { g.Key.Unit, g.Key.Severity, Count = g.Count() }).ToListAsync(ct);
        foreach (var a in alertCounts)
        {
            add(Key(kind, a.Unit), f => a.Severity switch
            {
                AlertSeverity.Reminder => f with { Reminders = f.Reminders + a.Count },
                AlertSeverity.Yellow => f with { YellowCards = f.YellowCards + a.Count },
                AlertSeverity.Red => f with { RedCards = f.RedCards + a.Count },
            });
        }
    }

    private sealed record Decided(string? Unit, string RegionCode, DateTime? ClockStartAt, DateTime? DecidedAt, DateTime? PromisedDueAt, int StatutoryDays, IReadOnlyList<ClockPause> Pauses);

    private sealed class UnitSeverity
    {
        public string? Unit { get; init; }
        public AlertSeverity Severity { get; init; }
    }

    private static readonly string[] CaseRoles = [StaffRoles.WindowClerk, StaffRoles.Reviewer, StaffRoles.Approver];

    private sealed record Received(string? Unit, string RegionCode, DateTime? ReceivedAt, DateTime? AcceptedAt, bool Deemed);

    /// <summary>Guids come back from the database in the provider's text form; units are keyed in one form.</summary>
    private static string? Key(AssessedKind kind, string? unit) =>
        kind != AssessedKind.Staff && Guid.TryParse(unit, out var id) ? id.ToString() : unit;

    private async Task<List<UnitFacts>> UnitsAsync(AssessedKind kind, CancellationToken ct) => kind switch
    {
        AssessedKind.Department => [.. (await db.Departments.AsNoTracking().OrderBy(d => d.SortOrder).Take(500).Select(d => new { d.Id, d.Name }).ToListAsync(ct))
            .Select(d => new UnitFacts(d.Id.ToString(), d.Name))],
        AssessedKind.Window => [.. (await db.Windows.AsNoTracking().OrderBy(w => w.Number).Take(1000).Select(w => new { w.Id, w.Number, w.Name }).ToListAsync(ct))
            .Select(w => new UnitFacts(w.Id.ToString(), $"{w.Number} {w.Name}"))],
        AssessedKind.Staff => [.. (await db.Users.AsNoTracking()
                .Where(u => u.IsActive && db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(x => x.Id == r.RoleId && CaseRoles.Contains(x.Name!))))
                .OrderBy(u => u.UserName).Take(5000).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
            .Select(u => new UnitFacts(u.Id, u.DisplayName))],
    };
}
