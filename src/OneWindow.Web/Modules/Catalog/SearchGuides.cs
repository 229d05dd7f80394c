using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Catalog;

/// <summary>The portal's filters. Every one is optional.</summary>
public sealed record GuideQuery(
    string? Q = null,
    Guid? Department = null,
    ItemType? Type = null,
    ApplicantTypes? Applicant = null,
    string? Theme = null,
    string? After = null,
    int Limit = 20);

public sealed record GuideSummary(
    string Code,
    string Name,
    ItemType ItemType,
    Guid DepartmentId,
    string DepartmentName,
    ApplicantTypes ApplicantTypes,
    LimitKind LimitKind,
    int StatutoryLimitDays,
    int PromisedLimitDays,
    int VersionNumber);

/// <summary>One page of guides and the cursor for the next page (null on the last page).</summary>
public sealed record GuidePage(IReadOnlyList<GuideSummary> Items, string? NextAfter);

/// <summary>Lists published guides: filtered in SQL, ordered by code, paged by key (the last code seen).</summary>
public static class SearchGuides
{
    public const int MaxLimit = 100;

    public static async Task<GuidePage> RunAsync(OneWindowDbContext db, GuideQuery query, CancellationToken ct = default)
    {
        var limit = Math.Clamp(query.Limit, 1, MaxLimit);
        var versions = db.ServiceItemVersions.AsNoTracking().Where(v => v.Status == VersionStatus.Published);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var words = query.Q.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(5);
            foreach (var word in words)
            {
                versions = versions.Where(v => v.SearchText.Contains(word));
            }
        }
        if (query.Department is { } department)
        {
            versions = versions.Where(v => v.DepartmentId == department);
        }
        if (query.Type is { } type)
        {
            versions = versions.Where(v => v.ItemType == type);
        }
        if (query.Applicant is { } applicant && applicant != ApplicantTypes.None)
        {
            versions = versions.Where(v => (v.ApplicantTypes & applicant) != 0);
        }
        if (!string.IsNullOrWhiteSpace(query.Theme))
        {
            var theme = query.Theme.Trim();
            versions = versions.Where(v => v.ThemesText.Contains(theme));
        }
        if (!string.IsNullOrEmpty(query.After))
        {
#pragma warning disable CA1309 // Translated to SQL: the database compares, in the order of the keyset index.
            versions = versions.Where(v => string.Compare(v.ItemCode, query.After) > 0);
#pragma warning restore CA1309
        }
        var rows = await versions
            .OrderBy(v => v.ItemCode)
            .Take(limit + 1)
            .Select(v => new GuideSummary(
                v.ItemCode, v.Name, v.ItemType, v.DepartmentId,
                db.Departments.Where(d => d.Id == v.DepartmentId).Select(d => d.Name).FirstOrDefault() ?? "",
                v.ApplicantTypes, v.LimitKind, v.StatutoryLimitDays, v.PromisedLimitDays, v.VersionNumber))
            .ToListAsync(ct);
        var hasMore = rows.Count > limit;
        if (hasMore)
        {
            rows.RemoveAt(rows.Count - 1);
        }
        return new GuidePage(rows, hasMore ? rows[^1].Code : null);
    }
}
