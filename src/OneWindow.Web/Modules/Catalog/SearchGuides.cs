using System.Linq.Expressions;
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

/// <summary>A combined item (一件事) that matches a search: shown with the first page of guides.</summary>
public sealed record CombinedSummary(string Code, string Name, string Description, int Members, int? PromisedLimitDays);

/// <summary>
/// One page of guides and the cursor for the next page (null on the last page); on the first page the combined
/// items that match, and the catalog's words the search also looked for (from the synonyms of what was typed).
/// </summary>
public sealed record GuidePage(IReadOnlyList<GuideSummary> Items, string? NextAfter)
{
    public IReadOnlyList<CombinedSummary> Combined { get; init; } = [];
    public IReadOnlyList<string> AlsoSearched { get; init; } = [];
}

/// <summary>
/// Lists published guides: filtered in SQL and paged by key. Without words the order is the code's (the keyset
/// index). With words, each word matches an item whose name, code, keywords or themes contain it or one of the
/// words its synonyms give (开饭店 → 食品经营许可); the best matches come first — the name is the query or a synonym's
/// word, then names containing the query, then names containing a synonym's word, then the rest — by code within
/// each, and the cursor carries the rank and the code.
/// </summary>
public static class SearchGuides
{
    public const int MaxLimit = 100, MaxQueryLength = 50, MaxWords = 5, MaxCombined = 5;

    /// <summary>What a query looks for: the phrase as typed, each word with its alternatives, and the synonyms' words.</summary>
    public sealed record SearchTerms(string Phrase, IReadOnlyList<IReadOnlyList<string>> Words, IReadOnlyList<string> Expansions);

    /// <summary>A version with its rank for a search (0 best); a class so that the query can filter and order on both.</summary>
    private sealed class Ranked
    {
        public ServiceItemVersion V { get; init; } = null!;
        public int Rank { get; init; }
    }

