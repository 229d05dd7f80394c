using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Supervision;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>
/// The hotline's live figures on the supervision dashboard and the big screen (ADR 0028): today's calls and orders
/// registered, on the (RegisteredAt, Channel) index; the open orders by state, on the queues' (Status, QueueAt, Id)
/// index, whose range holds the open states only; and the overdue, which are the head of the same index — an order
/// waiting to be signed for, in handling or awaiting the callback is queued by that very limit (<see cref="WorkOrder.QueueAt"/>).
/// Each figure links to the list behind it (<c>/hotline/oversight/…</c>).
/// </summary>
public sealed class HotlineFigures : IDashboardPanel
{
    private static readonly WorkOrderStatus[] Open =
    [
        WorkOrderStatus.Registered, WorkOrderStatus.Dispatched, WorkOrderStatus.ReturnRequested, WorkOrderStatus.Handling, WorkOrderStatus.Replied,
        WorkOrderStatus.AwaitingCallback, WorkOrderStatus.Unsatisfied,
    ];

    public async Task<FigurePanel> ComputeAsync(OneWindowDbContext db, DateTime now, CancellationToken ct)
    {
        var orders = db.Set<WorkOrder>().AsNoTracking();
        var dayStart = ChinaTime.StartOfDayUtc(ChinaTime.DateOf(now));
        var today = await orders.Where(o => o.RegisteredAt >= dayStart && o.RegisteredAt <= now)
            .GroupBy(o => o.Channel).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var open = await orders.Where(o => Open.Contains(o.Status))
            .GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var overdue = await orders.Where(o => (o.Status == WorkOrderStatus.Dispatched || o.Status == WorkOrderStatus.Handling || o.Status == WorkOrderStatus.AwaitingCallback) && o.QueueAt < now)
            .GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

        PanelFigure Queue(string label, CenterList list, int value, bool alarm = false) => new(label, value, $"/hotline/oversight/{list}", alarm);
        return new FigurePanel("12345 热线",
        [
            new("今日来电", today.GetValueOrDefault(WorkOrderChannel.Phone), null),
            new("今日登记工单", today.Values.Sum(), null),
            Queue("待处置", CenterList.Registered, open.GetValueOrDefault(WorkOrderStatus.Registered)),
            Queue("待签收", CenterList.Dispatched, open.GetValueOrDefault(WorkOrderStatus.Dispatched)),
            Queue("退单待裁定", CenterList.Objections, open.GetValueOrDefault(WorkOrderStatus.ReturnRequested)),
            Queue("办理中", CenterList.Handling, open.GetValueOrDefault(WorkOrderStatus.Handling)),
            Queue("答复待审核", CenterList.Review, open.GetValueOrDefault(WorkOrderStatus.Replied)),
            Queue("待回访", CenterList.Callback, open.GetValueOrDefault(WorkOrderStatus.AwaitingCallback)),
            Queue("回访不满意", CenterList.Unsatisfied, open.GetValueOrDefault(WorkOrderStatus.Unsatisfied)),
            Queue("签收超时", CenterList.SignOverdue, overdue.GetValueOrDefault(WorkOrderStatus.Dispatched), alarm: true),
            Queue("答复超时", CenterList.ReplyOverdue, overdue.GetValueOrDefault(WorkOrderStatus.Handling), alarm: true),
            Queue("回访超时", CenterList.CallbackOverdue, overdue.GetValueOrDefault(WorkOrderStatus.AwaitingCallback), alarm: true),
        ]);
    }
}
