using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Accounts;
using OneWindow.Web.Modules.Audit;

namespace OneWindow.Web.Modules.Organization;

/// <summary>A window a member of staff may sit at.</summary>
public sealed record SeatWindow(Guid Id, string Number, string Name);

/// <summary>The window the member of staff sits at (null: not chosen), and the windows they may choose from.</summary>
public sealed record SeatView(Guid? WindowId, string? Number, IReadOnlyList<SeatWindow> Windows);

/// <summary>The window chosen: <c>PUT /api/v1/workbench/window</c>.</summary>
public sealed record ChooseWindowRequest(Guid? WindowId);

/// <summary>
/// 选择坐席窗口: a member of staff says which window they sit at, of their venue's windows they may staff (their
/// department's, or the comprehensive ones for staff of no department). The choice is kept on the server
/// (<see cref="StaffSeat"/>) and the cases they take in are counted against that window.
/// </summary>
public sealed class ChooseWindow(OneWindowDbContext db, WriteUnit unit, UserManager<UserAccount> users, TimeProvider clock)
{
    /// <summary>The windows of a venue that staff of the department (none: comprehensive windows) may sit at.</summary>
    public static IQueryable<Window> Staffable(OneWindowDbContext db, Guid? venueId, Guid? departmentId) =>
        db.Windows.AsNoTracking()
            .Where(w => w.VenueId == venueId && (departmentId == null ? w.Kind == WindowKind.Comprehensive : w.DepartmentId == departmentId));

    public async Task<SeatView> GetAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        var user = await UserAsync(principal, ct);
        return await ViewAsync(user, ct);
    }

    /// <summary>Sits the member of staff at <paramref name="windowId"/> and answers where they sit and may sit.</summary>
    public async Task<SeatView> RunAsync(ClaimsPrincipal principal, Guid? windowId, CancellationToken ct) =>
        await ViewAsync(await SitAsync(principal, windowId, ct), ct);

    /// <summary>Sits the member of staff at <paramref name="windowId"/>; nothing is written when they already sit there.</summary>
    public async Task<UserAccount> SitAsync(ClaimsPrincipal principal, Guid? windowId, CancellationToken ct)
    {
        var user = await UserAsync(principal, ct);
        var window = windowId is { } id
            ? await Staffable(db, user.VenueId, user.DepartmentId).FirstOrDefaultAsync(w => w.Id == id, ct)
            : null;
        if (window is null)
        {
            throw new Domain.DomainRuleException("window.not-yours", "请选择您所在场所中您可以值守的窗口。", "windowId");
        }
        var seat = await db.Set<StaffSeat>().FirstOrDefaultAsync(s => s.UserId == user.Id, ct);
        if (seat?.WindowId != window.Id)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (seat is null)
            {
                db.Set<StaffSeat>().Add(new StaffSeat { UserId = user.Id, WindowId = window.Id, ChosenAt = now });
            }
            else
            {
                seat.WindowId = window.Id;
                seat.ChosenAt = now;
            }
            db.Audit(now, principal.ActorName(), "StaffSeat", user.Id, "chosen", new { window.Number });
            await unit.SaveAsync(ct);
        }
        return user;
    }

    private async Task<UserAccount> UserAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        var id = users.GetUserId(principal) ?? throw new ForbiddenException("auth.required", "请先登录。");
        return await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id && u.IsActive, ct)
            ?? throw new ForbiddenException("auth.required", "请先登录。");
    }

    private async Task<SeatView> ViewAsync(UserAccount user, CancellationToken ct)
    {
        var windows = await Staffable(db, user.VenueId, user.DepartmentId).OrderBy(w => w.Number).Take(100)
            .Select(w => new SeatWindow(w.Id, w.Number, w.Name)).ToListAsync(ct);
        var seated = await db.Set<StaffSeat>().AsNoTracking().Where(s => s.UserId == user.Id).Select(s => (Guid?)s.WindowId).FirstOrDefaultAsync(ct);
        var current = windows.FirstOrDefault(w => w.Id == seated);
        return new SeatView(current?.Id, current?.Number, windows);
    }
}
