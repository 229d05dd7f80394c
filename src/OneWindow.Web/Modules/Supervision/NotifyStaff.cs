using OneWindow.Web.Modules.Accounts;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Supervision;

/// <summary>The SMS gateway seam (短信平台): every province runs its own; the shipped implementation writes to the log.</summary>
public interface INotificationSender
{
    Task SendAsync(string? mobile, string recipientName, string text, CancellationToken ct);
}

/// <summary>Writes each message to the log with the number masked; stands where a government SMS gateway is configured.</summary>
public sealed class LoggingNotificationSender(ILogger<LoggingNotificationSender> logger) : INotificationSender
{
    public Task SendAsync(string? mobile, string recipientName, string text, CancellationToken ct)
    {
        var masked = string.IsNullOrEmpty(mobile) ? "(no mobile on file)" : mobile.Length <= 4 ? "****" : new string('*', mobile.Length - 4) + mobile[^4..];
        logger.LogInformation("SMS to {Recipient} {Mobile}: {Text}", recipientName, masked, text);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Who is told at each rung of the ladder, and telling them: a workbench notification in the same unit of work as
/// the alert (so nobody is told of an alert that was not saved), and an SMS after the commit.
/// Handler: the person who has the case, or else the department's staff of the case's current role.
/// Department: the department's approvers (首席代表) and the handler. Leadership: the center's leaders and supervisors.
/// </summary>
public sealed class NotifyStaff(OneWindowDbContext db, INotificationSender sender)
{
    /// <summary>No rung has more people than this (a department's staff at most).</summary>
    public const int MaxRecipients = 50;

    private readonly List<(UserAccount User, string Text, Guid? AlertId)> _pending = [];
    // Who stands on a rung changes rarely; one sweep pass asks once per department and rung.
    private readonly Dictionary<(Guid, EscalationLevel, string?), List<UserAccount>> _rungs = [];

    /// <summary>Adds the notifications for one rung to the unit of work; returns how many people they reach.</summary>
    public async Task<int> AddAsync(SupervisionAlert alert, EscalationLevel rung, string? currentRole, CancellationToken ct)
    {
        var recipients = await RecipientsAsync(alert, rung, currentRole, ct);
        var title = $"{SupervisionText.Zh(alert.Severity)}：{SupervisionText.Zh(alert.Rule)}";
        var body = alert.CaseNumber is null ? alert.Detail : $"{alert.CaseNumber} {alert.ItemName}：{alert.Detail}";
        foreach (var user in recipients)
        {
            Add(user, title, body, $"/workbench/alerts/{alert.Id}", alert.Id, alert.History[^1].At);
        }
        return recipients.Count;
    }

    /// <summary>Adds one workbench notification to the unit of work, and its SMS to those sent after the commit.</summary>
    public void Add(UserAccount user, string title, string body, string link, Guid? alertId, DateTime now)
    {
        body = body.Length > 1000 ? body[..1000] : body;
        db.StaffNotifications.Add(new StaffNotification { UserId = user.Id, CreatedAt = now, Title = title, Body = body, Link = link, AlertId = alertId });
        _pending.Add((user, $"【一窗通】{title}。{body}", alertId));
    }

    /// <summary>
    /// Opens the write gate the commit was made under (SQLite; null elsewhere) and then sends the SMS: a slow
    /// gateway must not hold up every other writer of the hall while it answers.
    /// </summary>
    public Task SendPendingAsync(IDisposable? writeGate, CancellationToken ct)
    {
        writeGate?.Dispose();
        return SendPendingAsync(ct);
    }

    /// <summary>Sends the SMS of what was committed; a failed send is logged and does not undo the alert.</summary>
    public async Task SendPendingAsync(CancellationToken ct)
    {
        var pending = _pending.ToList();
        _pending.Clear();
        foreach (var (user, text, _) in pending)
        {
            await sender.SendAsync(user.PhoneNumber, user.DisplayName, text, ct);
        }
    }

    public void DiscardPending() => _pending.Clear();

    /// <summary>Drops the messages of an alert that was not saved after all.</summary>
    public void DiscardPending(Guid alertId) => _pending.RemoveAll(p => p.AlertId == alertId);

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
