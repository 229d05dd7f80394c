using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Supervision;

/// <summary>Marks every unread workbench notification of one member of staff read (the button on the alerts page).</summary>
public sealed class MarkNotificationsRead(OneWindowDbContext db, TimeProvider clock)
{
    public async Task<int> RunAsync(string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        using (await db.EnterWriteGateAsync(ct))
        {
            return await db.StaffNotifications.Where(n => n.UserId == userId && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        }
    }
}
