using OneWindow.Web.Modules.Notifications;
using OneWindow.Web.Modules.Audit;
using OneWindow.Web.Modules.Accounts;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Cases;

namespace OneWindow.Web.Modules.Supervision;

/// <summary>
/// Who sees and acts on supervision records: supervisors see and review everything, leaders see everything; a
/// department's staff see and answer their department's alerts and notices; a comprehensive window's staff those
/// about cases received at their venue.
/// </summary>
public sealed record SupervisionViewer(UserAccount User, IReadOnlyList<string> Roles)
{
    public bool IsSupervisor => Roles.Contains(StaffRoles.Supervisor);
    public bool SeesAll => IsSupervisor || Roles.Contains(StaffRoles.Leader);
    public bool IsCaseWorker => Roles.Any(r => r is StaffRoles.WindowClerk or StaffRoles.Reviewer or StaffRoles.Approver);

    public Actor Actor => new(User.Id, User.DisplayName, IsSupervisor ? StaffRoles.Supervisor : Roles.FirstOrDefault() ?? "");

    public bool MaySee(SupervisionAlert a) => SeesAll || Answers(a.DepartmentId, a.VenueId);

    public bool MaySee(SupervisionNotice n) => SeesAll || Answers(n.DepartmentId, null);

    /// <summary>Whether this person answers for a department's (or a venue's) records.</summary>
    public bool Answers(Guid departmentId, Guid? venueId) =>
        IsCaseWorker && (User.DepartmentId is { } d ? d == departmentId : venueId is not null && venueId == User.VenueId);

    /// <summary>The alerts this person may see, as a query: <see cref="MaySee(SupervisionAlert)"/> for lists (pages and API).</summary>
    public IQueryable<SupervisionAlert> Visible(IQueryable<SupervisionAlert> alerts)
    {
        if (SeesAll)
        {
            return alerts;
        }
        if (IsCaseWorker && User.DepartmentId is { } own)
        {
            return alerts.Where(a => a.DepartmentId == own);
        }
        return IsCaseWorker && User.VenueId is { } venue ? alerts.Where(a => a.VenueId == venue) : alerts.Where(a => false);
    }

    /// <summary>The notices this person may see, as a query: <see cref="MaySee(SupervisionNotice)"/> for lists.</summary>
    public IQueryable<SupervisionNotice> Visible(IQueryable<SupervisionNotice> notices) =>
        SeesAll ? notices
        : IsCaseWorker && User.DepartmentId is { } own ? notices.Where(n => n.DepartmentId == own)
        : notices.Where(n => false);

    /// <summary>What this person may do with the alert now: the department answers it, then a supervisor closes it or sends it back.</summary>
    public IReadOnlyList<string> ActionsOn(SupervisionAlert a)
    {
        var actions = new List<string>();
        if (Answers(a.DepartmentId, a.VenueId) && a.Status is AlertStatus.Raised or AlertStatus.Notified)
        {
            actions.Add(SupervisionActions.Answer);
        }
        if (IsSupervisor && a.Status == AlertStatus.Responded)
        {
            actions.AddRange([SupervisionActions.Close, SupervisionActions.SendBack]);
        }
        return actions;
    }

    /// <summary>What this person may do with the notice now: the department replies, then a supervisor closes it.</summary>
    public IReadOnlyList<string> ActionsOn(SupervisionNotice n)
    {
        var actions = new List<string>();
        if (n.Status == NoticeStatus.Issued && Answers(n.DepartmentId, null))
        {
            actions.Add(SupervisionActions.Reply);
        }
        if (n.Status == NoticeStatus.Replied && IsSupervisor)
        {
            actions.Add(SupervisionActions.Close);
        }
        return actions;
    }

    public static async Task<SupervisionViewer> LoadAsync(ClaimsPrincipal principal, UserManager<UserAccount> users)
    {
        var user = await users.GetUserAsync(principal) ?? throw new ForbiddenException("auth.required", "请先登录。");
        return new SupervisionViewer(user, [.. await users.GetRolesAsync(user)]);
    }
}

