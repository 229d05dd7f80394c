namespace OneWindow.Domain.Knowledge;

/// <summary>
/// How Chinese text is cut into search terms without word segmentation: every pair of neighbouring Han characters
/// (character bigrams: "营业执照" gives 营业, 业执, 执照), a Han character standing alone as itself, and every run of
/// Latin letters or digits as one lower-case term (12345, app). Punctuation and spaces separate runs. A query is cut
/// the same way, so a text matches by the pairs it shares with the query, whatever words the caller used around them.
/// </summary>
public static class KnowledgeText
{
    public const int MaxTermLength = 20;

    /// <summary>The distinct terms of <paramref name="text"/>, in their first order.</summary>
    public static IReadOnlyList<string> Terms(string? text)
    {
        var terms = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(text))
        {
            return terms;
        }
        var span = text.ToLowerInvariant();
        var i = 0;
        while (i < span.Length)
        {
            var c = span[i];
            if (IsHan(c))
            {
                var start = i;
                while (i < span.Length && IsHan(span[i]))
                {
                    i++;
                }
                if (i - start == 1)
                {
                    Add(span.Substring(start, 1));
                }
                for (var k = start; k + 1 < i; k++)
                {
                    Add(span.Substring(k, 2));
                }
            }
            else if (char.IsAsciiLetterOrDigit(c))
            {
                var start = i;
                while (i < span.Length && char.IsAsciiLetterOrDigit(span[i]))
                {
                    i++;
                }
                var run = span[start..i];
                Add(run.Length > MaxTermLength ? run[..MaxTermLength] : run);
            }
            else
            {
                i++;
            }
        }
        return terms;

        void Add(string term)
        {
            if (seen.Add(term))
            {
                terms.Add(term);
            }
        }
    }

    /// <summary>
    /// The terms of a document with their weight: 3 for a term of its title (the question, a guide's name) or keywords,
    /// 1 for a term found only in its body (the answer, a guide's key text). A search ranks by the weights it matches.
    /// </summary>
    public static IReadOnlyDictionary<string, int> Weighted(string? title, IEnumerable<string> keywords, string? body)
    {
        var weights = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in Terms(body))
        {
            weights[term] = 1;
        }
        foreach (var term in Terms(title).Concat(keywords.SelectMany(Terms)))
        {
            weights[term] = 3;
        }
        return weights;
    }

    /// <summary>How many of a query's terms a result must share to be offered: a third of them, at least one.</summary>
    public static int MinimumMatched(int queryTerms) => Math.Max(1, (queryTerms + 2) / 3);

    private static bool IsHan(char c) => c is >= '\u3400' and <= '\u9fff' or >= '\uf900' and <= '\ufaff';
}
