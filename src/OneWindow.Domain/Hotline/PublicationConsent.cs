namespace OneWindow.Domain.Hotline;

/// <summary>
/// The caller's consent to publishing the order as a typical order (典型工单), an event in the order's sealed record like
/// every other action: given on the public form or recorded by the operator at the registration or the callback (回访,
/// when it is usually asked), refused, or withdrawn by the caller (tracking with the number and the phone's last four
/// digits) or by the operator. A withdrawal unpublishes the typical order at once (<c>ConsentWithdrawn</c>).
/// </summary>
public sealed partial class WorkOrder
{
    /// <summary>Null: not asked; true: the caller consented to publication; false: refused or withdrawn.</summary>
    public bool? PublicationConsent { get; private set; }

    /// <summary>
    /// Records the caller's answer. The center records either answer at any time; the caller, online, only withdraws a
    /// consent given. The same answer again adds nothing (the callback's form always carries the question).
    /// </summary>
    public void RecordPublicationConsent(bool consent, string? note, HotlineParty by, DateTime now)
    {
        if (by == HotlineParty.Caller)
        {
            if (consent)
            {
                throw new ActionNotAllowedException("hotline.consent-by-center", "同意公开须在提交时勾选，或在回访时告知热线工作人员。");
            }
            if (PublicationConsent != true)
            {
                throw new DomainRuleException("hotline.consent-not-given", "您没有同意公开此工单，无需撤回。");
            }
        }
        else if (!by.IsCenter)
        {
            throw new ActionNotAllowedException("hotline.center-only", "只有 12345 热线中心可以记录来电人是否同意公开。");
        }
        SetPublicationConsent(consent, note, by, now);
    }

    /// <summary>At the registration: the caller's own box on the public form, or the operator's record of what the caller said.</summary>
    private void SetPublicationConsent(bool consent, string? note, HotlineParty by, DateTime now)
    {
        if (PublicationConsent == consent)
        {
            return;
        }
        var action = consent ? "consent-given" : PublicationConsent == true ? "consent-withdrawn" : "consent-refused";
        PublicationConsent = consent;
        Append(by, now, action, Status, Optional(note, MaxNoteLength, "note"), new { consent });
    }
}
