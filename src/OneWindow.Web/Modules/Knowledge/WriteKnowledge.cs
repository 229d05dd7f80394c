using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Hotline;
using OneWindow.Domain.Knowledge;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Accounts;
using OneWindow.Web.Modules.Audit;

namespace OneWindow.Web.Modules.Knowledge;

/// <summary>
/// The common path of the knowledge base's writes: who writes, the checks against other modules' data (the category
/// of the hotline's tree, the department, the service item), the revision the editor saw (another's save in between
/// is a 409, never an overwrite), the domain's step, the search postings and the audit entry, in one write unit.
/// </summary>
public sealed class WriteKnowledge(OneWindowDbContext db, WriteUnit unit, UserManager<UserAccount> users, TimeProvider clock)
{
    public Task<KnowledgeAuthor> AuthorAsync(ClaimsPrincipal principal) => KnowledgeStaff.AuthorAsync(principal, users, db);

    public async Task<KnowledgeEntry> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Set<KnowledgeEntry>().FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException("知识库条目不存在。");

    /// <summary>The draft's references exist: an active category, a department, a published service item.</summary>
    public async Task<string> CheckAsync(KnowledgeDraft draft, CancellationToken ct)
    {
        var code = draft.CategoryCode?.Trim() ?? "";
        var category = code.Length == 0 ? null
            : await db.Set<HotlineCategory>().AsNoTracking().Where(c => c.Code == code && c.Active).Select(c => c.Name).FirstOrDefaultAsync(ct);
        if (code.Length > 0 && category is null)
        {
            throw new DomainRuleException("knowledge.category-unknown", "诉求分类不存在。", "categoryCode");
        }
        if (draft.DepartmentId != Guid.Empty && !await db.Departments.AsNoTracking().AnyAsync(d => d.Id == draft.DepartmentId, ct))
        {
            throw new DomainRuleException("knowledge.department-unknown", "部门不存在。", "departmentId");
        }
        var item = draft.ServiceItemCode?.Trim();
        if (!string.IsNullOrEmpty(item) && !await db.ServiceItems.AsNoTracking().AnyAsync(i => i.Code == item, ct))
        {
            throw new DomainRuleException("knowledge.item-unknown", $"事项 {item} 不存在。", "serviceItemCode");
        }
        return category ?? "";
    }

    /// <summary>Saves a new or changed entry: its postings replaced (none while withdrawn), the audit entry, in one unit.</summary>
    public async Task SaveAsync(KnowledgeEntry entry, KnowledgeEntryVersion? version, string categoryName, string actor, string action, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await unit.RunAsync(async t =>
        {
            if (version is not null)
            {
                db.Set<KnowledgeEntryVersion>().Add(version);
            }
            await KnowledgeIndex.ReplaceAsync(db, KnowledgeIndex.EntryKey(entry.Id),
                entry.Status == KnowledgeStatus.Published ? KnowledgeIndex.WeightsOf(entry, categoryName) : null, t);
            db.Audit(now, actor, "KnowledgeEntry", entry.Id.ToString(), action, new { entry.Version, entry.Status });
        }, ct);
    }

    public static void RequireRevision(KnowledgeEntry entry, int revision)
    {
        if (entry.Revision != revision)
        {
            throw new DbUpdateConcurrencyException($"Knowledge entry {entry.Id} is at revision {entry.Revision}, not {revision}.");
        }
    }

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => ChinaTime.DateOf(Now);

    public async Task<string> CategoryNameAsync(string code, CancellationToken ct) =>
        await db.Set<HotlineCategory>().AsNoTracking().Where(c => c.Code == code).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "";
}
