using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Hotline;
using OneWindow.Domain.Knowledge;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Knowledge;

public sealed record KnowledgeRow(Guid Id, string Question, string CategoryCode, string? CategoryName, Guid DepartmentId, string? DepartmentName,
    string? ServiceItemCode, KnowledgeStatus Status, int Version, int UseCount, DateOnly ReviewDue, bool DueForReview, DateTime UpdatedAt);

public sealed record KnowledgePage(IReadOnlyList<KnowledgeRow> Items, string? Next);

public sealed record KnowledgeVersionInfo(int Version, DateTime EditedAt, string EditedBy, string? Note);

public sealed record KnowledgeEntryView(Guid Id, string Question, string Answer, string CategoryCode, string? CategoryName, Guid DepartmentId, string? DepartmentName,
    string? ServiceItemCode, IReadOnlyList<string> Keywords, DateOnly ReviewDue, bool DueForReview, KnowledgeStatus Status, int Version, int Revision, int UseCount,
    DateTime UpdatedAt, string UpdatedBy, IReadOnlyList<KnowledgeVersionInfo> Versions);

public sealed record KnowledgeVersionView(Guid EntryId, int Version, string Question, string Answer, string CategoryCode, Guid DepartmentId, string? ServiceItemCode,
    IReadOnlyList<string> Keywords, DateOnly ReviewDue, DateTime EditedAt, string EditedBy, string? Note, bool Current);

/// <summary>
/// The list's filters, each optional: a department (the owner), a category, only the entries past their review day (the
/// longest overdue first), only withdrawn ones. Otherwise the list runs by category and question.
/// </summary>
public sealed record KnowledgeFilter(Guid? Department = null, string? Category = null, bool Due = false, bool Withdrawn = false, string? After = null);

/// <summary>The knowledge base's reads: the list (paged by key, on the indexes of its filters), one entry with its versions, an old version.</summary>
public static class KnowledgeQueries
{
    public const int PageSize = 30;

    public static async Task<KnowledgePage> ListAsync(OneWindowDbContext db, KnowledgeFilter filter, DateOnly today, CancellationToken ct)
    {
        var entries = db.Set<KnowledgeEntry>().AsNoTracking();
        if (filter.Department is { } d)
        {
            entries = entries.Where(e => e.DepartmentId == d);
        }
        if (!string.IsNullOrWhiteSpace(filter.Category))
        {
            var code = filter.Category.Trim();
            entries = entries.Where(e => e.CategoryCode == code);
        }
        if (filter.Due)
        {
            entries = entries.Where(e => e.Status == KnowledgeStatus.Published && e.ReviewDue < today);
        }
        else if (filter.Withdrawn)
        {
            entries = entries.Where(e => e.Status == KnowledgeStatus.Withdrawn);
        }
        List<KnowledgeEntry> rows;
        string? next = null;
        if (filter.Due)
        {
            // The longest overdue first: the entries to review next.
            if (ListCursor.TryParseDue(filter.After, out var due, out var id))
            {
                entries = entries.Where(e => e.ReviewDue >= due && (e.ReviewDue > due || e.Id.CompareTo(id) > 0));
            }
            rows = await entries.OrderBy(e => e.ReviewDue).ThenBy(e => e.Id).Take(PageSize + 1).ToListAsync(ct);
            if (rows.Count > PageSize)
            {
                rows.RemoveAt(PageSize);
                next = ListCursor.Due(rows[^1]);
            }
        }
        else
        {
            // As a reader looks things up: by category (the tree's codes, so a group's categories stand together), then question.
            if (ListCursor.TryParse(filter.After, out var category, out var question, out var id))
            {
#pragma warning disable CA1309 // Translated to SQL: the database compares, in the order of the keyset.
                entries = entries.Where(e => string.Compare(e.CategoryCode, category) >= 0
                    && (string.Compare(e.CategoryCode, category) > 0 || string.Compare(e.Question, question) > 0 || (e.Question == question && e.Id.CompareTo(id) > 0)));
#pragma warning restore CA1309
            }
            rows = await entries.OrderBy(e => e.CategoryCode).ThenBy(e => e.Question).ThenBy(e => e.Id).Take(PageSize + 1).ToListAsync(ct);
            if (rows.Count > PageSize)
            {
                rows.RemoveAt(PageSize);
                next = ListCursor.Of(rows[^1]);
            }
        }
        var categories = await CategoryNamesAsync(db, rows.Select(r => r.CategoryCode), ct);
        var departments = await DepartmentNamesAsync(db, rows.Select(r => r.DepartmentId), ct);
        return new KnowledgePage([.. rows.Select(e => new KnowledgeRow(e.Id, e.Question, e.CategoryCode, categories.GetValueOrDefault(e.CategoryCode), e.DepartmentId,
            departments.GetValueOrDefault(e.DepartmentId), e.ServiceItemCode, e.Status, e.Version, e.UseCount, e.ReviewDue, e.IsDueForReview(today), e.UpdatedAt))], next);
    }

