using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Supervision;

/// <summary>
/// Raises alerts exactly once per rule and key, about any kind of subject, and tells the first rung. The unique index
/// on (Rule, Key) is the guarantee: when another instance (or an action at the same moment) raised the same alert
/// first, the insert fails, EF rolls back to the savepoint it took inside the caller's transaction, and nobody is
/// told twice.
/// </summary>
public sealed class RaiseAlerts(OneWindowDbContext db, NotifyStaff notify, SupervisionSettings settings, ILogger<RaiseAlerts> logger)
{
    /// <summary>The findings due on a subject that were not raised yet, inserted with their notifications in the caller's transaction.</summary>
    public async Task<IReadOnlyList<SupervisionAlert>> ForSubjectAsync(SubjectCheck check, DateTime now, CancellationToken ct)
    {
        if (check.Due.Count == 0)
        {
            return [];
        }
        var subject = check.Subject;
        var known = (await KnownAsync(subject.Kind, [subject.Id], ct))[subject.Id].ToList();
        var fresh = Fresh(check, known, now);
        if (fresh.Count == 0)
        {
            return [];
        }
        var role = check.Handler?.ActingRole;
        if (fresh.Count > 1)
        {
            // The subject's new alerts in one insert (one savepoint, one round trip). Should one of them have been raised
            // elsewhere meanwhile, the whole insert is refused and each is tried alone, so the others still go in.
            if (await InsertAsync(fresh, role, now, ct))
            {
                return fresh;
            }
            fresh = Fresh(check, known, now); // new objects: the refused ones were detached
        }
        var raised = new List<SupervisionAlert>();
        foreach (var alert in fresh)
        {
            if (await InsertAsync([alert], role, now, ct))
            {
                raised.Add(alert);
            }
        }
        return raised;
    }

    /// <summary>A case's findings (<see cref="ForSubjectAsync"/>).</summary>
    public Task<IReadOnlyList<SupervisionAlert>> ForCaseAsync(Case c, IReadOnlyList<AlertCandidate> candidates, EffectiveRules rules,
        DateTime now, WorkingDayCalendar calendar, CancellationToken ct) =>
        ForSubjectAsync(SupervisedCases.Checked(c, rules, calendar, new TimedCheck(candidates, null)), now, ct);

    /// <summary>The rule and key of every alert already raised about these subjects of one kind, in one query.</summary>
    public async Task<ILookup<Guid, (SupervisionRule Rule, string Key)>> KnownAsync(SubjectKind kind, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var rows = await db.SupervisionAlerts.AsNoTracking().Where(a => a.SubjectKind == kind && a.SubjectId != null && ids.Contains(a.SubjectId.Value))
            .Select(a => new { SubjectId = a.SubjectId!.Value, a.Rule, a.Key }).ToListAsync(ct);
        return rows.ToLookup(a => a.SubjectId, a => (a.Rule, a.Key));
    }

    /// <summary>
    /// Adds a subject's alerts not raised yet, with their notifications, to the unit of work without saving it: the
    /// sweep saves a whole unit of subjects at once. A duplicate raised elsewhere meanwhile fails that save, and the
    /// caller then goes subject by subject through <see cref="ForSubjectAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<SupervisionAlert>> AddForSubjectAsync(SubjectCheck check, IEnumerable<(SupervisionRule Rule, string Key)> known,
        DateTime now, CancellationToken ct)
    {
        var fresh = check.Due.Count == 0 ? [] : Fresh(check, known, now);
        await AddAsync(fresh, check.Handler?.ActingRole, now, ct);
        return fresh;
    }

    /// <summary>Logs alerts once they are committed.</summary>
    public void LogRaised(IEnumerable<SupervisionAlert> alerts)
    {
        foreach (var alert in alerts)
        {
            logger.LogInformation("Raised {Severity} {Rule} on {Subject}, {Told}", alert.Severity, alert.Rule, alert.SubjectNumber ?? alert.Key, alert.History[^1].Note);
        }
    }

    private List<SupervisionAlert> Fresh(SubjectCheck check, IEnumerable<(SupervisionRule Rule, string Key)> known, DateTime now)
    {
        var seen = known.ToHashSet();
        return [.. check.Due.Where(candidate => seen.Add((candidate.Rule, candidate.Key)))
            .Select(candidate => SupervisionAlert.About(check.Subject, candidate, check.Rules[candidate.Rule].Severity, check.Handler?.UserId, check.Handler?.UserName,
                now, settings.EscalateAt(now, check.Calendar)))];
    }

    /// <summary>The red card of a supervision notice not answered in time.</summary>
    public async Task<SupervisionAlert?> ForNoticeAsync(SupervisionNotice notice, DateTime now, WorkingDayCalendar calendar, CancellationToken ct)
    {
        var book = await settings.RuleBookAsync(ct);
        var setting = book.For(SupervisionRule.NoticeUnanswered, notice.RegionCode, notice.DepartmentId, null);
        if (!setting.Enabled || !notice.IsLate(now, setting.Whole, calendar) || await db.SupervisionAlerts.AnyAsync(a => a.NoticeId == notice.Id, ct))
        {
            return null;
        }
        var alert = SupervisionAlert.ForNotice(notice, setting.Severity, CaseSupervision.After(calendar, notice.ReplyDueAt, setting.Whole), now, settings.EscalateAt(now, calendar));
        return await InsertAsync([alert], null, now, ct) ? alert : null;
    }

    /// <returns>Whether the alerts went in; false when one of them was raised elsewhere first (nothing was saved).</returns>
    private async Task<bool> InsertAsync(IReadOnlyList<SupervisionAlert> alerts, string? currentRole, DateTime now, CancellationToken ct)
    {
        // The alerts and their notifications are one insert: a duplicate fails them all, and nobody is told twice.
        await AddAsync(alerts, currentRole, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            foreach (var entry in db.ChangeTracker.Entries().Where(x => x.State == EntityState.Added).ToList())
            {
                entry.State = EntityState.Detached;
            }
            var raisedElsewhere = false;
            foreach (var alert in alerts)
            {
                var (rule, key) = (alert.Rule, alert.Key);
                raisedElsewhere |= await db.SupervisionAlerts.AsNoTracking().AnyAsync(a => a.Rule == rule && a.Key == key, ct);
            }
            if (!raisedElsewhere)
            {
                throw;
            }
            logger.LogInformation(e, "One of {Count} alerts on {Subject} was raised elsewhere first", alerts.Count, alerts[0].SubjectNumber ?? alerts[0].Key);
            return false;
        }
        LogRaised(alerts);
        return true;
    }

    /// <summary>Adds the alerts and the notifications of their first rung to the unit of work.</summary>
    private async Task AddAsync(IReadOnlyList<SupervisionAlert> alerts, string? currentRole, DateTime now, CancellationToken ct)
    {
        foreach (var alert in alerts)
        {
            db.SupervisionAlerts.Add(alert);
            alert.MarkNotified(await notify.AddAsync(alert, alert.Level, currentRole, ct), now);
        }
    }
}
