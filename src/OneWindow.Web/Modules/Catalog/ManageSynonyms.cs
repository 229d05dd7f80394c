using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Audit;

namespace OneWindow.Web.Modules.Catalog;

public sealed record SynonymView(string Term, IReadOnlyList<string> Words, int Revision, DateTime UpdatedAt);

public sealed record SynonymPage(IReadOnlyList<SynonymView> Items, string? Next);

/// <summary>
/// The administrator's search synonyms (检索同义词): list them by term, save one (new, or its words replaced at the
/// revision the editor loaded), delete one. Each change is audited; the page and the API call the same methods.
/// </summary>
public sealed class ManageSynonyms(OneWindowDbContext db, WriteUnit unit, TimeProvider clock)
{
    public const int PageSize = 50;

    /// <summary>A page of synonyms in term order after <paramref name="after"/>, optionally only the terms containing <paramref name="q"/>.</summary>
    public async Task<SynonymPage> ListAsync(string? q, string? after, int limit = PageSize, CancellationToken ct = default)
    {
        limit = Math.Clamp(limit, 1, 200);
        var rows = db.Set<SearchSynonym>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim().ToLowerInvariant();
            rows = rows.Where(s => s.Term.Contains(text));
        }
        if (!string.IsNullOrEmpty(after))
        {
#pragma warning disable CA1309 // Translated to SQL: ordinal, as the unique index on the term.
            rows = rows.Where(s => string.Compare(s.Term, after) > 0);
#pragma warning restore CA1309
        }
        var page = await rows.OrderBy(s => s.Term).Take(limit + 1).Select(s => new SynonymView(s.Term, s.Words, s.Revision, s.UpdatedAt)).ToListAsync(ct);
        string? next = null;
        if (page.Count > limit)
        {
            page.RemoveAt(limit);
            next = page[^1].Term;
        }
        return new SynonymPage(page, next);
    }

    public async Task<SynonymView?> GetAsync(string term, CancellationToken ct = default)
    {
        var key = term.Trim().ToLowerInvariant();
        return await db.Set<SearchSynonym>().AsNoTracking().Where(s => s.Term == key)
            .Select(s => new SynonymView(s.Term, s.Words, s.Revision, s.UpdatedAt)).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// Creates the term, or replaces its words. <paramref name="expectedRevision"/> is the revision the editor loaded
    /// (null for a new term): a term changed since, or one that already exists when a new one was meant, is a conflict.
    /// </summary>
    public async Task<SynonymView> SaveAsync(string term, IEnumerable<string> words, int? expectedRevision, string actor, CancellationToken ct = default)
    {
        var key = SearchSynonym.Normalize(term);
        var now = clock.GetUtcNow().UtcDateTime;
        var synonym = await db.Set<SearchSynonym>().FirstOrDefaultAsync(s => s.Term == key, ct);
        if (synonym is null)
        {
            if (expectedRevision is not null)
            {
                throw new NotFoundException($"同义词“{key}”不存在，可能已被删除。");
            }
            synonym = SearchSynonym.Create(key, words, actor, now);
            db.Set<SearchSynonym>().Add(synonym);
        }
        else if (expectedRevision != synonym.Revision)
        {
            throw new DbUpdateConcurrencyException($"The synonym {key} is at revision {synonym.Revision}, not {(expectedRevision is { } r ? r.ToString(System.Globalization.CultureInfo.InvariantCulture) : "new")}.");
        }
        else
        {
            synonym.Edit(words, actor, now);
        }
        db.Audit(now, actor, "SearchSynonym", key, "saved", new { words = synonym.Words });
        await unit.SaveAsync(ct);
        return new SynonymView(synonym.Term, synonym.Words, synonym.Revision, synonym.UpdatedAt);
    }

    public async Task DeleteAsync(string term, string actor, CancellationToken ct = default)
    {
        var key = term.Trim().ToLowerInvariant();
        var synonym = await db.Set<SearchSynonym>().FirstOrDefaultAsync(s => s.Term == key, ct)
            ?? throw new NotFoundException($"同义词“{key}”不存在。");
        var now = clock.GetUtcNow().UtcDateTime;
        db.Set<SearchSynonym>().Remove(synonym);
        db.Audit(now, actor, "SearchSynonym", key, "deleted", new { words = synonym.Words });
        await unit.SaveAsync(ct);
    }
}
