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
        var caseId = c.Id;
        var known = (await db.SupervisionAlerts.AsNoTracking().Where(a => a.CaseId == caseId).Select(a => new { a.Rule, a.Subject }).ToListAsync(ct))
            .Select(a => (a.Rule, a.Subject)).ToHashSet();
        var fresh = candidates.Where(candidate => known.Add((candidate.Rule, candidate.Subject))).ToList();
        if (fresh.Count == 0)
        {
            return [];
        }
        SupervisionAlert Make(AlertCandidate candidate) =>
            SupervisionAlert.ForCase(candidate, rules[candidate.Rule].Severity, c, now, settings.EscalateAt(now, calendar));
        if (fresh.Count > 1)
        {
            // The case's new alerts in one insert (one savepoint, one round trip). Should one of them have been raised
            // elsewhere meanwhile, the whole insert is refused and each is tried alone, so the others still go in.
            var together = fresh.Select(Make).ToList();
            if (await InsertAsync(together, c.CurrentNode?.ActingRole, now, ct))
            {
                return together;
            }
        }
        var raised = new List<SupervisionAlert>();
        foreach (var candidate in fresh)
        {
            var alert = Make(candidate);
            if (await InsertAsync([alert], c.CurrentNode?.ActingRole, now, ct))
            {
                raised.Add(alert);
            }
        }
        return raised;
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
        var reached = new List<int>(alerts.Count);
        foreach (var alert in alerts)
        {
            db.SupervisionAlerts.Add(alert);
            reached.Add(await notify.AddAsync(alert, alert.Level, currentRole, ct));
            alert.MarkNotified(reached[^1], now);
        }
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
            foreach (var alert in alerts)
            {
                notify.DiscardPending(alert.Id);
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
        for (var i = 0; i < alerts.Count; i++)
        {
            logger.LogInformation("Raised {Severity} {Rule} on {Subject}, told {Count}", alerts[i].Severity, alerts[i].Rule, alerts[i].CaseNumber ?? alerts[i].Subject, reached[i]);
        }
        return true;
    }
}
