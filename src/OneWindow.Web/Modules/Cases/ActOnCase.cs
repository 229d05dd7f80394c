using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Accounts;
using OneWindow.Web.Modules.Calendar;

namespace OneWindow.Web.Modules.Cases;

/// <summary>
/// Every action on a case, for the workbench pages and the API alike: load the case, check who acts (the domain's rule)
/// and the revision they saw, let the domain decide, and save the case with its new events, the cases it carries along
/// and what the case hooks add, in one write unit.
/// </summary>
public sealed class ActOnCase(OneWindowDbContext db, WriteUnit unit, CaseHooks hooks, RegionCalendars calendars, UserManager<UserAccount> users,
    CalendarCatchUp catchUp, TimeProvider clock)
{
    /// <summary>
    /// Runs one action on a case. The request's revision is the one the person saw: if someone else
    /// acted in between, nothing is saved and the answer is a conflict (409 <c>concurrency.conflict</c>). The person
    /// acts in the role the domain's rule gives them for this action at the case's node, or is refused (403).
    /// </summary>
    public async Task<StaffCase> ActAsync(System.Security.Claims.ClaimsPrincipal principal, string number, CaseAction action, ICaseActionRequest request,
        CancellationToken ct)
    {
        var expectedRevision = request.Revision;
        await db.Database.OpenConnectionAsync(ct); // one pooled connection for the whole action
        var staff = await CaseStaff.LoadAsync(principal, users, db);
        var c = await db.Cases.FirstOrDefaultAsync(x => x.Number == number, ct) ?? throw new NotFoundException($"案件 {number} 不存在。");
        staff.EnsureMaySee(c);
        if (c.Revision != expectedRevision)
        {
            throw new DbUpdateConcurrencyException($"Case {number} is at revision {c.Revision}, not {expectedRevision}.");
        }
        var actor = staff.ActorFor(c, action.Name);
        if (request is HandOverRequest handOver)
        {
            request = handOver with { Target = await HandOverTargetAsync(c, handOver.ToUser, ct) };
        }
        var calendar = await calendars.ForRegionAsync(c.RegionCode);
        var now = clock.GetUtcNow().UtcDateTime;
        await catchUp.BeforeActionAsync(c, calendar, now, ct);
        action.Run(c, actor, request, now, calendar);
        await SaveMovedAsync(c, expectedRevision, now, calendar, ct);
        return new StaffCase(c, staff);
    }

    /// <summary>
    /// Before an action decided elsewhere (an online submission, the intake sweep): a move of the case's due dates that a
    /// calendar change not yet recounted for it would make is recorded first (<see cref="CalendarCatchUp"/>).
    /// </summary>
    public Task CatchUpAsync(Case c, WorkingDayCalendar calendar, DateTime now, CancellationToken ct) => catchUp.BeforeActionAsync(c, calendar, now, ct);

    /// <summary>
    /// Saves an action with its events in one transaction, after carrying it across a joint case: an accepted joint
    /// case fans out into its parts; a part that moved updates the joint case (which is decided with the last part);
    /// issuing, delivering, withdrawing or terminating the joint case carries its parts along.
    /// </summary>
    public async Task SaveMovedAsync(Case c, int expectedRevision, DateTime now, WorkingDayCalendar calendar, CancellationToken ct)
    {
        // The action, the cases it carries along, and what the hooks find in them are one unit; inside a caller's unit
        // (a first online submission, which numbers the case) it joins that unit.
        await hooks.PrepareAsync(ct);
        await unit.RunAsync(async t =>
        {
            var touched = await CarryAcrossJointAsync(c, now, calendar, t);
            AddNewEvents(c);
            foreach (var moved in touched.Prepend(c))
            {
                await NoticeNumbers.AssignAsync(db, moved, t);
            }
            try
            {
                await db.SaveAllOrNothingAsync(t);
            }
            catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
            {
                // Two people acted at once: the other's event took this sequence number first. Same answer as a stale revision.
                if (await ChangedMeanwhileAsync(c.Id, expectedRevision, t))
                {
                    throw new DbUpdateConcurrencyException($"Case {c.Number} changed while this action was saved.", e);
                }
                throw;
            }
            foreach (var moved in touched.Prepend(c))
            {
                await hooks.MovedAsync(new CaseMoved(moved, moved.NewEvents, now, calendar, IsNew: false), t);
            }
        }, ct);
    }

    /// <returns>The other cases the action moved (the parts, or the joint case), for supervision.</returns>
    private async Task<IReadOnlyList<Case>> CarryAcrossJointAsync(Case c, DateTime now, WorkingDayCalendar calendar, CancellationToken ct)
    {
        if (c.IsJoint && c.Status == CaseStatus.Accepted && c.Parts.Count == 0)
        {
            var ids = c.PartVersionIds.ToList();
            var versions = await db.ServiceItemVersions.AsNoTracking().Where(v => ids.Contains(v.Id)).ToListAsync(ct);
            var parts = c.FanOut(versions, now, calendar);
            db.Cases.AddRange(parts);
            foreach (var part in parts)
            {
                AddNewEvents(part);
            }
            return parts;
        }
        else if (c.IsJoint && c.Status is CaseStatus.ResultIssued or CaseStatus.Concluded or CaseStatus.Withdrawn or CaseStatus.Terminated)
        {
            var parts = await db.Cases.Where(p => p.ParentCaseId == c.Id).OrderBy(p => p.Number).ToListAsync(ct);
            foreach (var part in parts)
            {
                await catchUp.BeforeActionAsync(part, calendar, now, ct);
                part.FollowJoint(c, now, calendar);
                c.RecordPart(part, now, calendar);
                AddNewEvents(part);
            }
            return parts;
        }
        else if (c.ParentCaseId is { } parentId)
        {
            var joint = await db.Cases.FirstAsync(p => p.Id == parentId, ct);
            await catchUp.BeforeActionAsync(joint, calendar, now, ct);
            joint.RecordPart(c, now, calendar);
            AddNewEvents(joint);
            return [joint];
        }
        return [];
    }

    private async Task<bool> ChangedMeanwhileAsync(Guid id, int expectedRevision, CancellationToken ct)
    {
        try
        {
            return await db.Cases.AsNoTracking().AnyAsync(x => x.Id == id && x.Revision != expectedRevision, ct);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            // PostgreSQL refuses queries in a transaction aborted by the error; the only such failure here is the
            // lost race on the event sequence.
            return true;
        }
    }

    /// <summary>A case keeps the events appended since it was loaded; one already saved in this unit of work is not added twice.</summary>
    private void AddNewEvents(Case c) =>
        db.CaseEvents.AddRange(c.NewEvents.Where(e => db.Entry(e).State == EntityState.Detached));

    /// <summary>
    /// The colleague named in a hand-over, with their roles: an active member of staff who may open the case (its
    /// department's, or its venue's comprehensive window). Whether their roles may act at the case's node is the
    /// domain's rule (<see cref="Case.HandOver"/>).
    /// </summary>
    private async Task<HandOverTarget> HandOverTargetAsync(Case c, string? userName, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(userName))
        {
            throw new DomainRuleException("case.hand-over-target", "请填写接收人的用户名。", "toUser");
        }
        var target = await users.FindByNameAsync(userName.Trim());
        if (target is null || !target.IsActive)
        {
            throw new DomainRuleException("case.hand-over-target", "只能转交给本部门（或本场所综合窗口）的在岗人员。", "toUser");
        }
        var colleague = new CaseStaff(target, [.. await users.GetRolesAsync(target)]);
        if (!colleague.MaySee(c))
        {
            throw new DomainRuleException("case.hand-over-target", "只能转交给本部门（或本场所综合窗口）的在岗人员。", "toUser");
        }
        return new HandOverTarget(target.Id, target.DisplayName, colleague.Roles);
    }
}
