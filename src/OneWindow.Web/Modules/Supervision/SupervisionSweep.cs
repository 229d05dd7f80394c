using OneWindow.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Calendar;

namespace OneWindow.Web.Modules.Supervision;

/// <summary>What one sweep did.</summary>
public sealed record SweepResult(bool Ran, int SubjectsChecked, int AlertsRaised, int NoticesLate, int Escalated);

/// <summary>
/// The time-based rules, run by the clock (<see cref="TimeProvider"/>): the subjects whose watch has come due, oldest
/// first, from the <c>(DueAt, SubjectKind, SubjectId)</c> index, in batches, each handed to the
/// <see cref="ISupervisedKind"/> of its kind to be read and checked (ADR 0020); the supervision notices past their
/// reply date; the alerts past their escalation time. Due subjects are saved in units of <see cref="SubjectsPerUnit"/>
/// per transaction; a unit that fails goes again subject by subject, so one bad record cannot stop the others, and a
/// crash loses at most the unit in hand (its watches are still due, so the next pass does it again). Only one instance
/// sweeps at a time.
/// </summary>
public sealed class SupervisionSweep(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<SupervisionSweep> logger) : BackgroundService
{
    public const int BatchSize = 500;
    /// <summary>
    /// Due subjects saved in one transaction. One commit per case made a backlog cost a commit (on SQLite an fsync) per
    /// case; a unit of 50 holds the SQLite write gate for some tens of milliseconds at most.
    /// </summary>
    public const int SubjectsPerUnit = 50;
    /// <summary>How long the watches of a kind no module registered wait before they are looked at again (they must not hold up the others).</summary>
    public static readonly TimeSpan UnknownKindRetry = TimeSpan.FromHours(1);
    /// <summary>Batches per pass: a backlog (after downtime, or the first pass after an upgrade) drains over several ticks.</summary>
    public const int MaxBatchesPerPass = 40;
    private const long LockKey = 0x4F6E655375_7076; // "OneSupv"

