using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Notifications;

/// <summary>
/// Tells a member of staff something, in the unit of work that decided it: a notification in their workbench and an
/// SMS through the outbox, both saved with what they tell of (so nobody is told of an alert that was not saved), the
/// SMS sent after the commit.
/// </summary>
public sealed class TellStaff(OneWindowDbContext db, Outbox outbox)
{
    /// <param name="dedupKey">What the message is about, unique per person: the same thing is texted to a person once.</param>
    public void Tell(StaffMember to, string title, string body, string link, Guid? alertId, DateTime now, string dedupKey)
    {
        body = body.Length > 1000 ? body[..1000] : body;
        db.StaffNotifications.Add(new StaffNotification { UserId = to.UserId, CreatedAt = now, Title = title, Body = body, Link = link, AlertId = alertId });
        outbox.Sms(to.Mobile, to.Name, $"【一窗通】{title}。{body}", $"{dedupKey}:{to.UserId}");
    }
}

/// <summary>Whom to tell: the account, the name people know, the mobile number on file (if any).</summary>
public sealed record StaffMember(string UserId, string Name, string? Mobile);
