using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Supervision;

/// <summary>Marks every unread workbench notification of one member of staff read (the button on the alerts page).</summary>
public sealed class MarkNotificationsRead(OneWindowDbContext db, WriteUnit unit, TimeProvider clock)
{
    public async Task<int> RunAsync(string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await unit.RunAsync(token =>
            db.StaffNotifications.Where(n => n.UserId == userId && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), token), ct);
    }
}
