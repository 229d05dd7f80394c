using OneWindow.Web.Modules.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Audit.Admin;

/// <summary>The audit log, newest first, filtered by entity, paged by key.</summary>
public sealed class AuditModel(OneWindowDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Key { get; set; }
    [BindProperty(SupportsGet = true)] public long? Before { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public long? NextBefore { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        const int pageSize = 50;
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Type)) query = query.Where(a => a.EntityType == Type);
        if (!string.IsNullOrWhiteSpace(Key)) query = query.Where(a => a.EntityKey == Key);
        if (Before is { } before) query = query.Where(a => a.Id < before);
        var rows = await query.OrderByDescending(a => a.Id).Take(pageSize + 1).ToListAsync(ct);
        if (rows.Count > pageSize)
        {
            rows.RemoveAt(pageSize);
            NextBefore = rows[^1].Id;
        }
        Entries = rows;
    }
}
