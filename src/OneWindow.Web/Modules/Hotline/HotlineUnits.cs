using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Hotline;

public sealed record HotlineUnitView(Guid Id, string Name, HotlineUnitKind Kind);

/// <summary>The units orders are dispatched to, and the category tree's defaults: read by the desk, the API and the use cases.</summary>
public static class HotlineUnits
{
    public static async Task<IReadOnlyList<HotlineUnitView>> AllAsync(OneWindowDbContext db, CancellationToken ct) =>
        await (from u in db.Set<HotlineUnit>().AsNoTracking()
               join d in db.Departments.AsNoTracking() on u.DepartmentId equals d.Id
               orderby u.Kind, u.SortOrder, d.Name
               select new HotlineUnitView(d.Id, d.Name, u.Kind)).ToListAsync(ct);

    public static async Task<Dictionary<Guid, string>> NamesAsync(OneWindowDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return wanted.Count == 0 ? [] : await db.Departments.AsNoTracking().Where(d => wanted.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
    }

    /// <summary>Refuses, for its field, a lead unit or co-handler that is not a hotline unit.</summary>
    public static async Task EnsureUnitsAsync(OneWindowDbContext db, Guid lead, IReadOnlyCollection<Guid> coHandlers, CancellationToken ct)
    {
        var wanted = coHandlers.Append(lead).Distinct().ToList();
        var known = await db.Set<HotlineUnit>().AsNoTracking().Where(u => wanted.Contains(u.DepartmentId)).Select(u => u.DepartmentId).ToListAsync(ct);
        if (!known.Contains(lead))
        {
            throw new DomainRuleException("hotline.unit-unknown", "请选择承办单位列表中的主办单位。", "leadUnitId");
        }
        if (wanted.Except(known).Any())
        {
            throw new DomainRuleException("hotline.unit-unknown", "协办单位须是承办单位列表中的单位。", "coHandlerIds");
        }
    }

    /// <summary>The working days a category's law gives its matters, when longer than the type's.</summary>
    public static Task<int?> CategoryDaysAsync(OneWindowDbContext db, string code, CancellationToken ct) =>
        db.Set<HotlineCategory>().AsNoTracking().Where(c => c.Code == code).Select(c => c.HandlingWorkingDays).FirstOrDefaultAsync(ct);
}
