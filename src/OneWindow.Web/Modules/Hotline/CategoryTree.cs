using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>What the category editor sends: the code only when adding; the revision it was loaded at when changing.</summary>
public sealed record CategoryForm(string? Code, string? Name, string? ParentCode, Guid? DefaultUnitId, int? HandlingWorkingDays, int SortOrder, int? Revision = null);

/// <summary>One category as the editor lists it, retired ones included, with how many categories are under it.</summary>
public sealed record CategoryRow(string Code, string Name, string? ParentCode, Guid? DefaultUnitId, string? DefaultUnitName, int? HandlingWorkingDays, int SortOrder,
    bool Active, int Revision, int Children);

public sealed record CategoryRowPage(IReadOnlyList<CategoryRow> Items, string? Next);

/// <summary>
/// The category tree as the center administrator edits it (诉求分类维护): one level at a time — the groups, or the
/// categories under one group — on the (ParentCode, SortOrder) index, paged by (SortOrder, Code); and the checks the
/// add and the change share.
/// </summary>
public static class CategoryTree
{
    public const int PageSize = 50;

    public static async Task<CategoryRowPage> LevelAsync(OneWindowDbContext db, string? parentCode, string? after, CancellationToken ct)
    {
        var parent = string.IsNullOrWhiteSpace(parentCode) ? null : parentCode.Trim();
        var q = db.Set<HotlineCategory>().AsNoTracking().Where(c => c.ParentCode == parent);
        if (ParseCursor(after) is { } cursor)
        {
#pragma warning disable CA1309 // Translated to SQL: the database compares, in the order of the keyset.
            q = q.Where(c => c.SortOrder >= cursor.Sort && (c.SortOrder > cursor.Sort || string.Compare(c.Code, cursor.Code) > 0));
#pragma warning restore CA1309
        }
        var rows = await q.OrderBy(c => c.SortOrder).ThenBy(c => c.Code).Take(PageSize + 1).ToListAsync(ct);
        string? next = null;
        if (rows.Count > PageSize)
        {
            rows.RemoveAt(PageSize);
            next = $"{rows[^1].SortOrder}_{rows[^1].Code}";
        }
        var codes = rows.Select(r => r.Code).ToList();
        var children = parent is null
            ? await db.Set<HotlineCategory>().AsNoTracking().Where(c => c.ParentCode != null && codes.Contains(c.ParentCode))
                .GroupBy(c => c.ParentCode!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct)
            : [];
        var units = await HotlineUnits.NamesAsync(db, rows.Where(r => r.DefaultUnitId is not null).Select(r => r.DefaultUnitId!.Value), ct);
        return new([.. rows.Select(c => new CategoryRow(c.Code, c.Name, c.ParentCode, c.DefaultUnitId, c.DefaultUnitId is { } u ? units.GetValueOrDefault(u) : null,
            c.HandlingWorkingDays, c.SortOrder, c.Active, c.Revision, children.GetValueOrDefault(c.Code)))], next);
    }

    public static async Task<CategoryRow?> FindAsync(OneWindowDbContext db, string code, CancellationToken ct)
    {
        var c = await db.Set<HotlineCategory>().AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct);
        if (c is null)
        {
            return null;
        }
        var children = await db.Set<HotlineCategory>().AsNoTracking().CountAsync(x => x.ParentCode == c.Code, ct);
        var unit = c.DefaultUnitId is { } u ? (await HotlineUnits.NamesAsync(db, [u], ct)).GetValueOrDefault(u) : null;
        return new CategoryRow(c.Code, c.Name, c.ParentCode, c.DefaultUnitId, unit, c.HandlingWorkingDays, c.SortOrder, c.Active, c.Revision, children);
    }

    /// <summary>The groups a category may be placed under (the editor's choice of parent): the active groups, bounded.</summary>
    public static Task<List<CategoryRow>> GroupsAsync(OneWindowDbContext db, CancellationToken ct) =>
        db.Set<HotlineCategory>().AsNoTracking().Where(c => c.ParentCode == null && c.Active).OrderBy(c => c.SortOrder).ThenBy(c => c.Code).Take(200)
            .Select(c => new CategoryRow(c.Code, c.Name, null, c.DefaultUnitId, null, c.HandlingWorkingDays, c.SortOrder, c.Active, c.Revision, 0)).ToListAsync(ct);

    /// <summary>The parent the form names (none: a group), refused for its field when it is not a category.</summary>
    public static async Task<HotlineCategory?> ParentAsync(OneWindowDbContext db, string? parentCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(parentCode))
        {
            return null;
        }
        var code = parentCode.Trim();
        return await db.Set<HotlineCategory>().AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct)
            ?? throw new DomainRuleException("hotline.category-parent-invalid", "上级分类不存在。", "parentCode");
    }

    /// <summary>Refuses, for its field, a default unit that is not one of the units orders are dispatched to.</summary>
    public static async Task EnsureUnitAsync(OneWindowDbContext db, Guid? unitId, CancellationToken ct)
    {
        if (unitId is { } id && !await db.Set<HotlineUnit>().AsNoTracking().AnyAsync(u => u.DepartmentId == id, ct))
        {
            throw new DomainRuleException("hotline.unit-unknown", "默认承办单位须是承办单位列表中的单位。", "defaultUnitId");
        }
    }

    private static (int Sort, string Code)? ParseCursor(string? after)
    {
        var i = after?.IndexOf('_', StringComparison.Ordinal) ?? -1;
        return i > 0 && int.TryParse(after![..i], out var sort) && after.Length > i + 1 ? (sort, after[(i + 1)..]) : null;
    }
}
