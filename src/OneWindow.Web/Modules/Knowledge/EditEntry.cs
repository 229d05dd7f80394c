using System.Security.Claims;
using OneWindow.Domain.Knowledge;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Knowledge;

/// <summary>修改条目: a new version on the revision the editor saw; the old version stays readable. Also how an entry is reviewed (a new review day).</summary>
public sealed class EditEntry(WriteKnowledge write)
{
    public async Task<KnowledgeEntry> RunAsync(ClaimsPrincipal principal, Guid id, int revision, KnowledgeDraft draft, CancellationToken ct)
    {
        var by = await write.AuthorAsync(principal);
        var entry = await write.LoadAsync(id, ct);
        WriteKnowledge.RequireRevision(entry, revision);
        var category = await write.CheckAsync(draft, ct);
        var version = entry.Edit(draft, by, write.Now, write.Today);
        await write.SaveAsync(entry, version, category, principal.ActorName(), "edited", ct);
        return entry;
    }
}