/// <summary>Answering and reviewing alerts; issuing, answering and closing supervision notices. Pages and API alike.</summary>
public sealed class HandleAlerts(OneWindowDbContext db, UserManager<UserAccount> users, RegionCalendars calendars, SupervisionSettings settings,
    RaiseAlerts raise, WriteUnit unit, TellStaff tell, TimeProvider clock, IEnumerable<ISupervisedKind> kinds)
{
    public async Task<(SupervisionAlert Alert, SupervisionViewer Viewer)> LoadAlertAsync(ClaimsPrincipal principal, Guid id, CancellationToken ct)
    {
        var viewer = await SupervisionViewer.LoadAsync(principal, users);
        var alert = await db.SupervisionAlerts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("预警不存在。");
        return viewer.MaySee(alert) ? (alert, viewer) : throw new ForbiddenException("alert.out-of-scope", "该预警不属于您所在的部门。");
    }

    /// <summary>The department explains or reports its rectification.</summary>
    public Task<SupervisionAlert> RespondAsync(ClaimsPrincipal principal, Guid id, int revision, AlertResponse response, string? text, CancellationToken ct) =>
        ActOnAlertAsync(principal, id, revision, (a, v, now, _) =>
        {
            if (!v.Answers(a.DepartmentId, a.VenueId))
            {
                throw new ForbiddenException("alert.not-answerable", "只有责任部门的工作人员可以说明或整改。");
            }
            a.Respond(response, text ?? "", v.Actor, now);
        }, "responded", ct);

    /// <summary>A supervisor closes the alert, or sends the answer back.</summary>
    public Task<SupervisionAlert> ReviewAsync(ClaimsPrincipal principal, Guid id, int revision, bool accept, string? note, CancellationToken ct) =>
        ActOnAlertAsync(principal, id, revision, (a, v, now, escalateAt) =>
        {
            if (!v.IsSupervisor)
            {
                throw new ForbiddenException("alert.not-reviewer", "只有监察人员可以审核预警。");
            }
            if (accept)
            {
                a.Close(note, v.Actor, now);
            }
            else
            {
                a.SendBack(note ?? "", v.Actor, now, escalateAt);
            }
        }, accept ? "closed" : "sent-back", ct);

    private async Task<SupervisionAlert> ActOnAlertAsync(ClaimsPrincipal principal, Guid id, int revision,
        Action<SupervisionAlert, SupervisionViewer, DateTime, DateTime> act, string what, CancellationToken ct)
    {
        var viewer = await SupervisionViewer.LoadAsync(principal, users);
        var alert = await db.SupervisionAlerts.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("预警不存在。");
        if (!viewer.MaySee(alert))
        {
            throw new ForbiddenException("alert.out-of-scope", "该预警不属于您所在的部门。");
        }
        if (alert.Revision != revision)
        {
            throw new DbUpdateConcurrencyException($"Alert {id} is at revision {alert.Revision}, not {revision}.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var escalateAt = settings.EscalateAt(now, await calendars.ForRegionAsync(alert.RegionCode));
        await unit.RunAsync(_ =>
        {
            act(alert, viewer, now, escalateAt);
            db.Audit(now, principal.ActorName(), "SupervisionAlert", alert.Id.ToString(), what, new { alert.Status });
            return Task.CompletedTask;
        }, ct);
        return alert;
    }

    /// <summary>A supervisor issues a notice to a department, about one of its cases (a supervised subject) or about a matter of its own.</summary>
    public async Task<SupervisionNotice> IssueNoticeAsync(ClaimsPrincipal principal, string? caseNumber, Guid? departmentId, string? title, string? requirement,
        int replyWorkingDays, CancellationToken ct)
    {
        var viewer = await SupervisionViewer.LoadAsync(principal, users);
        if (!viewer.IsSupervisor)
        {
            throw new ForbiddenException("notice.not-supervisor", "只有监察人员可以下发督办单。");
        }
        SupervisedSubject? about = null;
        if (!string.IsNullOrWhiteSpace(caseNumber))
        {
            // A case's number or another kind's (a work order's): each registered kind is asked in turn.
            var wanted = caseNumber.Trim();
            foreach (var kind in kinds)
            {
                about ??= await kind.FindByNumberAsync(wanted, ct);
            }
            _ = about ?? throw new DomainRuleException("notice.case-unknown", $"案件或工单 {wanted} 不存在。", "caseNumber");
        }
        var departmentKey = departmentId ?? about?.DepartmentId ?? throw new DomainRuleException("notice.department-required", "请选择被督办的部门。", "departmentId");
        var department = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == departmentKey, ct)
            ?? throw new DomainRuleException("notice.department-unknown", "部门不存在。", "departmentId");
        var now = clock.GetUtcNow().UtcDateTime;
        var calendar = await calendars.ForRegionAsync(department.RegionCode);
        return await unit.RunAsync(async t =>
        {
            var year = Domain.Calendar.ChinaTime.DateOf(now).Year;
            var number = $"DB-{year}-{await CaseNumbers.NextValueAsync(db, $"notice-{year}", t):D4}";
            var notice = SupervisionNotice.Issue(number, department.Id, department.RegionCode, about, title ?? "", requirement ?? "", replyWorkingDays, viewer.Actor, now, calendar);
            db.SupervisionNotices.Add(notice);
            db.Audit(now, principal.ActorName(), "SupervisionNotice", number, "issued", new { department = department.Name, notice.CaseNumber, notice.ReplyDueDate });
            await NotifyDepartmentAsync(notice, $"督办单 {number}：{notice.Title}", $"请于 {notice.ReplyDueDate:yyyy-MM-dd} 前回复。{notice.Requirement}", now, t);
            return notice;
        }, ct);
    }

    public async Task<(SupervisionNotice Notice, SupervisionViewer Viewer)> LoadNoticeAsync(ClaimsPrincipal principal, Guid id, CancellationToken ct)
    {
        var viewer = await SupervisionViewer.LoadAsync(principal, users);
        var notice = await db.SupervisionNotices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, ct) ?? throw new NotFoundException("督办单不存在。");
        return viewer.MaySee(notice) ? (notice, viewer) : throw new ForbiddenException("notice.out-of-scope", "该督办单不属于您所在的部门。");
    }

    /// <summary>The department replies; a reply after the date raises the red card at once if the sweep has not yet.</summary>
    public async Task<SupervisionNotice> ReplyAsync(ClaimsPrincipal principal, Guid id, int revision, string? reply, CancellationToken ct)
    {
        var (notice, viewer, now) = await LoadForActionAsync(principal, id, revision, ct);
        if (!viewer.Answers(notice.DepartmentId, null))
        {
            throw new ForbiddenException("notice.not-answerable", "只有被督办部门的工作人员可以回复。");
        }
        var calendar = await calendars.ForRegionAsync(notice.RegionCode);
        await unit.RunAsync(async t =>
        {
            notice.Answer(reply ?? "", viewer.Actor, now);
            db.Audit(now, principal.ActorName(), "SupervisionNotice", notice.Number, "replied", new { late = notice.RepliedLate });
            await db.SaveChangesAsync(t);
            await raise.ForNoticeAsync(notice, now, calendar, t);
        }, ct);
        return notice;
    }

    public async Task<SupervisionNotice> CloseNoticeAsync(ClaimsPrincipal principal, Guid id, int revision, string? note, CancellationToken ct)
    {
        var (notice, viewer, now) = await LoadForActionAsync(principal, id, revision, ct);
        if (!viewer.IsSupervisor)
        {
            throw new ForbiddenException("notice.not-supervisor", "只有监察人员可以办结督办单。");
        }
        await unit.RunAsync(_ =>
        {
            notice.Close(note, viewer.Actor, now);
            db.Audit(now, principal.ActorName(), "SupervisionNotice", notice.Number, "closed", null);
            return Task.CompletedTask;
        }, ct);
        return notice;
    }

    private async Task<(SupervisionNotice, SupervisionViewer, DateTime)> LoadForActionAsync(ClaimsPrincipal principal, Guid id, int revision, CancellationToken ct)
    {
        var viewer = await SupervisionViewer.LoadAsync(principal, users);
        var notice = await db.SupervisionNotices.FirstOrDefaultAsync(n => n.Id == id, ct) ?? throw new NotFoundException("督办单不存在。");
        if (!viewer.MaySee(notice))
        {
            throw new ForbiddenException("notice.out-of-scope", "该督办单不属于您所在的部门。");
        }
        if (notice.Revision != revision)
        {
            throw new DbUpdateConcurrencyException($"Notice {notice.Number} is at revision {notice.Revision}, not {revision}.");
        }
        return (notice, viewer, clock.GetUtcNow().UtcDateTime);
    }

    private async Task NotifyDepartmentAsync(SupervisionNotice notice, string title, string body, DateTime now, CancellationToken ct)
    {
        var departmentId = notice.DepartmentId;
        var staff = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.DepartmentId == departmentId)
            .OrderBy(u => u.Id).Take(NotifyStaff.MaxRecipients).ToListAsync(ct);
        foreach (var user in staff)
        {
            tell.Tell(new StaffMember(user.Id, user.DisplayName, user.PhoneNumber), title, body, $"/workbench/notices/{notice.Id}", null, now, $"notice:{notice.Id}:issued");
        }
    }
}
