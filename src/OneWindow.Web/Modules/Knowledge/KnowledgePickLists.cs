using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Knowledge;

/// <summary>The choices of the knowledge pages: the hotline's categories under their parents, the departments (the owners).</summary>
public static class KnowledgePickLists
{
    public static async Task<List<SelectListItem>> CategoriesAsync(OneWindowDbContext db, string? selected, string empty, CancellationToken ct)
    {
        var all = await db.Set<HotlineCategory>().AsNoTracking().Where(c => c.Active).OrderBy(c => c.SortOrder).Take(500).ToListAsync(ct);
        var groups = all.Where(c => c.ParentCode is null).ToDictionary(c => c.Code, c => new SelectListGroup { Name = c.Name });
        var items = new List<SelectListItem> { new(Text.Translate(empty), "") };
        items.AddRange(all.Where(c => c.ParentCode is not null).Select(c => new SelectListItem(c.Name, c.Code, c.Code == selected) { Group = groups.GetValueOrDefault(c.ParentCode!) }));
        return items;
    }

    public static async Task<List<SelectListItem>> DepartmentsAsync(OneWindowDbContext db, Guid? selected, string? empty, CancellationToken ct)
    {
        var all = await db.Departments.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Name).Select(d => new { d.Id, d.Name }).Take(500).ToListAsync(ct);
        var items = empty is null ? new List<SelectListItem>() : [new(Text.Translate(empty), "")];
        items.AddRange(all.Select(d => new SelectListItem(d.Name, d.Id.ToString(), d.Id == selected)));
        return items;
    }
}
