using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Knowledge;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Knowledge;

/// <summary>
/// An answer used: when the operator closes an order on the spot with an entry, its use count goes up in the unit that
/// closes the order (one statement, <c>UseCount = UseCount + 1</c>, so an editor's concurrent save conflicts with
/// neither). A withdrawn or unknown entry refuses the whole unit.
/// </summary>
public sealed class UseEntry(OneWindowDbContext db)
{
    /// <summary>Before the unit: the entry exists and is offered (a clear refusal instead of a rolled-back unit).</summary>
    public async Task CheckAsync(Guid entryId, CancellationToken ct)
    {
        if (!await db.Set<KnowledgeEntry>().AsNoTracking().AnyAsync(e => e.Id == entryId && e.Status == KnowledgeStatus.Published, ct))
        {
            throw new DomainRuleException("knowledge.entry-unavailable", "所选知识库条目不存在或已撤回。", "knowledgeEntryId");
        }
    }

    /// <summary>Inside the write unit that records the answer on the order.</summary>
    public async Task CountAsync(Guid entryId, CancellationToken ct)
    {
        var counted = await db.Set<KnowledgeEntry>().Where(e => e.Id == entryId && e.Status == KnowledgeStatus.Published)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.UseCount, e => e.UseCount + 1), ct);
        if (counted == 0)
        {
            throw new DomainRuleException("knowledge.entry-unavailable", "所选知识库条目不存在或已撤回。", "knowledgeEntryId");
        }
    }
}
