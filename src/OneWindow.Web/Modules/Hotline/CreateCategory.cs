using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Audit;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>新增分类: a group, or a category under an active group, with its default unit and statutory limit; the code is taken once.</summary>
public sealed class CreateCategory(OneWindowDbContext db, WriteUnit unit, TimeProvider clock)
{
    public async Task<HotlineCategory> RunAsync(CategoryForm form, string actor, CancellationToken ct)
    {
        var parent = await CategoryTree.ParentAsync(db, form.ParentCode, ct);
        await CategoryTree.EnsureUnitAsync(db, form.DefaultUnitId, ct);
        var category = HotlineCategory.Create(form.Code ?? "", form.Name ?? "", null, form.DefaultUnitId, form.HandlingWorkingDays, form.SortOrder);
        category.MoveUnder(parent, hasChildren: false);
        if (await db.Set<HotlineCategory>().AsNoTracking().AnyAsync(c => c.Code == category.Code, ct))
        {
            throw new DomainRuleException("hotline.category-code-taken", $"分类编码 {category.Code} 已被使用（停用的分类也占用编码）。", "code");
        }
        await unit.RunAsync(t =>
        {
            db.Add(category);
            db.Audit(clock.GetUtcNow().UtcDateTime, actor, "HotlineCategory", category.Code, "created",
                new { category.Name, category.ParentCode, category.DefaultUnitId, category.HandlingWorkingDays });
            return Task.CompletedTask;
        }, ct);
        return category;
    }
}
