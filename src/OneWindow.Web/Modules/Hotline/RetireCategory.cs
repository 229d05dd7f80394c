using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Audit;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>
/// 停用 / 启用分类 on the revision the editor loaded: a retired category takes no new orders and leaves the pick lists
/// and Open311's services; the orders already filed under it keep it.
/// </summary>
public sealed class RetireCategory(OneWindowDbContext db, WriteUnit unit, TimeProvider clock)
{
    public async Task<HotlineCategory> RunAsync(string code, bool active, int revision, string actor, CancellationToken ct)
    {
        var category = await db.Set<HotlineCategory>().FirstOrDefaultAsync(c => c.Code == code, ct) ?? throw new NotFoundException("分类不存在。");
        if (category.Revision != revision)
        {
            throw new DbUpdateConcurrencyException($"Category {code} is at revision {category.Revision}, not {revision}.");
        }
        var hasActiveChildren = await db.Set<HotlineCategory>().AsNoTracking().AnyAsync(c => c.ParentCode == code && c.Active, ct);
        var parent = category.ParentCode is { } p ? await db.Set<HotlineCategory>().AsNoTracking().FirstOrDefaultAsync(c => c.Code == p, ct) : null;
        category.SetActive(active, hasActiveChildren, parent);
        await unit.RunAsync(t =>
        {
            db.Audit(clock.GetUtcNow().UtcDateTime, actor, "HotlineCategory", category.Code, active ? "restored" : "retired");
            return Task.CompletedTask;
        }, ct);
        return category;
    }
}
