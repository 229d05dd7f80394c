using System.Security.Claims;
using OneWindow.Domain.Hotline;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>
/// 回访: the center's call or SMS records whether the matter was resolved and the caller's satisfaction, and, when the
/// caller was asked, whether the order may be published as a typical order (ADR 0037).
/// </summary>
public sealed class CallBack(ActOnWorkOrder act)
{
    public Task<WorkOrder> RunAsync(ClaimsPrincipal principal, Guid id, int revision, CallbackMethod method, bool resolved, Satisfaction satisfaction, string? note, CancellationToken ct,
        bool? publicationConsent = null) =>
        act.RunAsync(principal, id, revision, "called-back", (o, by, m) =>
        {
            o.RecordCallback(method, resolved, satisfaction, note, by, m.Now);
            if (publicationConsent is { } consent)
            {
                o.RecordPublicationConsent(consent, null, by, m.Now);
            }
        }, ct);
}
