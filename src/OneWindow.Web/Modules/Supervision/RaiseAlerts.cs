using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Supervision;

/// <summary>
/// Raises alerts exactly once per rule and subject, and tells the first rung. The unique index on (Rule, Subject) is
/// the guarantee: when another instance (or an action at the same moment) raised the same alert first, the insert
/// fails, EF rolls back to the savepoint it took inside the caller's transaction, and nobody is told twice.
/// </summary>
public sealed class RaiseAlerts(OneWindowDbContext db, NotifyStaff notify, SupervisionSettings settings, ILogger<RaiseAlerts> logger)
{
    public async Task<IReadOnlyList<SupervisionAlert>> ForCaseAsync(Case c, IReadOnlyList<AlertCandidate> candidates, EffectiveRules rules,
        DateTime now, WorkingDayCalendar calendar, CancellationToken ct)
    {
        if (candidates.Count == 0)
        {
            return [];
        }
        var known = (await KnownAsync([c.Id], ct))[c.Id].ToList();
        var fresh = Fresh(c, candidates, known, rules, now, calendar);
        if (fresh.Count == 0)
        {
            return [];
        }
        if (fresh.Count > 1)
        {
            // The case's new alerts in one insert (one savepoint, one round trip). Should one of them have been raised
            // elsewhere meanwhile, the whole insert is refused and each is tried alone, so the others still go in.
            if (await InsertAsync(fresh, c.CurrentNode?.ActingRole, now, ct))
            {
                return fresh;
            }
            fresh = Fresh(c, candidates, known, rules, now, calendar); // new objects: the refused ones were detached
        }
        var raised = new List<SupervisionAlert>();
        foreach (var alert in fresh)
        {
            if (await InsertAsync([alert], c.CurrentNode?.ActingRole, now, ct))
            {
                raised.Add(alert);
            }
        }
        return raised;
    }

    /// <summary>The rule and subject of every alert already raised on these cases, in one query.</summary>
    public async Task<ILookup<Guid, (SupervisionRule Rule, string Subject)>> KnownAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken ct)
    {
        var rows = await db.SupervisionAlerts.AsNoTracking().Where(a => a.CaseId != null && caseIds.Contains(a.CaseId.Value))
            .Select(a => new { CaseId = a.CaseId!.Value, a.Rule, a.Subject }).ToListAsync(ct);
        return rows.ToLookup(a => a.CaseId, a => (a.Rule, a.Subject));
    }

    /// <summary>
    /// Adds a case's alerts not raised yet, with their notifications, to the unit of work without saving it: the sweep
    /// saves a whole unit of cases at once. A duplicate raised elsewhere meanwhile fails that save, and the caller then
    /// goes case by case through <see cref="ForCaseAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<SupervisionAlert>> AddForCaseAsync(Case c, IReadOnlyList<AlertCandidate> candidates,
        IEnumerable<(SupervisionRule Rule, string Subject)> known, EffectiveRules rules, DateTime now, WorkingDayCalendar calendar, CancellationToken ct)
    {
        var fresh = candidates.Count == 0 ? [] : Fresh(c, candidates, known, rules, now, calendar);
        await AddAsync(fresh, c.CurrentNode?.ActingRole, now, ct);
        return fresh;
    }

    /// <summary>Logs alerts once they are committed.</summary>
    public void LogRaised(IEnumerable<SupervisionAlert> alerts)
    {
        foreach (var alert in alerts)
        {
            logger.LogInformation("Raised {Severity} {Rule} on {Subject}, {Told}", alert.Severity, alert.Rule, alert.CaseNumber ?? alert.Subject, alert.History[^1].Note);
        }
    }

    private List<SupervisionAlert> Fresh(Case c, IReadOnlyList<AlertCandidate> candidates, IEnumerable<(SupervisionRule Rule, string Subject)> known,
        EffectiveRules rules, DateTime now, WorkingDayCalendar calendar)
    {
        var seen = known.ToHashSet();
        return [.. candidates.Where(candidate => seen.Add((candidate.Rule, candidate.Subject)))
            .Select(candidate => SupervisionAlert.ForCase(candidate, rules[candidate.Rule].Severity, c, now, settings.EscalateAt(now, calendar)))];
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
                var (rule, subject) = (alert.Rule, alert.Subject);
                raisedElsewhere |= await db.SupervisionAlerts.AsNoTracking().AnyAsync(a => a.Rule == rule && a.Subject == subject, ct);
            }
            if (!raisedElsewhere)
            {
                throw;
            }
            logger.LogInformation(e, "One of {Count} alerts on {Subject} was raised elsewhere first", alerts.Count, alerts[0].CaseNumber ?? alerts[0].Subject);
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
