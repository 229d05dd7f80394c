using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Audit;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>
/// 修改分类: renames, moves (another group, or the top), sets the default unit, the statutory limit and the place, on
/// the revision the editor loaded (another's change in between is a 409, never an overwrite). The code stays, so the
/// orders filed under the category keep it; a limit changed here applies to orders dispatched afterwards.
/// </summary>
public sealed class EditCategory(OneWindowDbContext db, WriteUnit unit, TimeProvider clock)
{
    public async Task<HotlineCategory> RunAsync(string code, CategoryForm form, string actor, CancellationToken ct)
    {
        var category = await db.Set<HotlineCategory>().FirstOrDefaultAsync(c => c.Code == code, ct) ?? throw new NotFoundException("分类不存在。");
        if (form.Revision is not { } revision || category.Revision != revision)
        {
            throw new DbUpdateConcurrencyException($"Category {code} is at revision {category.Revision}, not {form.Revision}.");
        }
        var parent = await CategoryTree.ParentAsync(db, form.ParentCode, ct);
        await CategoryTree.EnsureUnitAsync(db, form.DefaultUnitId, ct);
        var hasChildren = await db.Set<HotlineCategory>().AsNoTracking().AnyAsync(c => c.ParentCode == code, ct);
        var before = new { category.Name, category.ParentCode, category.DefaultUnitId, category.HandlingWorkingDays, category.SortOrder };
        category.Edit(form.Name ?? "", form.DefaultUnitId, form.HandlingWorkingDays, form.SortOrder);
        category.MoveUnder(parent, hasChildren);
        await unit.RunAsync(t =>
        {
            db.Audit(clock.GetUtcNow().UtcDateTime, actor, "HotlineCategory", category.Code, "edited",
                new { before, after = new { category.Name, category.ParentCode, category.DefaultUnitId, category.HandlingWorkingDays, category.SortOrder } });
            return Task.CompletedTask;
        }, ct);
        return category;
    }
}
