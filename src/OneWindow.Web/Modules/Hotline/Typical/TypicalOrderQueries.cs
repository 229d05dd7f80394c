using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>A typical order as the public reads it: no number, no caller, the place to the town. The page's and the API's rows.</summary>
public sealed record PublicTypicalOrder(Guid Id, string Title, string CategoryCode, string? CategoryName, string PlaceCode, string? PlaceName,
    string? HandlingUnitName, DateOnly ReceivedOn, DateOnly ConcludedOn, DateTime PublishedAt, string Question, string? Answer);

public sealed record PublicTypicalPage(IReadOnlyList<PublicTypicalOrder> Items, string? Next);

/// <summary>The staff's view of a typical order: the public fields, the order it was written of, its revision and state.</summary>
public sealed record TypicalOrderView(Guid Id, Guid WorkOrderId, string WorkOrderNumber, int Revision, bool Published, string Title, string Question, string Answer,
    string CategoryCode, string? CategoryName, string PlaceCode, string? PlaceName, string? HandlingUnitName, DateOnly ReceivedOn, DateOnly ConcludedOn,
    DateTime PublishedAt, DateTime UpdatedAt, string UpdatedBy, DateTime? UnpublishedAt);

/// <summary>A candidate: concluded, consented, not on the public page (taken down before, when <c>TypicalOrderId</c> is set).</summary>
public sealed record TypicalCandidate(Guid Id, string Number, string CategoryCode, string? CategoryName, string Excerpt, string? PlaceName, string? LeadUnitName,
    DateTime ConcludedAt, Guid? TypicalOrderId);

public sealed record TypicalCandidatePage(IReadOnlyList<TypicalCandidate> Items, string? Next);

/// <summary>
/// The typical orders' lists, each paged by key on its index: the public page by (Published, PublishedAt, Id) — by
/// (Published, GroupCode, …) or (Published, CategoryCode, …) with a filter —, newest first; the candidates by
/// (PublicationConsent, Status, ConcludedAt, Id), the latest conclusion first.
/// </summary>
public static class TypicalOrderQueries
{
    public const int PageSize = 20;
    public const int ExcerptLength = 90;
    public const int MaxPageSize = 50;

    /// <summary>A client's page size (<c>limit</c>), 1–50; the page's own when none.</summary>
    public static int Size(int? limit) => Math.Clamp(limit ?? PageSize, 1, MaxPageSize);

    public static async Task<PublicTypicalPage> PublicAsync(OneWindowDbContext db, string? category, string? after, CancellationToken ct, int? limit = null)
    {
        var rows = db.Set<TypicalOrder>().AsNoTracking().Where(t => t.Published);
        var code = category?.Trim() ?? "";
        if (code.Length > 0)
        {
            var isGroup = await db.Set<HotlineCategory>().AsNoTracking().AnyAsync(c => c.Code == code && c.ParentCode == null, ct);
            rows = isGroup ? rows.Where(t => t.GroupCode == code) : rows.Where(t => t.CategoryCode == code);
        }
        if (KeysetCursor.TryParse(after, out var at, out var id))
        {
            rows = rows.Where(t => t.PublishedAt <= at && (t.PublishedAt < at || t.Id.CompareTo(id) < 0));
        }
        var (page, next) = await KeysetPage.TakeAsync(rows.OrderByDescending(t => t.PublishedAt).ThenByDescending(t => t.Id), Size(limit), t => (t.PublishedAt, t.Id), ct);
        return new PublicTypicalPage(await PublicRowsAsync(db, page, full: false, ct), next);
    }

