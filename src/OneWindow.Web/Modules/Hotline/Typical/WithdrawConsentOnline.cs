using OneWindow.Domain;
using OneWindow.Domain.Hotline;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>
/// 撤回公开同意: the caller, with the order number and the phone's last four digits (the tracking page), withdraws the
/// consent to publication; a typical order written of it leaves the public page at once.
/// </summary>
public sealed class WithdrawConsentOnline(TrackWorkOrder track, ActOnWorkOrder act)
{
    public async Task<WorkOrder> RunAsync(string? number, string? tail, CancellationToken ct)
    {
        var (order, locked) = await track.FindAsync(number, tail, tracked: true, ct);
        if (locked > TimeSpan.Zero)
        {
            throw new DomainRuleException("hotline.tracking-locked", TrackWorkOrder.LockedMessage(locked));
        }
        if (order is null)
        {
            throw new Infrastructure.NotFoundException("没有找到该工单，请核对工单编号和手机号后四位。");
        }
        return await act.RunAsync(HotlineParty.Caller, "public", order, order.Revision, "consent-withdrawn",
            (o, by, m) => o.RecordPublicationConsent(false, null, by, m.Now), ct);
    }
}
