using System.Security.Claims;
using OneWindow.Domain.Knowledge;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Knowledge;

/// <summary>新增条目: published at once as its version 1, and found by the search from the same unit on.</summary>
public sealed class CreateEntry(WriteKnowledge write, OneWindowDbContext db)
{
    public async Task<KnowledgeEntry> RunAsync(ClaimsPrincipal principal, KnowledgeDraft draft, CancellationToken ct)
    {
        var by = await write.AuthorAsync(principal);
        var category = await write.CheckAsync(draft, ct);
        var (entry, version) = KnowledgeEntry.Create(draft, by, write.Now, write.Today);
        db.Add(entry);
        await write.SaveAsync(entry, version, category, principal.ActorName(), "created", ct);
        return entry;
    }
}
