using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Hotline;

namespace OneWindow.Web.Modules.Open311;

/// <summary>
/// A work order as the public sees it through Open311. What is read is chosen column by column and holds no caller
/// data: no name, phone or e-mail is ever selected. An order sent through Open311 shows its description, address,
/// coordinates and media, which its sender published; an order taken on another channel (a call, a letter) shows
/// only its category, its place down to the village, its state and its times — what the caller said and where they
/// live are not published here (the typical orders page publishes with consent).
/// </summary>
public sealed record PublicServiceRequest(
    string Number, bool Open, string StatusNotes, string ServiceCode, string? ServiceName, string? Description, string? Agency, string? Notice,
    DateTime RequestedAt, DateTime? UpdatedAt, DateTime? ExpectedAt, string? Address, string? AddressId, double? Latitude, double? Longitude, string? MediaUrl);

/// <summary>What GET requests may filter by, parsed and checked.</summary>
public sealed record ServiceRequestFilter(IReadOnlyList<string>? Numbers, IReadOnlyList<string>? Codes, DateTime From, DateTime To, bool? Open);

/// <summary>
/// GET requests and GET requests/{id}: by number (the unique index), or the orders requested in a window of at most
/// 90 days (by default the last 90), newest first, at most 1,000 — read on the index of the instant requested (with
/// the category first when the service codes are named). The state filter is applied on that bounded range.
/// </summary>
public sealed class ServiceRequestQueries(OneWindowDbContext db, TimeProvider clock)
{
    public const int PageSize = 1000;
    public const int MaxDays = 90;
    public const int MaxNumbers = 100;

    private static readonly WorkOrderStatus[] OpenStatuses =
    [
        WorkOrderStatus.Registered, WorkOrderStatus.Dispatched, WorkOrderStatus.ReturnRequested, WorkOrderStatus.Handling,
        WorkOrderStatus.Replied, WorkOrderStatus.AwaitingCallback, WorkOrderStatus.Unsatisfied,
    ];

