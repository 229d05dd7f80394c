using OneWindow.Web.Modules.Audit;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Catalog;

/// <summary>The administrator's actions on combined items (一件事), each audited.</summary>
public sealed class ManageCombinedItems(OneWindowDbContext db, WriteUnit unit, TimeProvider clock)
{
    public async Task<CombinedItem> SaveAsync(string code, int? expectedRevision, string name, string description, IReadOnlyList<string> members,
        Guid leadDepartmentId, int? promisedLimitDays, DeliveryMethods delivery, IReadOnlyList<string> themes, string actor, CancellationToken ct = default)
    {
        var trimmed = code.Trim();
        if (trimmed.Length is 0 or > 40)
        {
            throw new DomainRuleException("combined.code-invalid", "编码不能为空，最长 40 位。");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var item = await db.CombinedItems.FirstOrDefaultAsync(c => c.Code == trimmed, ct);
        if (item is null)
        {
            item = CombinedItem.Create(trimmed, actor, now);
            db.CombinedItems.Add(item);
        }
        else if (expectedRevision != item.Revision)
        {
            throw new DbUpdateConcurrencyException("The combined item changed since it was loaded.");
        }
        var unknown = members.Except(await db.ServiceItems.Where(i => members.Contains(i.Code)).Select(i => i.Code).ToListAsync(ct)).ToList();
        if (unknown.Count > 0)
        {
            throw new DomainRuleException("catalog.item-unknown", "未知事项编码: " + string.Join(", ", unknown));
        }
        item.Edit(name, description, members, leadDepartmentId, promisedLimitDays, delivery, themes, actor, now);
        db.Audit(now, actor, "CombinedItem", trimmed, "saved", new { name, members, promisedLimitDays });
        await unit.SaveAsync(ct);
        return item;
    }

    public async Task PublishAsync(string code, string actor, CancellationToken ct = default)
    {
        var item = await db.CombinedItems.FirstOrDefaultAsync(c => c.Code == code, ct) ?? throw new NotFoundException("一件事不存在。");
        var codes = item.MemberCodes.ToList();
        var members = await db.ServiceItemVersions.AsNoTracking().Where(v => codes.Contains(v.ItemCode) && v.Status == VersionStatus.Published)
            .Select(v => new { v.ItemCode, v.DepartmentId, v.Guide }).ToListAsync(ct);
        var published = members.ToDictionary(v => v.ItemCode, v => v.DepartmentId);
        // One form for the package (一表通): a question its members share must be asked the same way.
        if (ApplicationForm.Conflicts(members.OrderBy(m => codes.IndexOf(m.ItemCode)).Select(m => (m.Guide.Name, m.Guide))) is { Count: > 0 } conflicts)
        {
            throw new DomainRuleException("combined.form-conflict", "一件事各事项的申请表不能合并：" + string.Join("；", conflicts));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        item.Publish(published, actor, now);
        db.Audit(now, actor, "CombinedItem", code, "published");
        await unit.SaveAsync(ct);
    }

    public async Task WithdrawAsync(string code, string actor, CancellationToken ct = default)
    {
        var item = await db.CombinedItems.FirstOrDefaultAsync(c => c.Code == code, ct) ?? throw new NotFoundException("一件事不存在。");
        var now = clock.GetUtcNow().UtcDateTime;
        item.Withdraw(actor, now);
        db.Audit(now, actor, "CombinedItem", code, "withdrawn");
        await unit.SaveAsync(ct);
    }
}
