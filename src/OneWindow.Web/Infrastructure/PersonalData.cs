using System.Security.Claims;
using OneWindow.Web.Data;

namespace OneWindow.Web.Infrastructure;

/// <summary>
/// Resident ID numbers and phones are shown masked everywhere (110105********002X, *******0000). Someone entitled
/// to the full value asks for it explicitly, for one record, and every such view is written to the audit log
/// (who, when, which record, which fields) before the value is shown.
/// </summary>
public static class PersonalData
{
    public const string ViewedAction = "personal-data-viewed";

    public static async Task RecordViewAsync(OneWindowDbContext db, DateTime now, ClaimsPrincipal viewer, string entityType, string entityKey, string[] fields, CancellationToken ct)
    {
        db.Audit(now, viewer.ActorName(), entityType, entityKey, ViewedAction, new { fields });
        await db.SaveChangesAsync(ct);
    }
}
