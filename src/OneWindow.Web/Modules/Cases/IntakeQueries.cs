using OneWindow.Web.Modules.Accounts;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Catalog;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Organization;

namespace OneWindow.Web.Modules.Cases;

/// <summary>
/// The queries every action and intake asks, compiled once: EF then skips translating and hashing the expression
/// per call, which the profile of an intake showed as a large share of each small query's CPU (ADR 0012).
/// </summary>
internal static class IntakeQueries
{
    public static readonly Func<OneWindowDbContext, string, Task<UserAccount?>> UserById = EF.CompileAsyncQuery(
        (OneWindowDbContext db, string id) => db.Users.AsNoTracking().FirstOrDefault(u => u.Id == id));

    public static readonly Func<OneWindowDbContext, string, Task<Guid?>> PublishedVersionId = EF.CompileAsyncQuery(
        (OneWindowDbContext db, string code) => db.ServiceItemVersions
            .Where(v => v.ItemCode == code && v.Status == VersionStatus.Published).Select(v => (Guid?)v.Id).FirstOrDefault());

    /// <summary>
    /// What a registration at the window reads, in one round trip instead of five: the clerk's account, their venue,
    /// the item's published version and its department's name (for the answer), and the clerk's window — of their
    /// department's windows at the venue (or its comprehensive ones), the one they sit at (<see cref="StaffSeat"/>), else
    /// the one authorized for the item, else the first.
    /// </summary>
#pragma warning disable CA1845 // an expression translated to SQL: Substring is substr/substring there, spans do not translate
    public static readonly Func<OneWindowDbContext, string, string, Task<IntakeReads?>> ForIntake = EF.CompileAsyncQuery(
        (OneWindowDbContext db, string userId, string itemCode) =>
            (from u in db.Users.AsNoTracking()
             where u.Id == userId
             join venue in db.Venues.AsNoTracking() on u.VenueId equals (Guid?)venue.Id into venues
             from v in venues.DefaultIfEmpty() // a join on the key, not a look-up that ranks every venue
             // The published version looked up once, its department joined on the key (none for a combined item's code).
             from item in db.ServiceItemVersions.Where(x => x.ItemCode == itemCode && x.Status == VersionStatus.Published).Take(1).DefaultIfEmpty()
             join department in db.Departments on item!.DepartmentId equals department.Id into departments
             from d in departments.DefaultIfEmpty()
             select new IntakeReads(
                 u,
                 v,
                 item == null ? null : item.Id,
                 d == null ? null : d.Name,
                 db.Windows
                     .Where(w => w.VenueId == u.VenueId && (u.DepartmentId == null ? w.Kind == WindowKind.Comprehensive : w.DepartmentId == u.DepartmentId))
                     .OrderByDescending(w => db.Set<StaffSeat>().Any(s => s.UserId == u.Id && s.WindowId == w.Id))
                     .ThenByDescending(w => db.WindowItems.Any(a => a.WindowId == w.Id && a.ItemCode == itemCode)).ThenBy(w => w.Number)
                     .Select(w => (Guid?)w.Id).FirstOrDefault(),
                 // The venue's tier-list line for the item (下沉清单; none at the county center): intake is checked against it.
                 db.Set<VenueItem>().Where(i => i.VenueId == u.VenueId && i.ItemCode == itemCode).Select(i => (TierItemRole?)i.Role).FirstOrDefault(),
                 // A town hall's own department (本级办理机构), which decides the items its list marks Decide: its name for the answer.
                 v == null || v.OwnDepartmentId == null ? null : db.Departments.Where(o => o.Id == v.OwnDepartmentId).Select(o => o.Name).FirstOrDefault(),
                 // At a village room: its town hall's line for the item and the hall's own department (a town-own item taken
                 // in at a village is the town's). The town's code is the village's first nine digits; read only for a room.
                 v == null || v.Tier != VenueTier.VillageRoom ? null
                     : (from h in db.Venues where h.Tier == VenueTier.TownHall && h.RegionCode == v.RegionCode.Substring(0, 9) + "000"
                        join i in db.Set<VenueItem>() on h.Id equals i.VenueId
                        where i.ItemCode == itemCode
                        select (TierItemRole?)i.Role).FirstOrDefault(),
                 v == null || v.Tier != VenueTier.VillageRoom ? null
                     : db.Venues.Where(h => h.Tier == VenueTier.TownHall && h.RegionCode == v.RegionCode.Substring(0, 9) + "000")
                         .Select(h => h.OwnDepartmentId).FirstOrDefault(),
                 v == null || v.Tier != VenueTier.VillageRoom ? null
                     : (from h in db.Venues where h.Tier == VenueTier.TownHall && h.RegionCode == v.RegionCode.Substring(0, 9) + "000"
                        join o in db.Departments on h.OwnDepartmentId equals o.Id
                        select o.Name).FirstOrDefault()))
            .FirstOrDefault());
#pragma warning restore CA1845

    public static readonly Func<OneWindowDbContext, Guid, Task<string?>> DepartmentName = EF.CompileAsyncQuery(
        (OneWindowDbContext db, Guid id) => db.Departments.Where(d => d.Id == id).Select(d => d.Name).FirstOrDefault());
}

/// <summary>The reads of a registration (<see cref="IntakeQueries.ForIntake"/>).</summary>
internal sealed record IntakeReads(UserAccount User, Venue? Venue, Guid? PublishedVersionId, string? ItemDepartmentName, Guid? WindowId, TierItemRole? TierRole, string? OwnDepartmentName,
    TierItemRole? TownHallRole, Guid? TownHallOwnDepartmentId, string? TownHallOwnDepartmentName);
