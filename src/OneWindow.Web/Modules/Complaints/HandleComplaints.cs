using OneWindow.Web.Modules.Notifications;
using OneWindow.Web.Modules.Audit;
using OneWindow.Web.Modules.Accounts;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Organization;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Supervision;

namespace OneWindow.Web.Modules.Complaints;

public sealed record ComplaintForm(ComplaintAbout About, string? CaseNumber, string? Target, Guid? DepartmentId, string? Content, bool Anonymous, string? Name, string? Phone);

/// <summary>
/// 效能投诉: filing (online by anyone, at the hall by a supervisor for the visitor), accepting or refusing, concluding,
/// and telling the complainant (the tracking page; an SMS when a number was left).
/// </summary>
public sealed class HandleComplaints(OneWindowDbContext db, WriteUnit unit, Outbox outbox, RegionCalendars calendars, UserManager<UserAccount> users, TimeProvider clock)
{
    public async Task<EfficiencyComplaint> FileAsync(ClaimsPrincipal principal, ComplaintForm form, CancellationToken ct)
    {
        var atHall = principal.IsInRole(StaffRoles.Supervisor);
        Guid? departmentId = form.DepartmentId;
        string? region = null;
        if (form.About == ComplaintAbout.Case && !string.IsNullOrWhiteSpace(form.CaseNumber))
        {
            var number = form.CaseNumber.Trim();
            var c = await db.Cases.AsNoTracking().Where(x => x.Number == number).Select(x => new { x.DepartmentId, x.RegionCode }).FirstOrDefaultAsync(ct)
                ?? throw new DomainRuleException("complaint.case-unknown", $"办件 {number} 不存在，请核对办件编号。", "caseNumber");
            departmentId = c.DepartmentId;
            region = c.RegionCode;
        }
        if (departmentId is { } d && region is null)
        {
            region = await db.Departments.AsNoTracking().Where(x => x.Id == d).Select(x => x.RegionCode).FirstOrDefaultAsync(ct)
                ?? throw new DomainRuleException("complaint.department-unknown", "部门不存在。", "departmentId");
        }
        // Otherwise the complaint is about the center itself: its county is that of its county hall.
        region ??= await db.Venues.AsNoTracking().Where(v => v.Tier == VenueTier.CountyCenter).OrderBy(v => v.Name).Select(v => v.RegionCode).FirstOrDefaultAsync(ct) ?? "";
        var now = clock.GetUtcNow().UtcDateTime;
        var complaint = EfficiencyComplaint.File(atHall ? ComplaintChannel.Hall : ComplaintChannel.Online, form.About, form.CaseNumber, form.Target, departmentId, region,
            form.Content ?? "", form.Anonymous, form.Name, form.Phone, now, await calendars.ForRegionAsync(region));
        db.EfficiencyComplaints.Add(complaint);
        await db.SaveChangesAsync(ct);
        return complaint;
    }

    /// <summary>What the complainant sees with the tracking code: the state and the answer, nothing about anyone.</summary>
    public Task<EfficiencyComplaint?> TrackAsync(string? code, CancellationToken ct)
    {
        var key = (code ?? "").Trim().ToUpperInvariant();
        return key.Length is < 4 or > 12 ? Task.FromResult<EfficiencyComplaint?>(null) : db.EfficiencyComplaints.AsNoTracking().FirstOrDefaultAsync(c => c.TrackingCode == key, ct);
    }

    /// <summary>受理, naming the department responsible if it was not known; a department that does not exist is refused for its field.</summary>
    public async Task<EfficiencyComplaint> AcceptAsync(ClaimsPrincipal principal, Guid id, int revision, Guid? departmentId, CancellationToken ct)
    {
        if (departmentId is { } d && !await db.Departments.AsNoTracking().AnyAsync(x => x.Id == d, ct))
        {
            throw new DomainRuleException("complaint.department-unknown", "部门不存在。", "departmentId");
        }
        return await ActAsync(principal, id, revision, (c, actor, now) => c.Accept(departmentId, actor, now), "accepted", ct);
    }

    public Task<EfficiencyComplaint> RefuseAsync(ClaimsPrincipal principal, Guid id, int revision, string? reason, CancellationToken ct) =>
        ActAsync(principal, id, revision, (c, actor, now) => c.Refuse(reason ?? "", actor, now), "refused", ct);

    public Task<EfficiencyComplaint> ConcludeAsync(ClaimsPrincipal principal, Guid id, int revision, bool upheld, string? findings, string? reply, CancellationToken ct) =>
        ActAsync(principal, id, revision, (c, actor, now) => c.Conclude(upheld, findings ?? "", reply ?? "", actor, now), "concluded", ct);

    private async Task<EfficiencyComplaint> ActAsync(ClaimsPrincipal principal, Guid id, int revision, Action<EfficiencyComplaint, Domain.Cases.Actor, DateTime> act, string what, CancellationToken ct)
    {
        var viewer = await SupervisionViewer.LoadAsync(principal, users);
        if (!viewer.IsSupervisor)
        {
            throw new ForbiddenException("complaint.not-supervisor", "只有监察人员可以处理效能投诉。");
        }
        var complaint = await db.EfficiencyComplaints.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("投诉不存在。");
        if (complaint.Revision != revision)
        {
            throw new DbUpdateConcurrencyException($"Complaint {complaint.TrackingCode} is at revision {complaint.Revision}, not {revision}.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await unit.RunAsync(_ =>
        {
            act(complaint, viewer.Actor, now);
            db.Audit(now, principal.ActorName(), "EfficiencyComplaint", complaint.TrackingCode, what, new { complaint.Status, complaint.Upheld });
            if (complaint.ComplainantPhone is { } phone && complaint.Status is ComplaintStatus.Refused or ComplaintStatus.Concluded)
            {
                outbox.Sms(phone, complaint.ComplainantName ?? "", $"【一窗通】您的效能投诉（查询码 {complaint.TrackingCode}）已有答复，请凭查询码查看。",
                    $"complaint-answered:{complaint.Id}");
            }
            return Task.CompletedTask;
        }, ct);
        return complaint;
    }
}
