using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Data;

namespace OneWindow.Web.Infrastructure;

/// <summary>The option lists several admin forms share.</summary>
public static class PickLists
{
    /// <summary>Departments in their display order, optionally led by an empty choice.</summary>
    public static async Task<List<SelectListItem>> DepartmentsAsync(OneWindowDbContext db, Guid? selected, string? emptyChoice, CancellationToken ct)
    {
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.SortOrder).Select(d => new { d.Id, d.Name }).Take(500).ToListAsync(ct);
        var list = departments.Select(d => new SelectListItem(d.Name, d.Id.ToString(), d.Id == selected)).ToList();
        if (emptyChoice is not null)
        {
            list.Insert(0, new SelectListItem(Text.Translate(emptyChoice), ""));
        }
        return list;
    }

    /// <summary>An enum's values as choices, named in the page's language.</summary>
    public static IEnumerable<SelectListItem> Options<T>(T selected, Func<T, string> name) where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new SelectListItem(name(v), v.ToString(), v.Equals(selected)));

    /// <summary>The staff roles as choices.</summary>
    public static IEnumerable<SelectListItem> RoleOptions(string selected) =>
        OneWindow.Domain.StaffRoles.All.Select(r => new SelectListItem(EnumText.RoleName(r), r, r == selected));

    /// <summary>Published items by code, for authorization check-lists.</summary>
    public static async Task<List<(string Code, string Name)>> PublishedItemsAsync(OneWindowDbContext db, CancellationToken ct) =>
        [.. (await db.ServiceItemVersions.AsNoTracking().Where(v => v.Status == VersionStatus.Published).OrderBy(v => v.ItemCode)
            .Select(v => new { v.ItemCode, v.Name }).Take(5000).ToListAsync(ct)).Select(v => (v.ItemCode, v.Name))];
}