    public static async Task<GuidePage> RunAsync(OneWindowDbContext db, GuideQuery query, CancellationToken ct = default)
    {
        var limit = Math.Clamp(query.Limit, 1, MaxLimit);
        var search = await ExpandAsync(db, query.Q, ct);
        var versions = db.ServiceItemVersions.AsNoTracking().Where(v => v.Status == VersionStatus.Published);
        foreach (var alternatives in search?.Words ?? [])
        {
            versions = versions.Where(AnyContains<ServiceItemVersion>(v => v.SearchText, alternatives));
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
        var theme = string.IsNullOrWhiteSpace(query.Theme) ? null : query.Theme.Trim();
        if (theme is not null)
        {
            // One of the item's themes, not a part of one.
            var delimited = "|" + theme + "|";
            versions = versions.Where(v => ("|" + v.ThemesText + "|").Contains(delimited));
        }

        List<GuideSummary> rows;
        string? next = null;
        if (search is null)
        {
            if (!string.IsNullOrEmpty(query.After))
            {
#pragma warning disable CA1309 // Translated to SQL: the database compares, in the order of the keyset index.
                versions = versions.Where(v => string.Compare(v.ItemCode, query.After) > 0);
#pragma warning restore CA1309
            }
            rows = await versions.OrderBy(v => v.ItemCode).Take(limit + 1).Select(Summary(db)).ToListAsync(ct);
            if (rows.Count > limit)
            {
                rows.RemoveAt(limit);
                next = rows[^1].Code;
            }
        }
        else
        {
            var ranked = versions.Select(RankOf(search));
            if (ParseCursor(query.After) is var (rank, code))
            {
#pragma warning disable CA1309 // Translated to SQL: ordinal comparison of the codes, as the ordering.
                ranked = ranked.Where(r => r.Rank > rank || (r.Rank == rank && string.Compare(r.V.ItemCode, code) > 0));
#pragma warning restore CA1309
            }
            var page = await ranked.OrderBy(r => r.Rank).ThenBy(r => r.V.ItemCode).Take(limit + 1)
                .Select(r => new { r.Rank, Summary = new GuideSummary(
                    r.V.ItemCode, r.V.Name, r.V.ItemType, r.V.DepartmentId,
                    db.Departments.Where(d => d.Id == r.V.DepartmentId).Select(d => d.Name).FirstOrDefault() ?? "",
                    r.V.ApplicantTypes, r.V.LimitKind, r.V.StatutoryLimitDays, r.V.PromisedLimitDays, r.V.VersionNumber) })
                .ToListAsync(ct);
            if (page.Count > limit)
            {
                page.RemoveAt(limit);
                next = $"{page[^1].Rank}:{page[^1].Summary.Code}";
            }
            rows = [.. page.Select(p => p.Summary)];
        }

        var combined = string.IsNullOrEmpty(query.After) && (search is not null || theme is not null) && query.Type is null && query.Applicant is null
            ? await CombinedAsync(db, search, theme, query.Department, ct)
            : [];
        return new GuidePage(rows, next) { Combined = combined, AlsoSearched = search?.Expansions ?? [] };
    }

    /// <summary>The themes of the published items, for the portal's theme filter and chips: distinct theme lists in SQL.</summary>
    public static async Task<IReadOnlyList<string>> ThemesAsync(OneWindowDbContext db, CancellationToken ct)
    {
        var themeTexts = await db.ServiceItemVersions.AsNoTracking().Where(v => v.Status == VersionStatus.Published)
            .Select(v => v.ThemesText).Distinct().Take(500).ToListAsync(ct);
        return [.. themeTexts.SelectMany(t => t.Split('|', StringSplitOptions.RemoveEmptyEntries)).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The query's words (at most five, of the first 50 characters), each with the words of every synonym whose term
    /// it contains: the terms are looked up by the query's substrings on the unique index, never by reading the table.
    /// </summary>
    public static async Task<SearchTerms?> ExpandAsync(OneWindowDbContext db, string? q, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return null;
        }
        var text = q.Trim().ToLowerInvariant();
        text = text.Length > MaxQueryLength ? text[..MaxQueryLength] : text;
        var words = text.Split([' ', '\u3000', '\t'], StringSplitOptions.RemoveEmptyEntries).Distinct().Take(MaxWords).ToList();
        var candidates = words.SelectMany(Substrings).Distinct().ToList();
        var synonyms = candidates.Count == 0
            ? []
            : await db.Set<SearchSynonym>().AsNoTracking().Where(s => candidates.Contains(s.Term)).Select(s => new { s.Term, s.Words }).ToListAsync(ct);
        var alternatives = words.Select(w => (IReadOnlyList<string>)[.. synonyms.Where(s => w.Contains(s.Term, StringComparison.Ordinal))
            .OrderBy(s => s.Term, StringComparer.Ordinal).SelectMany(s => s.Words).Prepend(w).Distinct()]).ToList();
        var expansions = alternatives.SelectMany(a => a.Skip(1)).Except(words).Distinct().ToList();
        return new SearchTerms(string.Join(' ', words), alternatives, expansions);
    }

    /// <summary>The terms a word may contain: its substrings of 2 to 20 characters (a term's length).</summary>
    private static IEnumerable<string> Substrings(string word)
    {
        for (var length = 2; length <= Math.Min(word.Length, SearchSynonym.MaxTermLength); length++)
        {
            for (var start = 0; start + length <= word.Length; start++)
            {
                yield return word.Substring(start, length);
            }
        }
    }

    private static async Task<IReadOnlyList<CombinedSummary>> CombinedAsync(OneWindowDbContext db, SearchTerms? search, string? theme, Guid? department, CancellationToken ct)
    {
        var combined = db.CombinedItems.AsNoTracking().Where(c => c.Status == VersionStatus.Published);
        foreach (var alternatives in search?.Words ?? [])
        {
            combined = combined.Where(AnyContains<CombinedItem>(c => c.Name + " " + c.Description, alternatives));
        }
        if (department is { } d)
        {
            combined = combined.Where(c => c.LeadDepartmentId == d);
        }
        // Few are published (a county has a handful): the theme, kept as a list, is checked on the page read.
        var found = await combined.OrderBy(c => c.Code).Take(theme is null ? MaxCombined : 50).ToListAsync(ct);
        return [.. found.Where(c => theme is null || c.Themes.Contains(theme)).Take(MaxCombined)
            .Select(c => new CombinedSummary(c.Code, c.Name, c.Description, c.MemberCodes.Count, c.PromisedLimitDays))];
    }

    private static (int Rank, string Code)? ParseCursor(string? after)
    {
        if (string.IsNullOrEmpty(after))
        {
            return null;
        }
        var colon = after.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && int.TryParse(after.AsSpan(0, colon), out var rank) ? (rank, after[(colon + 1)..]) : (0, after);
    }

    private static Expression<Func<ServiceItemVersion, GuideSummary>> Summary(OneWindowDbContext db) => v => new GuideSummary(
        v.ItemCode, v.Name, v.ItemType, v.DepartmentId,
        db.Departments.Where(d => d.Id == v.DepartmentId).Select(d => d.Name).FirstOrDefault() ?? "",
        v.ApplicantTypes, v.LimitKind, v.StatutoryLimitDays, v.PromisedLimitDays, v.VersionNumber);

    /// <summary>
    /// The rank of a version for a search: 0 when its name is the phrase or one of the synonyms' words, 1 when its
    /// name contains the phrase, 2 when it contains one of the synonyms' words, 3 otherwise.
    /// </summary>
    private static Expression<Func<ServiceItemVersion, Ranked>> RankOf(SearchTerms search)
    {
        var v = Expression.Parameter(typeof(ServiceItemVersion), "v");
        var name = Expression.Call(Expression.Property(v, nameof(ServiceItemVersion.Name)), nameof(string.ToLower), Type.EmptyTypes);
        var exact = Expression.Equal(name, Parameter(search.Phrase));
        foreach (var word in search.Expansions)
        {
            exact = Expression.OrElse(exact, Expression.Equal(name, Parameter(word)));
        }
        var containsPhrase = Contains(name, search.Phrase);
        Expression containsExpansion = Expression.Constant(false);
        foreach (var word in search.Expansions)
        {
            containsExpansion = Expression.OrElse(containsExpansion, Contains(name, word));
        }
        var rank = Expression.Condition(exact, Expression.Constant(0),
            Expression.Condition(containsPhrase, Expression.Constant(1),
                Expression.Condition(containsExpansion, Expression.Constant(2), Expression.Constant(3))));
        var init = Expression.MemberInit(Expression.New(typeof(Ranked)),
            Expression.Bind(typeof(Ranked).GetProperty(nameof(Ranked.V))!, v),
            Expression.Bind(typeof(Ranked).GetProperty(nameof(Ranked.Rank))!, rank));
        return Expression.Lambda<Func<ServiceItemVersion, Ranked>>(init, v);
    }

    /// <summary>column LIKE '%word%' for any of the words, each word a query parameter.</summary>
    private static Expression<Func<T, bool>> AnyContains<T>(Expression<Func<T, string>> column, IReadOnlyList<string> words)
    {
        Expression body = Expression.Constant(false);
        foreach (var word in words)
        {
            body = Expression.OrElse(body, Contains(column.Body, word));
        }
        return Expression.Lambda<Func<T, bool>>(body, column.Parameters);
    }

    private static MethodCallExpression Contains(Expression text, string word) =>
        Expression.Call(text, typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!, Parameter(word));

    /// <summary>A value read from a closure, which the query turns into a parameter rather than a literal in the SQL.</summary>
    private static MemberExpression Parameter(string value) => Expression.Property(Expression.Constant(new Box(value)), nameof(Box.Value));

    private sealed record Box(string Value);
}
