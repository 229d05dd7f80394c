using System.Security.Claims;
using OneWindow.Domain.Hotline;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>撤下典型工单: off the public page, on the revision the staff saw; it can be published again while the consent stands.</summary>
public sealed class UnpublishTypicalOrder(ActOnTypicalOrder act)
{
    public Task<TypicalOrder> RunAsync(ClaimsPrincipal principal, Guid id, int revision, CancellationToken ct) =>
        act.RunAsync(principal, id, revision, "unpublished", (typical, _, m) =>
        {
            typical.Unpublish(m.Actor, m.Now);
            return Task.CompletedTask;
        }, ct);
}
