using System.Security.Claims;
using OneWindow.Domain.Hotline;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>
/// 公开意愿: the operator records whether the caller consents to the order's publication as a typical order (asked at
/// the registration or the callback, or told later), or that the caller withdrew it. A withdrawal unpublishes the
/// typical order in the same transaction (<see cref="TypicalOrderHook"/>).
/// </summary>
public sealed class RecordConsent(ActOnWorkOrder act)
{
    public Task<WorkOrder> RunAsync(ClaimsPrincipal principal, Guid id, int revision, bool consent, string? note, CancellationToken ct) =>
        act.RunAsync(principal, id, revision, consent ? "consent-given" : "consent-withdrawn", (o, by, m) => o.RecordPublicationConsent(consent, note, by, m.Now), ct);
}