    public static async Task<PublicTypicalOrder?> PublicOneAsync(OneWindowDbContext db, Guid id, CancellationToken ct)
    {
        var row = await db.Set<TypicalOrder>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.Published, ct);
        return row is null ? null : (await PublicRowsAsync(db, [row], full: true, ct))[0];
    }

    public static async Task<TypicalOrderView?> StaffAsync(OneWindowDbContext db, Guid id, CancellationToken ct)
    {
        var t = await db.Set<TypicalOrder>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        return t is null ? null : await ViewAsync(db, t, ct);
    }

    public static async Task<TypicalOrderView?> OfOrderAsync(OneWindowDbContext db, Guid workOrderId, CancellationToken ct)
    {
        var t = await db.Set<TypicalOrder>().AsNoTracking().FirstOrDefaultAsync(t => t.WorkOrderId == workOrderId, ct);
        return t is null ? null : await ViewAsync(db, t, ct);
    }

    public static async Task<TypicalOrderView> ViewAsync(OneWindowDbContext db, TypicalOrder t, CancellationToken ct)
    {
        var p = (await PublicRowsAsync(db, [t], full: true, ct))[0];
        var number = await db.Set<WorkOrder>().AsNoTracking().Where(o => o.Id == t.WorkOrderId).Select(o => o.Number).FirstAsync(ct);
        return new TypicalOrderView(t.Id, t.WorkOrderId, number, t.Revision, t.Published, t.Title, t.Question, t.Answer, t.CategoryCode, p.CategoryName, t.PlaceCode,
            p.PlaceName, p.HandlingUnitName, t.ReceivedOn, t.ConcludedOn, t.PublishedAt, t.UpdatedAt, t.UpdatedBy, t.UnpublishedAt);
    }

    public static async Task<TypicalCandidatePage> CandidatesAsync(OneWindowDbContext db, string? after, CancellationToken ct, int? limit = null)
    {
        var published = db.Set<TypicalOrder>().Where(t => t.Published);
        var orders = db.Set<WorkOrder>().AsNoTracking()
            .Where(o => o.PublicationConsent == true && o.Status == WorkOrderStatus.Concluded && !published.Any(t => t.WorkOrderId == o.Id));
        if (KeysetCursor.TryParse(after, out var at, out var id))
        {
            orders = orders.Where(o => o.ConcludedAt <= at && (o.ConcludedAt < at || o.Id.CompareTo(id) < 0));
        }
        var (rows, next) = await KeysetPage.TakeAsync(orders.OrderByDescending(o => o.ConcludedAt).ThenByDescending(o => o.Id), Size(limit),
            o => (o.ConcludedAt ?? DateTime.MinValue, o.Id), ct);
        var ids = rows.Select(r => r.Id).ToList();
        var taken = await db.Set<TypicalOrder>().AsNoTracking().Where(t => ids.Contains(t.WorkOrderId)).ToDictionaryAsync(t => t.WorkOrderId, t => t.Id, ct);
        var categories = await CategoryNamesAsync(db, rows.Select(r => r.CategoryCode), ct);
        var places = await PlaceNamesAsync(db, rows.Select(r => TypicalOrder.TownOf(r.RegionCode)), ct);
        var units = await HotlineUnits.NamesAsync(db, rows.Where(r => r.LeadUnitId is not null).Select(r => r.LeadUnitId!.Value), ct);
        return new TypicalCandidatePage([.. rows.Select(o => new TypicalCandidate(o.Id, o.Number, o.CategoryCode, categories.GetValueOrDefault(o.CategoryCode),
            o.Content.Length > 60 ? o.Content[..60] + "…" : o.Content, places.GetValueOrDefault(TypicalOrder.TownOf(o.RegionCode)),
            o.LeadUnitId is { } u ? units.GetValueOrDefault(u) : null, o.ConcludedAt ?? o.QueueAt, taken.TryGetValue(o.Id, out var tid) ? tid : null))], next);
    }

    private static async Task<List<PublicTypicalOrder>> PublicRowsAsync(OneWindowDbContext db, IReadOnlyList<TypicalOrder> rows, bool full, CancellationToken ct)
    {
        var categories = await CategoryNamesAsync(db, rows.Select(r => r.CategoryCode), ct);
        var places = await PlaceNamesAsync(db, rows.Select(r => r.PlaceCode), ct);
        var units = await HotlineUnits.NamesAsync(db, rows.Where(r => r.HandlingUnitId is not null).Select(r => r.HandlingUnitId!.Value), ct);
        return [.. rows.Select(t => new PublicTypicalOrder(t.Id, t.Title, t.CategoryCode, categories.GetValueOrDefault(t.CategoryCode), t.PlaceCode,
            places.GetValueOrDefault(t.PlaceCode), t.HandlingUnitId is { } u ? units.GetValueOrDefault(u) : null, t.ReceivedOn, t.ConcludedOn, t.PublishedAt,
            full || t.Question.Length <= ExcerptLength ? t.Question : t.Question[..ExcerptLength] + "…", full ? t.Answer : null))];
    }

    private static async Task<Dictionary<string, string>> CategoryNamesAsync(OneWindowDbContext db, IEnumerable<string> codes, CancellationToken ct)
    {
        var list = codes.Distinct().ToList();
        return await db.Set<HotlineCategory>().AsNoTracking().Where(c => list.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Name, ct);
    }

    private static async Task<Dictionary<string, string>> PlaceNamesAsync(OneWindowDbContext db, IEnumerable<string> codes, CancellationToken ct)
    {
        var list = codes.Distinct().ToList();
        return await db.Regions.AsNoTracking().Where(r => list.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
    }
}