    public async Task<SweepResult> RunOnceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<OneWindowDbContext>();
        await using var held = await SweepLock.TryTakeAsync(db, LockKey, ct);
        if (held is null)
        {
            return new SweepResult(false, 0, 0, 0, 0);
        }
        await db.Database.OpenConnectionAsync(ct); // one pooled connection for the pass (PostgreSQL's lock already holds it)
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await AnythingDue(db, now))
        {
            return new SweepResult(true, 0, 0, 0, 0); // the usual tick: one indexed question, nothing else built
        }
        var pass = new Pass(services, now, logger);
        for (var batch = 0; batch < MaxBatchesPerPass; batch++)
        {
            if (await pass.SubjectsAsync(ct) < BatchSize)
            {
                break;
            }
        }
        await pass.NoticesAsync(ct);
        await pass.EscalationsAsync(ct);
        return pass.Result;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicPass.RunAsync(clock, TimeSpan.FromSeconds(configuration.GetValue("Supervision:SweepSeconds", 30)), async ct =>
        {
            var result = await RunOnceAsync(ct);
            if (result.AlertsRaised + result.NoticesLate + result.Escalated > 0)
            {
                logger.LogInformation("Supervision sweep: {Subjects} subjects checked, {Alerts} alerts, {Notices} late notices, {Escalated} escalated",
                    result.SubjectsChecked, result.AlertsRaised, result.NoticesLate, result.Escalated);
            }
        }, logger, "The supervision sweep", stoppingToken);

    // The questions of a pass, compiled once, so the query pipeline's translation is not paid every tick. An idle pass
    // (the usual one) is the lock and the first: whether any of the three others would find anything.
    // Each branch reads its index from the low end (ORDER BY … LIMIT 1): PostgreSQL plans a prepared statement once
    // for any instant, and a bare EXISTS over "due <= $1" can be planned as a scan expected to meet a row at once —
    // which on an idle day reads the whole watch list (measured: 6 ms at 100,000 watches instead of 0.2 ms).
    private static readonly Func<OneWindowDbContext, DateTime, Task<bool>> AnythingDue = EF.CompileAsyncQuery(
        (OneWindowDbContext db, DateTime now) => db.SupervisionWatches.Where(w => w.DueAt <= now).OrderBy(w => w.DueAt).Select(w => 1).Take(1)
            .Concat(db.SupervisionNotices.Where(n => n.Status == NoticeStatus.Issued && n.ReplyDueAt <= now && !db.SupervisionAlerts.Any(a => a.NoticeId == n.Id))
                .OrderBy(n => n.ReplyDueAt).Select(n => 1).Take(1))
            .Concat(db.SupervisionAlerts.Where(a => a.EscalateAt <= now).OrderBy(a => a.EscalateAt).Select(a => 1).Take(1))
            .Any());

    private static readonly Func<OneWindowDbContext, DateTime, IAsyncEnumerable<SupervisionWatch>> DueWatches = EF.CompileAsyncQuery(
        (OneWindowDbContext db, DateTime now) => db.SupervisionWatches.AsNoTracking()
            .Where(w => w.DueAt <= now).OrderBy(w => w.DueAt).ThenBy(w => w.SubjectKind).ThenBy(w => w.SubjectId).Take(BatchSize));

    private static readonly Func<OneWindowDbContext, DateTime, IAsyncEnumerable<SupervisionNotice>> LateNotices = EF.CompileAsyncQuery(
        (OneWindowDbContext db, DateTime now) => db.SupervisionNotices.AsNoTracking()
            .Where(n => n.Status == NoticeStatus.Issued && n.ReplyDueAt <= now && !db.SupervisionAlerts.Any(a => a.NoticeId == n.Id))
            .OrderBy(n => n.ReplyDueAt).ThenBy(n => n.Id).Take(BatchSize));

    private static readonly Func<OneWindowDbContext, DateTime, IAsyncEnumerable<Guid>> AlertsToEscalate = EF.CompileAsyncQuery(
        (OneWindowDbContext db, DateTime now) => db.SupervisionAlerts.AsNoTracking()
            .Where(a => a.EscalateAt <= now).OrderBy(a => a.EscalateAt).ThenBy(a => a.Id).Select(a => a.Id).Take(BatchSize));

    private sealed class Pass(IServiceProvider services, DateTime now, ILogger logger)
    {
        private readonly OneWindowDbContext _db = services.GetRequiredService<OneWindowDbContext>();
        private readonly RegionCalendars _calendars = services.GetRequiredService<RegionCalendars>();
        private readonly SupervisionSettings _settings = services.GetRequiredService<SupervisionSettings>();
        private readonly RaiseAlerts _raise = services.GetRequiredService<RaiseAlerts>();
        private readonly SubjectWatches _watches = services.GetRequiredService<SubjectWatches>();
        private readonly NotifyStaff _notify = services.GetRequiredService<NotifyStaff>();
        private readonly WriteUnit _unit = services.GetRequiredService<WriteUnit>();
        private readonly Dictionary<SubjectKind, ISupervisedKind> _kinds = KindsOf(services);
        private int _checked, _raised, _late, _escalated;

        public SweepResult Result => new(true, _checked, _raised, _late, _escalated);

        private static Dictionary<SubjectKind, ISupervisedKind> KindsOf(IServiceProvider services)
        {
            var kinds = new Dictionary<SubjectKind, ISupervisedKind>();
            foreach (var kind in services.GetServices<ISupervisedKind>())
            {
                if (!kinds.TryAdd(kind.Kind, kind))
                {
                    throw new InvalidOperationException($"Two supervised kinds are registered for {kind.Kind}: {kinds[kind.Kind].GetType().Name} and {kind.GetType().Name}.");
                }
            }
            return kinds;
        }

        /// <summary>One batch of due watches, each kind's handed to its <see cref="ISupervisedKind"/>; returns how many were due in it.</summary>
        public async Task<int> SubjectsAsync(CancellationToken ct)
        {
            var due = await DueWatches(_db, now).ToListAsync(ct);
            foreach (var ofKind in due.GroupBy(w => w.SubjectKind))
            {
                if (!_kinds.TryGetValue(ofKind.Key, out var kind))
                {
                    await PostponeAsync(ofKind.Key, [.. ofKind], ct);
                    continue;
                }
                var (checks, failed) = await CheckAsync(kind, [.. ofKind.Select(w => w.SubjectId)], ct);
                foreach (var unit in ofKind.Where(w => !failed.Contains(w.SubjectId)).Chunk(SubjectsPerUnit))
                {
                    if (!await TogetherAsync(ofKind.Key, unit, checks, ct))
                    {
                        foreach (var watch in unit)
                        {
                            await AloneAsync(watch, checks, ct);
                        }
                    }
                }
            }
            return due.Count;
        }

        /// <summary>
        /// The kind checks its due subjects together; should one of them be a record the rules refuse, it checks them
        /// one by one, and those that fail stay due (logged), to be tried again at the next pass.
        /// </summary>
        private async Task<(Dictionary<Guid, SubjectCheck> Checks, HashSet<Guid> Failed)> CheckAsync(ISupervisedKind kind, Guid[] ids, CancellationToken ct)
        {
            try
            {
                return ((await kind.CheckDueAsync(ids, now, ct)).ToDictionary(c => c.Subject.Id), []);
            }
            catch (Domain.DomainRuleException e)
            {
                logger.LogInformation(e, "Supervision sweep: {Count} due subjects of kind {Kind} are checked one by one", ids.Length, kind.Kind);
            }
            var checks = new Dictionary<Guid, SubjectCheck>();
            var failed = new HashSet<Guid>();
            foreach (var id in ids)
            {
                try
                {
                    foreach (var check in await kind.CheckDueAsync([id], now, ct))
                    {
                        checks[check.Subject.Id] = check;
                    }
                }
                catch (Domain.DomainRuleException e)
                {
                    logger.LogWarning(e, "Supervision sweep skipped {Kind} {Id}", kind.Kind, id);
                    failed.Add(id);
                }
            }
            return (checks, failed);
        }

        /// <summary>
        /// Watches of a kind no module registered (a module switched off, or not yet deployed on this instance): left as
        /// they are, but looked at again only after <see cref="UnknownKindRetry"/>, so that they do not hold up the others.
        /// </summary>
        private async Task PostponeAsync(SubjectKind kind, SupervisionWatch[] watches, CancellationToken ct)
        {
            logger.LogWarning("Supervision sweep: no supervised kind is registered for {Kind}; {Count} due watches wait", kind, watches.Length);
            var ids = watches.Select(w => w.SubjectId).ToList();
            var later = now + UnknownKindRetry;
            await InUnitAsync(() => _db.SupervisionWatches.Where(w => w.SubjectKind == kind && ids.Contains(w.SubjectId) && w.DueAt <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.DueAt, later), ct), $"watches of kind {kind}", ct);
        }

        /// <summary>
        /// A unit of due subjects of one kind saved in one transaction: their known alerts in one query, then the new
        /// alerts, their notifications and the moved watches in one save. Anything unusual (an alert raised or a watch
        /// moved by an action meanwhile) undoes the unit, and its subjects go one by one.
        /// </summary>
        private async Task<bool> TogetherAsync(SubjectKind kind, SupervisionWatch[] unit, Dictionary<Guid, SubjectCheck> checks, CancellationToken ct)
        {
            _db.ChangeTracker.Clear();
            var raised = new List<SupervisionAlert>();
            var checkedSubjects = 0;
            try
            {
                await _unit.RunAsync(async t =>
                {
                    var known = await _raise.KnownAsync(kind, [.. unit.Select(w => w.SubjectId)], t);
                    foreach (var watch in unit)
                    {
                        checks.TryGetValue(watch.SubjectId, out var check);
                        // Moved only if no action has reset it since the subject was read (the revision is its concurrency token).
                        var moved = _db.SupervisionWatches.Attach(new SupervisionWatch
                        {
                            SubjectKind = kind, SubjectId = watch.SubjectId, DueAt = watch.DueAt, Revision = check?.Revision ?? watch.Revision,
                        });
                        if (check is null)
                        {
                            moved.State = EntityState.Deleted; // the subject is gone: nothing to watch
                            continue;
                        }
                        raised.AddRange(await _raise.AddForSubjectAsync(check, known[watch.SubjectId], now, t));
                        if (check.NextCheckAt is { } next)
                        {
                            moved.Entity.DueAt = next;
                        }
                        else
                        {
                            moved.State = EntityState.Deleted;
                        }
                        checkedSubjects++;
                    }
                }, ct); // saved whole without a savepoint, and undone as a whole on any failure
            }
            catch (Exception e) when (e is DbUpdateException or Domain.DomainRuleException)
            {
                logger.LogInformation(e, "Supervision sweep: a unit of {Count} due subjects goes one by one", unit.Length);
                return false;
            }
            _checked += checkedSubjects;
            _raised += raised.Count;
            _raise.LogRaised(raised);
            return true;
        }

        /// <summary>One due subject in its own transaction; a duplicate alert is skipped alone, a bad record logged.</summary>
        private async Task AloneAsync(SupervisionWatch watch, Dictionary<Guid, SubjectCheck> checks, CancellationToken ct)
        {
            _db.ChangeTracker.Clear();
            await InUnitAsync(async () =>
            {
                if (!checks.TryGetValue(watch.SubjectId, out var check))
                {
                    await _watches.SetAsync(watch.SubjectKind, watch.SubjectId, watch.Revision, null, watch.Revision, ct);
                    return;
                }
                _raised += (await _raise.ForSubjectAsync(check, now, ct)).Count;
                await _watches.SetAsync(watch.SubjectKind, watch.SubjectId, check.Revision, check.NextCheckAt, check.Revision, ct);
                _checked++;
            }, $"{watch.SubjectKind} {watch.SubjectId}", ct);
        }

        public async Task NoticesAsync(CancellationToken ct)
        {
            var late = await LateNotices(_db, now).ToListAsync(ct);
            foreach (var notice in late)
            {
                _db.ChangeTracker.Clear();
                await InUnitAsync(async () =>
                {
                    if (await _raise.ForNoticeAsync(notice, now, await _calendars.ForRegionAsync(notice.RegionCode), ct) is not null)
                    {
                        _late++;
                    }
                }, $"notice {notice.Number}", ct);
            }
        }

        public async Task EscalationsAsync(CancellationToken ct)
        {
            var ids = await AlertsToEscalate(_db, now).ToListAsync(ct);
            foreach (var id in ids)
            {
                _db.ChangeTracker.Clear();
                await InUnitAsync(async () =>
                {
                    var alert = await _db.SupervisionAlerts.FirstAsync(a => a.Id == id, ct);
                    if (alert.EscalateAt is not { } at || at > now || alert.Status is not (AlertStatus.Raised or AlertStatus.Notified))
                    {
                        return;
                    }
                    alert.Escalate(now, _settings.EscalateAt(now, await _calendars.ForRegionAsync(alert.RegionCode)));
                    alert.MarkNotified(await _notify.AddAsync(alert, alert.Level, null, ct), now);
                    await _db.SaveChangesAsync(ct);
                    _escalated++;
                }, $"alert {id}", ct);
            }
        }

        /// <summary>
        /// One unit in its own write unit; its SMS go out through the outbox after it commits. A unit that fails is
        /// logged and skipped: the next tick tries it again.
        /// </summary>
        private async Task InUnitAsync(Func<Task> unit, string what, CancellationToken ct)
        {
            try
            {
                await _unit.RunAsync(_ => unit(), ct);
            }
            catch (Exception e) when (e is DbUpdateException or Domain.DomainRuleException)
            {
                logger.LogWarning(e, "Supervision sweep skipped {What}", what);
            }
        }
    }
}
