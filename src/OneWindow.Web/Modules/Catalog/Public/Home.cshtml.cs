using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Catalog.Public;

public sealed class IndexModel(OneWindowDbContext db) : PageModel
{
    public sealed record DepartmentRow(Guid Id, string Name, int Items);

    public sealed record CombinedRow(string Code, string Name, int Members);

    public int PublishedItems { get; private set; }
    public double InstantShare { get; private set; }
    public double AverageCompression { get; private set; }
    public IReadOnlyList<DepartmentRow> Departments { get; private set; } = [];
    public IReadOnlyList<string> Themes { get; private set; } = [];
    public IReadOnlyList<CombinedRow> Combined { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var published = db.ServiceItemVersions.AsNoTracking().Where(v => v.Status == VersionStatus.Published);
        // Aggregates run in SQL; only per-department and per-theme rows come back.
        var totals = await published.GroupBy(_ => 1).Select(g => new
        {
            Count = g.Count(),
            Instant = g.Count(v => v.LimitKind == LimitKind.Instant),
            Statutory = g.Sum(v => v.StatutoryLimitDays),
            Promised = g.Sum(v => v.PromisedLimitDays),
        }).FirstOrDefaultAsync(ct);
        PublishedItems = totals?.Count ?? 0;
        InstantShare = totals is { Count: > 0 } ? (double)totals.Instant / totals.Count : 0;
        AverageCompression = totals is { Statutory: > 0 } ? 1 - (double)totals.Promised / totals.Statutory : 0;
        var counts = await published.GroupBy(v => v.DepartmentId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var names = await db.Departments.AsNoTracking().OrderBy(d => d.SortOrder).Select(d => new { d.Id, d.Name }).Take(200).ToListAsync(ct);
        Departments = [.. names.Select(n => new DepartmentRow(n.Id, n.Name, counts.FirstOrDefault(c => c.Key == n.Id)?.Count ?? 0)).Where(d => d.Items > 0)];
        Themes = await SearchGuides.ThemesAsync(db, ct);
        Combined = [.. (await db.CombinedItems.AsNoTracking().Where(c => c.Status == VersionStatus.Published).OrderBy(c => c.Code).Take(50).ToListAsync(ct))
            .Select(c => new CombinedRow(c.Code, c.Name, c.MemberCodes.Count))];
    }
}
