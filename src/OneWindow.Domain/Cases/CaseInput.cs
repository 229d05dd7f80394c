namespace OneWindow.Domain.Cases;

/// <summary>
/// How much text a case accepts from a person or another system. An opinion or a legal reason fits on a page; a
/// material, a procedure or a document number is a line. Anything longer is refused with the field named, before
/// it reaches the record (whose events are kept for good) or a database column.
/// </summary>
public static class CaseInput
{
    /// <summary>An opinion, a reason, a result of a special procedure.</summary>
    public const int LongText = 2000;

    /// <summary>A material's name, a procedure, an agency, a document or tracking number.</summary>
    public const int ShortText = 200;

    /// <summary>Materials in one list: a guide has a few dozen at most.</summary>
    public const int MaxListItems = 100;

    /// <summary>The serialized details of one event; a list of 100 materials of 200 characters fits.</summary>
    public const int MaxEventData = 24_000;

    public static void CheckLength(string? text, string field, int max)
    {
        if (text is not null && text.Length > max)
        {
            throw new DomainRuleException("input.too-long", $"内容过长：最多 {max} 字。", field);
        }
    }

    /// <summary>A list of materials or problems: trimmed, blanks and repeats dropped, each a line, at most <see cref="MaxListItems"/>.</summary>
    public static List<string> Names(IReadOnlyList<string>? names, string field)
    {
        var items = (names ?? []).Select(m => (m ?? "").Trim()).Where(m => m.Length > 0).Distinct().ToList();
        if (items.Count > MaxListItems)
        {
            throw new DomainRuleException("input.too-many", $"最多列出 {MaxListItems} 项。", field);
        }
        foreach (var item in items)
        {
            CheckLength(item, field, ShortText);
        }
        return items;
    }
}