    public ServiceRequestFilter Parse(IQueryCollection query)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var numbers = List(query, "service_request_id");
        if (numbers is { Count: > MaxNumbers })
        {
            throw new Open311Exception(400, Text.Formatted("service_request_id 一次最多 {0} 个。", MaxNumbers));
        }
        var start = Instant(query, "start_date");
        var end = Instant(query, "end_date");
        var (from, to) = (start, end) switch
        {
            ({ } s, { } e) => (s, e),
            ({ } s, null) => (s, s.AddDays(MaxDays) < now ? s.AddDays(MaxDays) : now),
            (null, { } e) => (e.AddDays(-MaxDays), e),
            _ => (now.AddDays(-MaxDays), now),
        };
        if (numbers is null && to < from)
        {
            throw new Open311Exception(400, "end_date 早于 start_date。");
        }
        if (numbers is null && to - from > TimeSpan.FromDays(MaxDays))
        {
            throw new Open311Exception(400, Text.Formatted("start_date 与 end_date 相隔不能超过 {0} 天。", MaxDays));
        }
        var codes = List(query, "service_code");
        if (codes?.Any(c => c.Length > HotlineCategory.MaxCodeLength) == true)
        {
            throw new Open311Exception(400, "service_code 不正确。");
        }
        bool? open = null;
        if (List(query, "status") is { } statuses)
        {
            if (statuses.Any(s => s is not ("open" or "closed")))
            {
                throw new Open311Exception(400, "status 只能是 open 或 closed。");
            }
            open = statuses.Distinct().Count() == 2 ? null : statuses[0] == "open";
        }
        return new ServiceRequestFilter(numbers, codes, from, to, open);
    }

    public async Task<IReadOnlyList<PublicServiceRequest>> ListAsync(ServiceRequestFilter filter, CancellationToken ct)
    {
        var orders = db.Set<WorkOrder>().AsNoTracking();
        if (filter.Numbers is { } numbers)
        {
            // "This overrides all other arguments."
            orders = orders.Where(o => numbers.Contains(o.Number));
        }
        else
        {
            orders = orders.Where(o => o.RegisteredAt >= filter.From && o.RegisteredAt <= filter.To);
            if (filter.Codes is { } codes)
            {
                orders = orders.Where(o => codes.Contains(o.CategoryCode));
            }
            if (filter.Open is { } open)
            {
                orders = open ? orders.Where(o => OpenStatuses.Contains(o.Status)) : orders.Where(o => !OpenStatuses.Contains(o.Status));
            }
        }
        return await ReadAsync(orders.OrderByDescending(o => o.RegisteredAt).ThenByDescending(o => o.Id).Take(PageSize), ct);
    }

    public async Task<PublicServiceRequest?> FindAsync(string number, CancellationToken ct) =>
        number.Length > WorkOrder.MaxNumberLength ? null : (await ReadAsync(db.Set<WorkOrder>().AsNoTracking().Where(o => o.Number == number), ct)).FirstOrDefault();

    private async Task<IReadOnlyList<PublicServiceRequest>> ReadAsync(IQueryable<WorkOrder> orders, CancellationToken ct)
    {
        var rows = await orders.Select(o => new
        {
            o.Number, o.Status, o.CategoryCode, o.ReplyResult, o.RefusalGround, o.ReferredTo, o.MasterNumber, o.RegisteredAt, o.ConcludedAt, o.DueAt,
            o.HandlingLimitWorkingDays, o.HandlingLimitHours, o.RegionCode, o.Address, o.Latitude, o.Longitude, o.Content,
            Category = db.Set<HotlineCategory>().Where(c => c.Code == o.CategoryCode).Select(c => c.Name).FirstOrDefault(),
            Agency = db.Departments.Where(d => d.Id == o.LeadUnitId).Select(d => d.Name).FirstOrDefault(),
            Place = db.Regions.Where(r => r.Code == o.RegionCode).Select(r => r.Name).FirstOrDefault(),
            Updated = db.Set<WorkOrderEvent>().Where(e => e.WorkOrderId == o.Id && e.Sequence == o.EventCount).Select(e => (DateTime?)e.At).FirstOrDefault(),
            Sent = db.Set<Open311Request>().Where(r => r.WorkOrderId == o.Id).Select(r => new { r.AddressId, r.MediaUrl }).FirstOrDefault(),
        }).ToListAsync(ct);
        return [.. rows.Select(r =>
        {
            var open = OpenStatuses.Contains(r.Status);
            var published = r.Sent is not null;
            return new PublicServiceRequest(
                r.Number, open, StatusNotes(r.Status, r.ReplyResult, r.RefusalGround, r.ReferredTo, r.MasterNumber), r.CategoryCode, r.Category,
                published ? r.Content : null, r.Agency, Notice(r.HandlingLimitWorkingDays, r.HandlingLimitHours),
                r.RegisteredAt, r.Updated ?? r.RegisteredAt, r.DueAt,
                published && r.Address is { } address ? address : r.Place, published ? r.Sent!.AddressId : null,
                published ? r.Latitude : null, published ? r.Longitude : null, published ? r.Sent!.MediaUrl : null);
        })];
    }

    /// <summary>The state in words for the public: what is happening, the reply's result — never the free text of a reply, which may name people.</summary>
    public static string StatusNotes(WorkOrderStatus status, ReplyResult? result, RefusalGround? ground, EmergencyService? referredTo, string? master) => status switch
    {
        WorkOrderStatus.Registered => Text.Translate("已受理，等待派单。"),
        WorkOrderStatus.Dispatched or WorkOrderStatus.ReturnRequested => Text.Translate("已派单，等待承办单位签收。"),
        WorkOrderStatus.Handling => Text.Translate("承办单位办理中。"),
        WorkOrderStatus.Replied => Text.Translate("承办单位已答复，热线中心审核中。"),
        WorkOrderStatus.AwaitingCallback => Text.Formatted("承办单位已答复（{0}），等待回访。", result is { } r ? HotlineText.Of(r) : "—"),
        WorkOrderStatus.Unsatisfied => Text.Translate("回访不满意，热线中心正在处理。"),
        WorkOrderStatus.Concluded => Text.Formatted("已办结（{0}）。", result is { } r ? HotlineText.Of(r) : "—"),
        WorkOrderStatus.AnsweredOnTheSpot => Text.Translate("热线已当场答复，办结。"),
        WorkOrderStatus.Referred => Text.Formatted("紧急事项，已转 {0}。", referredTo is { } s ? HotlineText.Of(s) : "—"),
        WorkOrderStatus.Refused => Text.Formatted("不予受理：{0}。", ground is { } g ? HotlineText.Of(g) : "—"),
        WorkOrderStatus.Merged => Text.Formatted("与工单 {0} 属同一事项，合并办理。", master ?? "—"),
        _ => "—",
    };

    private static string? Notice(int? days, int? hours) =>
        days is { } d ? Text.Formatted("承办单位应在派单后 {0} 个工作日内办理答复。", d)
        : hours is { } h ? Text.Formatted("紧急事项，承办单位应在 {0} 小时内办理答复。", h)
        : null;

    private static List<string>? List(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }
        var items = values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal).ToList();
        return items.Count == 0 ? null : items;
    }

    /// <summary>A W3C date-time with its zone (Z or an offset), as the spec requires; empty is not given.</summary>
    private static DateTime? Instant(IQueryCollection query, string name)
    {
        var text = query[name].ToString().Trim();
        if (text.Length == 0)
        {
            return null;
        }
        if (query[name].Count > 1 || text.Length < 11 || !(text.EndsWith('Z') || text[^6] is '+' or '-')
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            throw new Open311Exception(400, Text.Formatted("{0} 应是带时区的 W3C 日期时间，如 2026-11-01T00:00:00Z 或 2026-11-01T08:00:00+08:00。", name));
        }
        return value.UtcDateTime;
    }
}
