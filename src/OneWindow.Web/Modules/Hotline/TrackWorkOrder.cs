using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Hotline;

public sealed record TrackedWorkOrderStep(DateTime At, string Action);

/// <summary>
/// What the caller sees with the order number and the last four digits of the phone: the state, the limit, the steps
/// (no names, no notes) and, once the center accepted it, the reply. Nothing about the caller or the staff.
/// </summary>
public sealed record TrackedWorkOrder(string Number, DateTime RegisteredAt, WorkOrderType Type, string CategoryName, WorkOrderStatus Status, DateTime? DueAt,
    string? LeadUnitName, ReplyResult? ReplyResult, string? Reply, string? ReplyPlan, bool MayRate, Satisfaction? Satisfaction, IReadOnlyList<TrackedWorkOrderStep> Steps)
{
    /// <summary>The caller's consent to publication as a typical order (ADR 0037); the caller may withdraw it here.</summary>
    public bool? PublicationConsent { get; init; }
}

/// <summary>
/// 工单查询: by the number and the phone's last four digits; a wrong pair answers as an unknown number does, and the
/// tries are counted per number (<c>RateLimits:TrackFailuresPerCase</c>, as for cases) so the four digits cannot be
/// guessed. An anonymous order without a phone cannot be followed this way.
/// </summary>
public sealed class TrackWorkOrder(OneWindowDbContext db, AttemptLimiter limiter, IConfiguration configuration)
{
    private readonly AttemptPolicy _perOrder = new("track-work-order", Math.Max(1, configuration.GetValue("RateLimits:TrackFailuresPerCase", 5)),
        TimeSpan.FromMinutes(15), TimeSpan.FromHours(24), TimeSpan.FromHours(24));

    /// <summary>The order, or null for a wrong pair; <c>Locked</c> with the wait while the number's lookups are paused.</summary>
    public async Task<(WorkOrder? Order, TimeSpan Locked)> FindAsync(string? number, string? tail, bool tracked, CancellationToken ct)
    {
        var key = number?.Trim().ToUpperInvariant() ?? "";
        var four = tail?.Trim() ?? "";
        if (key.Length is 0 or > WorkOrder.MaxNumberLength || four.Length != 4 || !four.All(char.IsAsciiDigit))
        {
            return (null, TimeSpan.Zero);
        }
        var taken = await limiter.TryTakeAsync(_perOrder, key, ct);
        if (!taken.Allowed)
        {
            return (null, taken.Wait);
        }
        var orders = tracked ? db.Set<WorkOrder>() : db.Set<WorkOrder>().AsNoTracking();
        var order = await orders.FirstOrDefaultAsync(o => o.Number == key, ct);
        if (order is null || order.CallerPhoneTail != four)
        {
            return (null, TimeSpan.Zero);
        }
        await limiter.GiveBackAsync(_perOrder, key, ct);
        return (order, TimeSpan.Zero);
    }

    public async Task<(TrackedWorkOrder? Order, TimeSpan Locked)> RunAsync(string? number, string? tail, CancellationToken ct)
    {
        var (o, locked) = await FindAsync(number, tail, tracked: false, ct);
        if (o is null)
        {
            return (null, locked);
        }
        var category = await db.Set<HotlineCategory>().AsNoTracking().Where(c => c.Code == o.CategoryCode).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? o.CategoryCode;
        var unit = o.LeadUnitId is { } u ? (await HotlineUnits.NamesAsync(db, [u], ct)).GetValueOrDefault(u) : null;
        // The files' steps are not the public's (ADR 0036): the tracking page shows no files.
        var steps = await db.Set<WorkOrderEvent>().AsNoTracking().Where(e => e.WorkOrderId == o.Id && e.Action != "files-added").OrderBy(e => e.Sequence)
            .Select(e => new TrackedWorkOrderStep(e.At, e.Action)).ToListAsync(ct);
        var reviewed = o.Status is WorkOrderStatus.AwaitingCallback or WorkOrderStatus.Unsatisfied or WorkOrderStatus.Concluded && o.ReplyText is not null;
        return (new TrackedWorkOrder(o.Number, o.RegisteredAt, o.Type, category, o.Status, o.Status == WorkOrderStatus.Handling ? o.DueAt : null, unit,
            reviewed ? o.ReplyResult : null, reviewed ? o.ReplyText : o.Answer, reviewed ? o.ReplyPlan : null, o.Status == WorkOrderStatus.AwaitingCallback,
            o.Satisfaction, steps) { PublicationConsent = o.PublicationConsent }, TimeSpan.Zero);
    }

    public static string LockedMessage(TimeSpan wait) =>
        Text.Formatted("该工单编号的查询因多次输入错误已暂停，请 {0} 分钟后再试，或拨打 12345 查询。", Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes)));
}