    /// <summary>How many published entries are past their review day: of one department (its staff's flag), or all (the center's).</summary>
    public static Task<int> DueCountAsync(OneWindowDbContext db, Guid? department, DateOnly today, CancellationToken ct)
    {
        var due = db.Set<KnowledgeEntry>().AsNoTracking().Where(e => e.Status == KnowledgeStatus.Published && e.ReviewDue < today);
        return (department is { } d ? due.Where(e => e.DepartmentId == d) : due).CountAsync(ct);
    }

    public static async Task<KnowledgeEntryView> GetAsync(OneWindowDbContext db, Guid id, DateOnly today, CancellationToken ct)
    {
        var e = await db.Set<KnowledgeEntry>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("知识库条目不存在。");
        var versions = await db.Set<KnowledgeEntryVersion>().AsNoTracking().Where(v => v.EntryId == id).OrderByDescending(v => v.Version)
            .Select(v => new KnowledgeVersionInfo(v.Version, v.EditedAt, v.EditedBy, v.Note)).Take(200).ToListAsync(ct);
        var categories = await CategoryNamesAsync(db, [e.CategoryCode], ct);
        var departments = await DepartmentNamesAsync(db, [e.DepartmentId], ct);
        return new KnowledgeEntryView(e.Id, e.Question, e.Answer, e.CategoryCode, categories.GetValueOrDefault(e.CategoryCode), e.DepartmentId,
            departments.GetValueOrDefault(e.DepartmentId), e.ServiceItemCode, e.KeywordList, e.ReviewDue, e.IsDueForReview(today), e.Status, e.Version, e.Revision,
            e.UseCount, e.UpdatedAt, e.UpdatedBy, versions);
    }

    public static async Task<KnowledgeVersionView> VersionAsync(OneWindowDbContext db, Guid id, int version, CancellationToken ct)
    {
        var v = await db.Set<KnowledgeEntryVersion>().AsNoTracking().FirstOrDefaultAsync(x => x.EntryId == id && x.Version == version, ct)
            ?? throw new NotFoundException("该版本不存在。");
        var current = await db.Set<KnowledgeEntry>().AsNoTracking().Where(e => e.Id == id).Select(e => e.Version).FirstOrDefaultAsync(ct);
        return new KnowledgeVersionView(v.EntryId, v.Version, v.Question, v.Answer, v.CategoryCode, v.DepartmentId, v.ServiceItemCode,
            v.Keywords.Length == 0 ? [] : v.Keywords.Split('|'), v.ReviewDue, v.EditedAt, v.EditedBy, v.Note, current == v.Version);
    }

    /// <summary>The list's next-page keys, opaque to users: the last row's category, question and id, or its review day and id.</summary>
    private static class ListCursor
    {
        public static string Of(KnowledgeEntry e) =>
            Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes($"{e.CategoryCode}\n{e.Question}\n{e.Id:N}"));

        public static bool TryParse(string? text, out string category, out string question, out Guid id)
        {
            (category, question, id) = ("", "", default);
            try
            {
                if (string.IsNullOrEmpty(text) || System.Text.Encoding.UTF8.GetString(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(text)).Split('\n') is not [var c, var q, var i]
                    || !Guid.TryParseExact(i, "N", out id))
                {
                    return false;
                }
                (category, question) = (c, q);
                return true;
            }
            catch (FormatException)
            {
                return false; // not one of ours: the list starts at the beginning
            }
        }

        public static string Due(KnowledgeEntry e) => $"{e.ReviewDue:yyyyMMdd}_{e.Id:N}";

        public static bool TryParseDue(string? text, out DateOnly due, out Guid id)
        {
            (due, id) = (default, default);
            return text?.Split('_') is [var d, var i]
                && DateOnly.TryParseExact(d, "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out due)
                && Guid.TryParseExact(i, "N", out id);
        }
    }

    private static async Task<Dictionary<string, string>> CategoryNamesAsync(OneWindowDbContext db, IEnumerable<string> codes, CancellationToken ct)
    {
        var list = codes.Distinct().ToList();
        return list.Count == 0 ? [] : await db.Set<HotlineCategory>().AsNoTracking().Where(c => list.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Name, ct);
    }

    private static async Task<Dictionary<Guid, string>> DepartmentNamesAsync(OneWindowDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return list.Count == 0 ? [] : await db.Departments.AsNoTracking().Where(d => list.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
    }
}
