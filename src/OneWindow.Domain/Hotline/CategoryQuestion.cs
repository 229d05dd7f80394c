using System.Globalization;

namespace OneWindow.Domain.Hotline;

/// <summary>How an attribute of a category is answered (Open311's datatypes).</summary>
public enum CategoryQuestionType
{
    Line = 1,            // a short line (Open311 "string") (up to 200 characters)
    Number = 2,          // a number
    Datetime = 3,        // an instant with its offset (ISO 8601)
    Text = 4,            // a longer text (up to 1000 characters)
    SingleValueList = 5, // one of the listed values, by its key
    MultiValueList = 6,  // some of the listed values, by their keys
}

/// <summary>One value of a list attribute: the key a system sends and the name a person reads.</summary>
public sealed record CategoryQuestionValue(string Key, string Name);

/// <summary>
/// Something a category asks for beyond the content and the place (路灯不亮: the pole's number): its code, the question,
/// how it is answered, whether it must be, its place in the form, and for a list its values. An attribute that is not
/// <see cref="Variable"/> only tells the sender something (no answer is taken). Open311 publishes them as the service
/// definition; the answers become lines of the order's content.
/// </summary>
public sealed record CategoryQuestion(string Code, string Description, CategoryQuestionType Type, bool Required, int Order,
    IReadOnlyList<CategoryQuestionValue>? Values = null, bool Variable = true)
{
    public const int MaxCodeLength = 30;
    public const int MaxDescriptionLength = 200;
    public const int MaxStringAnswer = 200;
    public const int MaxTextAnswer = 1000;
    public const int MaxAttributes = 20;

    public bool IsList => Type is CategoryQuestionType.SingleValueList or CategoryQuestionType.MultiValueList;

    /// <summary>Refuses an attribute list a category cannot ask with: codes unique and plain, lists with values, questions written.</summary>
    public static IReadOnlyList<CategoryQuestion> Validate(IReadOnlyList<CategoryQuestion>? attributes)
    {
        attributes ??= [];
        if (attributes.Count > MaxAttributes)
        {
            throw new DomainRuleException("hotline.attributes-too-many", $"一个分类最多设置 {MaxAttributes} 个补充项。", "attributes");
        }
        foreach (var a in attributes)
        {
            if (string.IsNullOrWhiteSpace(a.Code) || a.Code.Length > MaxCodeLength || !a.Code.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                throw new DomainRuleException("hotline.attribute-code-invalid", "补充项编码只能由字母、数字、下划线和连字符组成，30 位以内。", "attributes");
            }
            if (string.IsNullOrWhiteSpace(a.Description) || a.Description.Length > MaxDescriptionLength)
            {
                throw new DomainRuleException("hotline.attribute-description-invalid", "请写明补充项的问题（200 字以内）。", "attributes");
            }
            if (!Enum.IsDefined(a.Type))
            {
                throw new DomainRuleException("hotline.attribute-type-invalid", "补充项的填写方式不正确。", "attributes");
            }
            if (a.IsList != (a.Values is { Count: > 0 }) || a.Values is { } values && values.Select(v => v.Key).Distinct(StringComparer.Ordinal).Count() != values.Count)
            {
                throw new DomainRuleException("hotline.attribute-values-invalid", "选择类补充项须列出选项（键不重复），其他补充项不设选项。", "attributes");
            }
        }
        if (attributes.Select(a => a.Code).Distinct(StringComparer.Ordinal).Count() != attributes.Count)
        {
            throw new DomainRuleException("hotline.attribute-code-duplicate", "补充项编码不能重复。", "attributes");
        }
        return [.. attributes.OrderBy(a => a.Order).ThenBy(a => a.Code, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The answers to a category's attributes as lines for the order's content ("路灯杆号：LW-0231"), in the attributes'
    /// order. Refuses, naming the attribute (<c>attribute[CODE]</c>), an answer to an attribute the category does not
    /// ask, a required one missing, a number or instant that is not one, a text too long, a key not in the list, and
    /// several answers to a single-value attribute.
    /// </summary>
    public static IReadOnlyList<string> Answer(IReadOnlyList<CategoryQuestion> asked, IReadOnlyDictionary<string, IReadOnlyList<string>> given)
    {
        var byCode = asked.Where(a => a.Variable).ToDictionary(a => a.Code, StringComparer.Ordinal);
        foreach (var code in given.Keys)
        {
            if (!byCode.ContainsKey(code))
            {
                throw new DomainRuleException("hotline.attribute-unknown", $"该分类没有补充项 {code}。", Field(code));
            }
        }
        var lines = new List<string>();
        foreach (var a in byCode.Values.OrderBy(a => a.Order).ThenBy(a => a.Code, StringComparer.Ordinal))
        {
            var answers = given.TryGetValue(a.Code, out var list) ? list.Select(v => v.Trim()).Where(v => v.Length > 0).ToList() : [];
            if (answers.Count == 0)
            {
                if (a.Required)
                {
                    throw new DomainRuleException("hotline.attribute-required", $"请回答补充项“{a.Description}”。", Field(a.Code));
                }
                continue;
            }
            if (a.Type != CategoryQuestionType.MultiValueList && answers.Count > 1)
            {
                throw new DomainRuleException("hotline.attribute-one-value", $"补充项“{a.Description}”只能填一个值。", Field(a.Code));
            }
            var shown = a.Type switch
            {
                CategoryQuestionType.Number when !decimal.TryParse(answers[0], NumberStyles.Number, CultureInfo.InvariantCulture, out _) =>
                    throw new DomainRuleException("hotline.attribute-number", $"补充项“{a.Description}”应是数字。", Field(a.Code)),
                CategoryQuestionType.Datetime when !DateTimeOffset.TryParse(answers[0], CultureInfo.InvariantCulture, DateTimeStyles.None, out _) =>
                    throw new DomainRuleException("hotline.attribute-datetime", $"补充项“{a.Description}”应是带时区的日期时间（如 2026-11-22T10:00:00+08:00）。", Field(a.Code)),
                CategoryQuestionType.Line when answers[0].Length > MaxStringAnswer =>
                    throw new DomainRuleException("hotline.attribute-too-long", $"补充项“{a.Description}”超过 {MaxStringAnswer} 字。", Field(a.Code)),
                CategoryQuestionType.Text when answers[0].Length > MaxTextAnswer =>
                    throw new DomainRuleException("hotline.attribute-too-long", $"补充项“{a.Description}”超过 {MaxTextAnswer} 字。", Field(a.Code)),
                CategoryQuestionType.SingleValueList or CategoryQuestionType.MultiValueList => string.Join("、", answers.Distinct(StringComparer.Ordinal).Select(key =>
                    a.Values!.FirstOrDefault(v => v.Key == key)?.Name
                    ?? throw new DomainRuleException("hotline.attribute-value-unknown", $"补充项“{a.Description}”没有选项 {key}。", Field(a.Code)))),
                _ => answers[0],
            };
            lines.Add($"{a.Description.TrimEnd('？', '?', '：', ':')}：{shown}");
        }
        return lines;
    }

    private static string Field(string code) => $"attribute[{code}]";
}
