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
        var raised = new List<SupervisionAlert>();
        foreach (var candidate in candidates)
        {
            if (!known.Add((candidate.Rule, candidate.Subject)))
            {
                continue;
            }
            var severity = rules[candidate.Rule].Severity;
            var alert = SupervisionAlert.ForCase(candidate, severity, c, now, settings.EscalateAt(now, calendar));
            if (await InsertAsync(alert, c.CurrentNode?.ActingRole, now, ct))
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
        return await InsertAsync(alert, null, now, ct) ? alert : null;
    }

    private async Task<bool> InsertAsync(SupervisionAlert alert, string? currentRole, DateTime now, CancellationToken ct)
    {
        // The alert and its notifications are one insert: a duplicate fails both, and nobody is told twice.
        db.SupervisionAlerts.Add(alert);
        var reached = await notify.AddAsync(alert, alert.Level, currentRole, ct);
        alert.MarkNotified(reached, now);
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
            notify.DiscardPending(alert.Id);
            var rule = alert.Rule;
            var subject = alert.Subject;
            if (!await db.SupervisionAlerts.AsNoTracking().AnyAsync(a => a.Rule == rule && a.Subject == subject, ct))
            {
                throw;
            }
            logger.LogInformation(e, "Alert {Rule} {Subject} was raised elsewhere first", rule, subject);
            return false;
        }
        logger.LogInformation("Raised {Severity} {Rule} on {Subject}, told {Count}", alert.Severity, alert.Rule, alert.CaseNumber ?? alert.Subject, reached);
        return true;
    }
}
