using OneWindow.Domain;
using OneWindow.Domain.Hotline;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>
/// 网上评价: the caller, with the order number and the phone's last four digits, says whether the matter was resolved
/// and how satisfied they are, in place of the center's callback (the same rule: only while the callback is due).
/// </summary>
public sealed class RateWorkOrderOnline(TrackWorkOrder track, ActOnWorkOrder act)
{
    public async Task<WorkOrder> RunAsync(string? number, string? tail, bool resolved, Satisfaction satisfaction, string? comment, CancellationToken ct)
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
        var revision = order.Revision;
        return await act.RunAsync(HotlineParty.Caller, "public", order, revision, "rated-online",
            (o, by, m) => o.RecordCallback(CallbackMethod.Online, resolved, satisfaction, comment, by, m.Now), ct);
    }
}
