using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Open311;

/// <summary>A category as an Open311 service: the leaves of the tree, grouped by their parent.</summary>
public sealed record Open311Service(string Code, string Name, string? Description, string? Keywords, string? Group, IReadOnlyList<CategoryQuestion> Attributes)
{
    /// <summary>Whether the service asks for more than the content and the place (its definition has attributes to answer or read).</summary>
    public bool Metadata => Attributes.Count > 0;
}

/// <summary>
/// The category tree as services (GET services, GET services/{code}): every active category that has no sub-category
/// (in use or retired) is a service a request can be sent to, its parent's name the group. A group whose categories are
/// all retired is still a group, not a service (ADR 0034). The tree is the county's configuration, a few dozen rows:
/// read whole, by its index order.
/// </summary>
public sealed class Open311Services(OneWindowDbContext db)
{
    public async Task<IReadOnlyList<Open311Service>> AllAsync(CancellationToken ct)
    {
        var all = await db.Set<HotlineCategory>().AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToListAsync(ct);
        var names = all.ToDictionary(c => c.Code, c => c.Name, StringComparer.Ordinal);
        var parents = all.Where(c => c.ParentCode is not null).Select(c => c.ParentCode!).ToHashSet(StringComparer.Ordinal);
        return [.. all.Where(c => c.Active && !parents.Contains(c.Code)).Select(c => new Open311Service(c.Code, c.Name, c.Description, c.Keywords,
            c.ParentCode is { } p && names.TryGetValue(p, out var group) ? group : null, c.Attributes))];
    }

    /// <summary>The service of that code, or null when no active leaf category has it.</summary>
    public async Task<Open311Service?> FindAsync(string? code, CancellationToken ct)
    {
        code = code?.Trim();
        if (string.IsNullOrEmpty(code) || code.Length > HotlineCategory.MaxCodeLength)
        {
            return null;
        }
        var category = await db.Set<HotlineCategory>().AsNoTracking().FirstOrDefaultAsync(c => c.Code == code && c.Active, ct);
        if (category is null || await db.Set<HotlineCategory>().AsNoTracking().AnyAsync(c => c.ParentCode == code, ct))
        {
            return null;
        }
        var group = category.ParentCode is { } parent
            ? await db.Set<HotlineCategory>().AsNoTracking().Where(c => c.Code == parent).Select(c => c.Name).FirstOrDefaultAsync(ct)
            : null;
        return new Open311Service(category.Code, category.Name, category.Description, category.Keywords, group, category.Attributes);
    }
}
