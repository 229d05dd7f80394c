using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.ApiClients;

/// <summary>A client application as the administrator sees it: never its key or hash, only the key's prefix.</summary>
public sealed record ApiClientView(Guid Id, string Name, string Contact, Guid? DepartmentId, string? DepartmentName, IReadOnlyList<string> Scopes,
    string KeyPrefix, int RequestsPerMinute, DateTime CreatedAt, string CreatedBy, DateTime? LastUsedAt, DateTime? RevokedAt, string? RevokedBy, string? RevokeReason)
{
    public bool Revoked => RevokedAt is not null;

    public static ApiClientView Of(ApiClient c, string? departmentName) => new(c.Id, c.Name, c.Contact, c.DepartmentId, departmentName, c.ScopeList,
        c.KeyPrefix, c.RequestsPerMinute, c.CreatedAt, c.CreatedBy, c.LastUsedAt, c.RevokedAt, c.RevokedBy, c.RevokeReason);
}

public sealed record ApiClientPage(IReadOnlyList<ApiClientView> Clients, string? Next);

/// <summary>The registered client applications, newest first, paged by key (registration instant, id).</summary>
public sealed class ListApiClients(OneWindowDbContext db)
{
    public const int PageSize = 50;

    public async Task<ApiClientPage> RunAsync(string? after, CancellationToken ct)
    {
        var query = db.ApiClients().AsNoTracking();
        if (KeysetCursor.TryParse(after, out var at, out var id))
        {
            query = query.Where(c => c.CreatedAt <= at && (c.CreatedAt < at || c.Id.CompareTo(id) < 0));
        }
        var (rows, next) = await KeysetPage.TakeAsync(query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id), PageSize, c => (c.CreatedAt, c.Id), ct);
        var departmentIds = rows.Where(c => c.DepartmentId is not null).Select(c => c.DepartmentId!.Value).Distinct().ToList();
        var names = await db.Departments.AsNoTracking().Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return new ApiClientPage(rows.Select(c => ApiClientView.Of(c, c.DepartmentId is { } d ? names.GetValueOrDefault(d) : null)).ToList(), next);
    }

    public async Task<ApiClientView?> FindAsync(Guid id, CancellationToken ct)
    {
        var c = await db.ApiClients().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return null;
        }
        var name = c.DepartmentId is { } d ? await db.Departments.AsNoTracking().Where(x => x.Id == d).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        return ApiClientView.Of(c, name);
    }
}
