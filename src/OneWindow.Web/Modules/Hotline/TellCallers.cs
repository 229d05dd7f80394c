using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Notifications;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>
/// The caller's texts at the later steps (ADR 0034), staged in the action's write unit through the outbox: the order is
/// dispatched (to which unit, also after a ruling), its reply is accepted by the center, it is reopened, and it is
/// concluded — each with the tracking hint. No text without a phone (an anonymous caller who left none). The key is
/// the order and the event's sequence: a retried action is refused as stale before it stages anything, and a text
/// for one event is never sent twice.
/// </summary>
public sealed class TellCallers(OneWindowDbContext db, Outbox outbox)
{
    private const string Hint = "可凭工单编号和手机号后四位在 12345 网站“查询工单”查看。";

    public async Task StageAsync(WorkOrder order, IReadOnlyList<WorkOrderEvent> newEvents, CancellationToken ct)
    {
        if (order.CallerPhone is not { } phone || newEvents.Count == 0)
        {
            return;
        }
        string? unitName = null;
        foreach (var e in newEvents)
        {
            if (e.Action is "dispatched" or "redispatched" or "assigned-by-ruling" or "reopened" && unitName is null && order.LeadUnitId is { } lead)
            {
                unitName = (await HotlineUnits.NamesAsync(db, [lead], ct)).GetValueOrDefault(lead);
            }
            var text = Message(order, e, unitName);
            if (text is not null)
            {
                outbox.Sms(phone, order.CallerName ?? "", text, $"work-order:{order.Id:N}:{e.Sequence}");
            }
        }
    }

    /// <summary>The text for one event, or none when the caller is not told of it.</summary>
    public static string? Message(WorkOrder order, WorkOrderEvent e, string? unitName) => e.Action switch
    {
        "dispatched" or "redispatched" or "assigned-by-ruling" =>
            $"【12345】您反映的问题（工单 {order.Number}）已转交{unitName ?? "承办单位"}办理。{Hint}",
        "reply-accepted" => $"【12345】您反映的问题（工单 {order.Number}）已有办理答复，热线将回访您对办理结果的评价。{Hint}",
        "reopened" => $"【12345】您反映的问题（工单 {order.Number}）已重新交{unitName ?? "承办单位"}办理。{Hint}",
        _ when e.ToStatus == WorkOrderStatus.Concluded && e.FromStatus != WorkOrderStatus.Concluded =>
            $"【12345】您反映的问题（工单 {order.Number}）已办结，感谢您的反映。{Hint}",
        _ => null,
    };
}
