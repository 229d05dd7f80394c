using System.Security.Claims;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>
/// 修改典型工单: a new title, question or answer on the revision the editor loaded (another's change in between is a
/// 409, never an overwrite), screened again; the caller's consent must still stand.
/// </summary>
public sealed class EditTypicalOrder(ActOnTypicalOrder act, OneWindowDbContext db)
{
    public Task<TypicalOrder> RunAsync(ClaimsPrincipal principal, Guid id, int revision, TypicalText text, CancellationToken ct) =>
        act.RunAsync(principal, id, revision, "edited", async (typical, order, m) =>
            typical.Edit(order, text, await TypicalScreen.ContextAsync(db, order, ct), m.Actor, m.Now), ct);
}
