using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Cases;

/// <summary>A colleague a case may be handed over to: the user name the hand-over names, and the name people know.</summary>
public sealed record HandOverCandidate(string UserName, string DisplayName);

/// <summary>
/// The colleagues a case may be handed over to now: active staff in the case's scope (its department's, or for a
/// comprehensive window its venue's) who hold a role that may act at the case's current node, the person
/// handing over excepted. The hand-over form offers them instead of asking for a user name.
/// </summary>
public static class HandOverCandidates
{
    public const int Max = 50;

    public static async Task<IReadOnlyList<HandOverCandidate>> ForAsync(OneWindowDbContext db, Case c, string exceptUserId, CancellationToken ct)
    {
        var roles = c.RolesAllowedTo(CaseActionNames.Claim).ToList();
        var holders = db.UserRoles.Join(db.Roles.Where(r => roles.Contains(r.Name!)), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId);
        var department = c.DepartmentId;
        var venue = c.ReceivingVenueId;
        return await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.Id != exceptUserId && holders.Contains(u.Id)
                && (u.DepartmentId == department || (u.DepartmentId == null && u.VenueId == venue)))
            .OrderBy(u => u.DisplayName).Take(Max)
            .Select(u => new HandOverCandidate(u.UserName!, u.DisplayName))
            .ToListAsync(ct);
    }
}
