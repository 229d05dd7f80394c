using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Catalog.Admin;

/// <summary>Every item with its newest version, searched by name or code and paged by code.</summary>
public sealed class ItemsModel(OneWindowDbContext db) : PageModel
{
    public sealed record Row(string Code, string Name, string DepartmentName, int VersionNumber, VersionStatus Status, bool HasPublished, DateTime UpdatedAt, string UpdatedBy);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public string? NextAfter { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        const int pageSize = 30;
        var versions = db.ServiceItemVersions.AsNoTracking()
            // The newest version of each item: no later version of the same item exists.
            .Where(v => !db.ServiceItemVersions.Any(o => o.ServiceItemId == v.ServiceItemId && o.VersionNumber > v.VersionNumber));
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToLowerInvariant();
            versions = versions.Where(v => v.SearchText.Contains(q));
        }
        if (!string.IsNullOrEmpty(After))
        {
#pragma warning disable CA1309 // Translated to SQL: the database compares, in the order of the keyset index.
            versions = versions.Where(v => string.Compare(v.ItemCode, After) > 0);
#pragma warning restore CA1309
        }
        var rows = await versions.OrderBy(v => v.ItemCode).Take(pageSize + 1)
            .Select(v => new Row(v.ItemCode, v.Name,
                db.Departments.Where(d => d.Id == v.DepartmentId).Select(d => d.Name).FirstOrDefault() ?? "",
                v.VersionNumber, v.Status,
                db.ServiceItemVersions.Any(o => o.ServiceItemId == v.ServiceItemId && o.Status == VersionStatus.Published),
                v.UpdatedAt, v.UpdatedBy))
            .ToListAsync(ct);
        if (rows.Count > pageSize)
        {
            rows.RemoveAt(pageSize);
            NextAfter = rows[^1].Code;
        }
        Rows = rows;
    }
}
