using OneWindow.Web.Modules.Accounts;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Notifications;

namespace OneWindow.Web.Modules.Supervision;

/// <summary>
/// Who is told at each rung of the ladder, and telling them (<see cref="TellStaff"/>: a workbench notification and an
/// SMS through the outbox, in the same unit of work as the alert, so nobody is told of an alert that was not saved).
/// Handler: the person who has the case, or else the department's staff of the case's current role.
/// Department: the department's approvers (首席代表) and the handler. Leadership: the center's leaders and supervisors.
/// </summary>
public sealed class NotifyStaff(OneWindowDbContext db, TellStaff tell)
{
    /// <summary>No rung has more people than this (a department's staff at most).</summary>
    public const int MaxRecipients = 50;

    // Who stands on a rung changes rarely; one sweep pass asks once per department and rung.
    private readonly Dictionary<(Guid, EscalationLevel, string?), List<UserAccount>> _rungs = [];

    /// <summary>Adds the notifications for one rung to the unit of work; returns how many people they reach.</summary>
    public async Task<int> AddAsync(SupervisionAlert alert, EscalationLevel rung, string? currentRole, CancellationToken ct)
    {
        var recipients = await RecipientsAsync(alert, rung, currentRole, ct);
        var title = $"{SupervisionText.Zh(alert.Severity)}：{SupervisionText.Zh(alert.Rule)}";
        var body = alert.SubjectNumber is null ? alert.Detail : $"{alert.SubjectNumber} {alert.SubjectTitle}：{alert.Detail}";
        foreach (var user in recipients)
        {
            tell.Tell(new StaffMember(user.Id, user.DisplayName, user.PhoneNumber), title, body, $"/workbench/alerts/{alert.Id}", alert.Id, alert.History[^1].At, $"alert:{alert.Id}:{rung}");
        }
        return recipients.Count;
    }

    private async Task<List<UserAccount>> RecipientsAsync(SupervisionAlert alert, EscalationLevel rung, string? currentRole, CancellationToken ct)
    {
        var found = new List<UserAccount>();
        if (alert.HandlerId is { } handler && rung != EscalationLevel.Leadership)
        {
            found.AddRange(await db.Users.AsNoTracking().Where(u => u.Id == handler && u.IsActive).ToListAsync(ct));
        }
        var roles = rung switch
        {
            EscalationLevel.Handler => found.Count > 0 ? [] : new[] { currentRole ?? StaffRoles.Reviewer },
            EscalationLevel.Department => [StaffRoles.Approver],
            EscalationLevel.Leadership => [StaffRoles.Leader, StaffRoles.Supervisor],
        };
        if (roles.Length > 0 && _rungs.TryGetValue((alert.DepartmentId, rung, currentRole), out var known))
        {
            found.AddRange(known);
        }
        else if (roles.Length > 0)
        {
            var department = alert.DepartmentId;
            var inDepartment = rung != EscalationLevel.Leadership;
            var ids = db.UserRoles.Join(db.Roles.Where(r => roles.Contains(r.Name!)), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId);
            var people = await db.Users.AsNoTracking()
                .Where(u => u.IsActive && ids.Contains(u.Id) && (!inDepartment || u.DepartmentId == department))
                .OrderBy(u => u.Id).Take(MaxRecipients).ToListAsync(ct);
            _rungs[(alert.DepartmentId, rung, currentRole)] = people;
            found.AddRange(people);
        }
        return [.. found.DistinctBy(u => u.Id)];
    }
}
