using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Catalog;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;

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

    public static readonly Func<OneWindowDbContext, Guid, Task<Venue?>> VenueById = EF.CompileAsyncQuery(
        (OneWindowDbContext db, Guid id) => db.Venues.AsNoTracking().FirstOrDefault(v => v.Id == id));

    /// <summary>The clerk's window: of their department's windows at the venue (or its comprehensive ones), the one authorized for the item, else the first.</summary>
    public static readonly Func<OneWindowDbContext, Guid, Guid?, string, Task<Guid?>> ClerkWindow = EF.CompileAsyncQuery(
        (OneWindowDbContext db, Guid venueId, Guid? department, string itemCode) => db.Windows
            .Where(w => w.VenueId == venueId && (department == null ? w.Kind == WindowKind.Comprehensive : w.DepartmentId == department))
            .OrderByDescending(w => db.WindowItems.Any(a => a.WindowId == w.Id && a.ItemCode == itemCode)).ThenBy(w => w.Number)
            .Select(w => (Guid?)w.Id).FirstOrDefault());

    public static readonly Func<OneWindowDbContext, Guid, Task<string?>> DepartmentName = EF.CompileAsyncQuery(
        (OneWindowDbContext db, Guid id) => db.Departments.Where(d => d.Id == id).Select(d => d.Name).FirstOrDefault());
}
