using System.Security.Claims;
using OneWindow.Domain.Knowledge;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Knowledge;

/// <summary>撤回 / 重新发布: an entry leaves the search (its postings go) or comes back to it; it stays readable either way.</summary>
public sealed class WithdrawEntry(WriteKnowledge write)
{
    public async Task<KnowledgeEntry> RunAsync(ClaimsPrincipal principal, Guid id, int revision, bool withdraw, CancellationToken ct)
    {
        var by = await write.AuthorAsync(principal);
        var entry = await write.LoadAsync(id, ct);
        WriteKnowledge.RequireRevision(entry, revision);
        if (withdraw)
        {
            entry.Withdraw(by, write.Now);
        }
        else
        {
            entry.Publish(by, write.Now, write.Today);
        }
        await write.SaveAsync(entry, null, await write.CategoryNameAsync(entry.CategoryCode, ct), principal.ActorName(), withdraw ? "withdrawn" : "published", ct);
        return entry;
    }
}
