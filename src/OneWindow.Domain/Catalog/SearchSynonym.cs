namespace OneWindow.Domain.Catalog;

/// <summary>
/// 检索同义词: what citizens type and the catalog's words for it (开饭店 → 食品经营许可, 身份证 → 居民身份证). A search
/// for a text containing the term also looks for each of its words. Product data, kept by the center administrator.
/// </summary>
public sealed class SearchSynonym
{
    public const int MaxTermLength = 20, MaxWords = 10, MaxWordLength = 30;

    private SearchSynonym() { }

    public Guid Id { get; private set; }
    /// <summary>The citizen's words, trimmed and lower-cased; unique.</summary>
    public string Term { get; private set; } = "";
    /// <summary>The catalog's words a search for the term also looks for.</summary>
    public IReadOnlyList<string> Words { get; private set; } = [];
    public DateTime UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    public int Revision { get; private set; }

    public static SearchSynonym Create(string term, IEnumerable<string> words, string actor, DateTime now)
    {
        var synonym = new SearchSynonym { Id = Guid.CreateVersion7(now), Term = Normalize(term) };
        synonym.Edit(words, actor, now);
        return synonym;
    }

    public void Edit(IEnumerable<string> words, string actor, DateTime now)
    {
        var list = words.Select(w => w.Trim().ToLowerInvariant()).Where(w => w.Length > 0 && w != Term).Distinct().ToList();
        if (list.Count == 0)
        {
            throw new DomainRuleException("synonym.words-required", "请至少填写一个事项用语");
        }
        if (list.Count > MaxWords || list.Any(w => w.Length > MaxWordLength))
        {
            throw new DomainRuleException("synonym.words-too-long", $"事项用语最多 {MaxWords} 个，每个最多 {MaxWordLength} 字");
        }
        Words = list;
        UpdatedAt = now;
        UpdatedBy = actor;
        Revision++;
    }

    /// <summary>The form a term is stored and looked up in: trimmed, lower-cased, 2–20 characters (a search looks terms up by the query's substrings of that length).</summary>
    public static string Normalize(string term)
    {
        var t = term.Trim().ToLowerInvariant();
        if (t.Length is < 2 or > MaxTermLength)
        {
            throw new DomainRuleException("synonym.term-invalid", $"群众用语应为 2–{MaxTermLength} 字");
        }
        return t;
    }
}
