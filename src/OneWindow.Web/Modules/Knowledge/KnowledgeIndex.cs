using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Knowledge;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Knowledge;

/// <summary>
/// One posting of the search index: a term (a character bigram, a lone Han character or a Latin/digit run, see
/// <see cref="KnowledgeText"/>) found in a document, with its weight there. A document is a knowledge entry
/// (<c>e:{id}</c>) or a service guide (<c>g:{item code}</c>): both are found from the one box (ADR 0029).
/// </summary>
public sealed class KnowledgeTerm
{
    public required string Term { get; init; }
    public required string DocumentKey { get; init; }
    public int Weight { get; init; }
}

/// <summary>A published service guide as the knowledge base offers it: the version indexed, and the text an operator reads out.</summary>
public sealed class KnowledgeGuide
{
    public required string ItemCode { get; init; }
    public int VersionNumber { get; set; }
    public string Name { get; set; } = "";
    public Guid DepartmentId { get; set; }
    /// <summary>The guide's key facts in a few sentences (limit, materials, place, phone): what Enter inserts as the answer.</summary>
    public string Answer { get; set; } = "";
    public DateTime IndexedAt { get; set; }

    public const int MaxAnswerLength = 2000;
}

/// <summary>Writes a document's postings: all of them replaced in the unit that changes the document.</summary>
public static class KnowledgeIndex
{
    public static string EntryKey(Guid id) => "e:" + id.ToString("D");

    public static string GuideKey(string itemCode) => "g:" + itemCode;

    /// <summary>Replaces the postings of a document (none when it is withdrawn); run inside the write unit that changes it.</summary>
    public static async Task ReplaceAsync(OneWindowDbContext db, string documentKey, IReadOnlyDictionary<string, int>? weights, CancellationToken ct)
    {
        await db.Set<KnowledgeTerm>().Where(t => t.DocumentKey == documentKey).ExecuteDeleteAsync(ct);
        foreach (var (term, weight) in weights ?? new Dictionary<string, int>())
        {
            db.Set<KnowledgeTerm>().Add(new KnowledgeTerm { Term = term, DocumentKey = documentKey, Weight = weight });
        }
    }

    public static IReadOnlyDictionary<string, int> WeightsOf(KnowledgeEntry entry, string? categoryName) =>
        KnowledgeText.Weighted(entry.Question, entry.KeywordList.Append(categoryName ?? ""), entry.Answer);
}
