using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>The center's queues (队列): each one state, or the orders with an extension to decide.</summary>
public enum CenterList
{
    Registered = 1, // 待处置
    Objections = 2, // 退单待裁定
    Extensions = 3, // 延期待审批
    Review = 4,     // 答复待审核
    Callback = 5,   // 待回访
    Unsatisfied = 6, // 不满意待处理
    Handling = 7,   // 办理中 (all units)
    Dispatched = 8, // 待签收 (all units)
    // The overdue (ADR 0028): the head of a queue that is sorted by its limit.
    SignOverdue = 9,     // 签收超时
    ReplyOverdue = 10,   // 答复超时
    CallbackOverdue = 11, // 回访超时
}

/// <summary>One order in a list; no caller data.</summary>
public sealed record WorkOrderRow(Guid Id, string Number, int Revision, WorkOrderStatus Status, WorkOrderType Type, WorkOrderUrgency Urgency, string CategoryCode,
    string? CategoryName, string Excerpt, string RegionCode, Guid? LeadUnitId, string? LeadUnitName, DateTime RegisteredAt, DateTime QueueAt, DateTime? DeadlineAt,
    bool Overdue, bool HasPendingExtension, int ReopenCount, int ReturnCount, int SendBackCount);

public sealed record WorkOrderPage(IReadOnlyList<WorkOrderRow> Items, string? Next);

/// <summary>
/// The lists of orders, each paged by key on its index: a center queue by (Status, QueueAt, Id), a unit's inbox by
/// (LeadUnitId, AtUnit, QueueAt, Id) — the nearest limit first —, the pending extensions on their partial index, and
/// a caller's earlier orders by (CallerPhone, RegisteredAt).
/// </summary>
public static class WorkOrderQueries
{
    public const int PageSize = 30;
    public const int HistorySize = 20;

    public static async Task<WorkOrderPage> QueueAsync(OneWindowDbContext db, CenterList queue, string? after, DateTime now, CancellationToken ct)
    {
        var orders = db.Set<WorkOrder>().AsNoTracking();
        orders = queue switch
        {
            CenterList.Registered => orders.Where(o => o.Status == WorkOrderStatus.Registered),
            CenterList.Objections => orders.Where(o => o.Status == WorkOrderStatus.ReturnRequested),
            CenterList.Extensions => orders.Where(o => o.ExtensionRequestedDays != null && o.Status == WorkOrderStatus.Handling),
            CenterList.Review => orders.Where(o => o.Status == WorkOrderStatus.Replied),
            CenterList.Callback => orders.Where(o => o.Status == WorkOrderStatus.AwaitingCallback),
            CenterList.Unsatisfied => orders.Where(o => o.Status == WorkOrderStatus.Unsatisfied),
            CenterList.Handling => orders.Where(o => o.Status == WorkOrderStatus.Handling),
            CenterList.Dispatched => orders.Where(o => o.Status == WorkOrderStatus.Dispatched),
            CenterList.SignOverdue => orders.Where(o => o.Status == WorkOrderStatus.Dispatched && o.QueueAt < now),
            CenterList.ReplyOverdue => orders.Where(o => o.Status == WorkOrderStatus.Handling && o.QueueAt < now),
            CenterList.CallbackOverdue => orders.Where(o => o.Status == WorkOrderStatus.AwaitingCallback && o.QueueAt < now),
            _ => orders.Where(o => false),
        };
        return await PageAsync(db, orders, after, now, ct);
    }

    /// <summary>A unit's inbox: what is on its desk (to sign for, objected to, in handling), the nearest limit first.</summary>
    public static Task<WorkOrderPage> InboxAsync(OneWindowDbContext db, Guid unitId, string? after, DateTime now, CancellationToken ct) =>
        PageAsync(db, db.Set<WorkOrder>().AsNoTracking().Where(o => o.LeadUnitId == unitId && o.AtUnit), after, now, ct);

    /// <summary>The caller's earlier orders by their phone number, newest first (the operator's screen while the caller is on the line).</summary>
    public static async Task<IReadOnlyList<WorkOrderRow>> CallerHistoryAsync(OneWindowDbContext db, string? phone, DateTime now, CancellationToken ct)
    {
        var p = WorkOrder.CallerPhoneKey(phone) ?? "";
        if (p.Length is < 5 or > 20)
        {
            return [];
        }
        var rows = await db.Set<WorkOrder>().AsNoTracking().Where(o => o.CallerPhone == p).OrderByDescending(o => o.RegisteredAt).Take(HistorySize).ToListAsync(ct);
        return await RowsAsync(db, rows, now, ct);
    }

    private static async Task<WorkOrderPage> PageAsync(OneWindowDbContext db, IQueryable<WorkOrder> orders, string? after, DateTime now, CancellationToken ct)
    {
        if (KeysetCursor.TryParse(after, out var at, out var id))
        {
            orders = orders.Where(o => o.QueueAt >= at && (o.QueueAt > at || o.Id.CompareTo(id) > 0));
        }
        var (rows, next) = await KeysetPage.TakeAsync(orders.OrderBy(o => o.QueueAt).ThenBy(o => o.Id), PageSize, o => (o.QueueAt, o.Id), ct);
        return new WorkOrderPage(await RowsAsync(db, rows, now, ct), next);
    }

    public static async Task<IReadOnlyList<WorkOrderRow>> RowsAsync(OneWindowDbContext db, IReadOnlyList<WorkOrder> rows, DateTime now, CancellationToken ct)
    {
        var units = await HotlineUnits.NamesAsync(db, rows.Where(r => r.LeadUnitId is not null).Select(r => r.LeadUnitId!.Value), ct);
        var codes = rows.Select(r => r.CategoryCode).Distinct().ToList();
        var categories = await db.Set<HotlineCategory>().AsNoTracking().Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        return [.. rows.Select(o => new WorkOrderRow(o.Id, o.Number, o.Revision, o.Status, o.Type, o.Urgency, o.CategoryCode, categories.GetValueOrDefault(o.CategoryCode),
            o.Content.Length > 60 ? o.Content[..60] + "…" : o.Content, o.RegionCode, o.LeadUnitId, o.LeadUnitId is { } u ? units.GetValueOrDefault(u) : null,
            o.RegisteredAt, o.QueueAt, o.NextDeadlineAt, o.NextDeadlineAt is { } d && now >= d, o.HasPendingExtension, o.ReopenCount, o.ReturnCount, o.SendBackCount))];
    }
}
