using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Hotline;
using OneWindow.Domain.Knowledge;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Knowledge;

/// <summary>A search result: an entry (<c>Kind</c> "entry", with its id) or a service guide ("guide", with its item code).</summary>
public sealed record KnowledgeHit(string Kind, Guid? EntryId, string? ItemCode, string Title, string Answer, string? CategoryName,
    string? DepartmentName, int UseCount, int Score, int Matched, bool DueForReview);

public sealed record KnowledgeResults(string Query, int Terms, IReadOnlyList<KnowledgeHit> Hits);

/// <summary>
/// 知识库检索 while the caller is on the line: the query is cut into terms as the documents were (character bigrams,
/// <see cref="KnowledgeText"/>); the postings of those terms alone are read (the primary key starts with the term),
/// grouped by document and ranked by the sum of their weights (title and keyword terms 3, body terms 1), then by the
/// number of terms matched, then by how often an entry's answer was used. A document must share a third of the query's
/// terms. Entries and the catalog's published guides come from the same index.
/// </summary>
public static class SearchKnowledge
{
    public const int MaxQueryLength = 60, MaxTerms = 40, MaxHits = 10;

    public static async Task<KnowledgeResults> RunAsync(OneWindowDbContext db, string? q, DateOnly today, CancellationToken ct)
    {
        var text = (q ?? "").Trim();
        text = text.Length > MaxQueryLength ? text[..MaxQueryLength] : text;
        var terms = KnowledgeText.Terms(text).Take(MaxTerms).ToList();
        if (terms.Count == 0)
        {
            return new KnowledgeResults(text, 0, []);
        }
        var minimum = KnowledgeText.MinimumMatched(terms.Count);
        var ranked = await db.Set<KnowledgeTerm>().AsNoTracking().Where(t => terms.Contains(t.Term))
            .GroupBy(t => t.DocumentKey)
            .Select(g => new { Key = g.Key, Score = g.Sum(t => t.Weight), Matched = g.Count() })
            .Where(g => g.Matched >= minimum)
            .OrderByDescending(g => g.Score).ThenByDescending(g => g.Matched).ThenBy(g => g.Key)
            .Take(MaxHits * 2).ToListAsync(ct);

        var entryIds = ranked.Where(r => r.Key.StartsWith("e:", StringComparison.Ordinal)).Select(r => Guid.Parse(r.Key[2..])).ToList();
        var itemCodes = ranked.Where(r => r.Key.StartsWith("g:", StringComparison.Ordinal)).Select(r => r.Key[2..]).ToList();
        var entries = entryIds.Count == 0 ? [] : await db.Set<KnowledgeEntry>().AsNoTracking()
            .Where(e => entryIds.Contains(e.Id) && e.Status == KnowledgeStatus.Published).ToDictionaryAsync(e => e.Id, ct);
        var guides = itemCodes.Count == 0 ? [] : await db.Set<KnowledgeGuide>().AsNoTracking()
            .Where(g => itemCodes.Contains(g.ItemCode)).ToDictionaryAsync(g => g.ItemCode, ct);
        var categoryCodes = entries.Values.Select(e => e.CategoryCode).Distinct().ToList();
        var categories = categoryCodes.Count == 0 ? [] : await db.Set<HotlineCategory>().AsNoTracking()
            .Where(c => categoryCodes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        var departmentIds = entries.Values.Select(e => e.DepartmentId).Concat(guides.Values.Select(g => g.DepartmentId)).Distinct().ToList();
        var departments = departmentIds.Count == 0 ? [] : await db.Departments.AsNoTracking()
            .Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);

        var hits = new List<KnowledgeHit>();
        foreach (var r in ranked)
        {
            if (r.Key.StartsWith("e:", StringComparison.Ordinal) && entries.TryGetValue(Guid.Parse(r.Key[2..]), out var e))
            {
                hits.Add(new KnowledgeHit("entry", e.Id, e.ServiceItemCode, e.Question, e.Answer, categories.GetValueOrDefault(e.CategoryCode),
                    departments.GetValueOrDefault(e.DepartmentId), e.UseCount, r.Score, r.Matched, e.IsDueForReview(today)));
            }
            else if (r.Key.StartsWith("g:", StringComparison.Ordinal) && guides.TryGetValue(r.Key[2..], out var g))
            {
                hits.Add(new KnowledgeHit("guide", null, g.ItemCode, g.Name, g.Answer, null, departments.GetValueOrDefault(g.DepartmentId), 0, r.Score, r.Matched, false));
            }
        }
        var ordered = hits.OrderByDescending(h => h.Score).ThenByDescending(h => h.Matched).ThenByDescending(h => h.UseCount).Take(MaxHits).ToList();
        return new KnowledgeResults(text, terms.Count, ordered);
    }
}
