using System.Globalization;
using System.Text.RegularExpressions;
using OneWindow.Domain.Identifiers;

namespace OneWindow.Domain.Catalog;

/// <summary>
/// 一表通: the application form a guide defines, merged over a package's members, and the answers checked against it.
/// The window and the online application render the same fields and store the answers this returns; the printed
/// application form is generated from the same fields.
/// </summary>
public static partial class ApplicationForm
{
    /// <summary>A form has a few dozen questions at most; an option list a few dozen choices.</summary>
    public const int MaxFields = 60, MaxOptions = 50, MaxKey = 60, MaxLabel = 60;

    /// <summary>A line and a page, when the field names no length of its own.</summary>
    public const int LineLength = 200, PageLength = 2000;

    /// <summary>The key of the name of the enterprise an application registers or concerns: a founder applies under it before the enterprise exists.</summary>
    public const string EnterpriseNameKey = "enterprise.name";

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*(\\.[a-z][a-zA-Z0-9]*)*$")]
    private static partial Regex KeyShape();

    /// <summary>
    /// The package's one form: every member's fields in member order, a key asked once (required when any member requires
    /// it). Members that define one key differently are refused when the package is published (<see cref="Conflicts"/>).
    /// </summary>
    public static IReadOnlyList<FormField> Merge(IEnumerable<ServiceGuide> guides)
    {
        var merged = new List<FormField>();
        var at = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var field in guides.SelectMany(g => g.Form))
        {
            if (at.TryGetValue(field.Key, out var i))
            {
                merged[i] = merged[i] with { Required = merged[i].Required || field.Required };
                continue;
            }
            at[field.Key] = merged.Count;
            merged.Add(field);
        }
        return merged;
    }

    /// <summary>Keys the members of a package define with different types or choices: the merged form could not ask them once.</summary>
    public static IReadOnlyList<string> Conflicts(IEnumerable<(string ItemName, ServiceGuide Guide)> members)
    {
        var problems = new List<string>();
        var first = new Dictionary<string, (string Item, FormField Field)>(StringComparer.Ordinal);
        foreach (var (item, guide) in members)
        {
            foreach (var field in guide.Form)
            {
                if (!first.TryGetValue(field.Key, out var seen))
                {
                    first[field.Key] = (item, field);
                }
                else if (seen.Field.Type != field.Type || !seen.Field.Options.SequenceEqual(field.Options, StringComparer.Ordinal))
                {
                    problems.Add($"“{seen.Item}”与“{item}”的申请表字段 {field.Key} 类型或选项不一致");
                }
            }
        }
        return problems;
    }

    /// <summary>What is wrong with a guide's form definition, each problem with the field it concerns.</summary>
    public static IEnumerable<GuideProblem> CheckDefinition(IReadOnlyList<FormField> form)
    {
        if (form.Count > MaxFields)
        {
            yield return new("Form", "guide.form-too-long", $"申请表最多 {MaxFields} 个字段");
        }
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < form.Count; i++)
        {
            var f = form[i];
            var at = $"Form[{i}]";
            if (string.IsNullOrWhiteSpace(f.Key) || f.Key.Length > MaxKey || !KeyShape().IsMatch(f.Key))
            {
                yield return new($"{at}.Key", "guide.form-key", $"申请表第 {i + 1} 个字段的代码应以小写字母开头，只含字母、数字和点（如 enterprise.name），最多 {MaxKey} 个字符");
            }
            else if (!keys.Add(f.Key))
            {
                yield return new($"{at}.Key", "guide.form-key-repeated", $"申请表字段代码 {f.Key} 重复");
            }
            if (string.IsNullOrWhiteSpace(f.Label) || f.Label.Trim().Length > MaxLabel)
            {
                yield return new($"{at}.Label", "guide.form-label", $"申请表第 {i + 1} 个字段须有名称（{MaxLabel} 字以内）");
            }
            if (f.Type == FormFieldType.Choice && (f.Options.Count is 0 or > MaxOptions || f.Options.Any(string.IsNullOrWhiteSpace) || f.Options.Distinct().Count() != f.Options.Count))
            {
                yield return new($"{at}.Options", "guide.form-options", $"申请表第 {i + 1} 个字段为选择项，须列出 1–{MaxOptions} 个互不相同的选项");
            }
            if (f.Type != FormFieldType.Choice && f.Options.Count > 0)
            {
                yield return new($"{at}.Options", "guide.form-options-unused", $"申请表第 {i + 1} 个字段不是选择项，不应列出选项");
            }
            if (f.MaxLength is { } max && (f.Type is not (FormFieldType.Text or FormFieldType.LongText) || max is < 1 or > PageLength))
            {
                yield return new($"{at}.MaxLength", "guide.form-max-length", $"申请表第 {i + 1} 个字段的最大长度只用于文字，应在 1–{PageLength} 之间");
            }
            if ((f.Min is not null || f.Max is not null || f.Unit is not null) && f.Type != FormFieldType.Number)
            {
                yield return new($"{at}.Min", "guide.form-bounds-unused", $"申请表第 {i + 1} 个字段不是数字，不应设置范围或单位");
            }
            if (f.Min > f.Max)
            {
                yield return new($"{at}.Min", "guide.form-bounds", $"申请表第 {i + 1} 个字段的最小值大于最大值");
            }
        }
    }

    /// <summary>
    /// Checks answers against the fields and returns them as kept: trimmed, blanks dropped, numbers, days, phones and
    /// identity numbers in their normal form. Every problem is reported at once, each under <c>form.{key}</c>. A draft
    /// (<paramref name="complete"/> false) may leave required fields empty; an answer it gives must still be valid.
    /// </summary>
    public static SortedDictionary<string, string> Check(IReadOnlyList<FormField> fields, IReadOnlyDictionary<string, string?>? answers, bool complete, DateOnly today)
    {
        var given = answers ?? new Dictionary<string, string?>();
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var kept = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var known = fields.ToDictionary(f => f.Key, StringComparer.Ordinal);
        foreach (var unknown in given.Keys.Where(k => !known.ContainsKey(k)).Take(5))
        {
            errors[FieldOf(unknown.Length > MaxKey ? unknown[..MaxKey] : unknown)] = "申请表没有这一项。";
        }
        foreach (var field in fields)
        {
            var value = given.TryGetValue(field.Key, out var v) ? v?.Trim() : null;
            if (string.IsNullOrEmpty(value))
            {
                if (complete && field.Required)
                {
                    errors[FieldOf(field.Key)] = $"请填写“{field.Label}”。";
                }
                continue;
            }
            var answer = Normalize(field, value, today);
            if (answer.Message is { } problem)
            {
                errors[FieldOf(field.Key)] = $"“{field.Label}”{problem}";
            }
            else
            {
                kept[field.Key] = answer.Value;
            }
        }
        if (errors.Count > 0)
        {
            throw new DomainRuleException("case.form-invalid", "申请表填写有误：" + string.Join(" ", errors.Values), errors.Keys.First()) { Errors = errors };
        }
        return kept;
    }

    /// <summary>The request field an answer's problem is reported under.</summary>
    public static string FieldOf(string key) => "form." + key;

    /// <summary>The answers one item of a package keeps: those its own form asks.</summary>
    public static SortedDictionary<string, string> For(ServiceGuide guide, IReadOnlyDictionary<string, string> answers) =>
        new(guide.Form.Where(f => answers.ContainsKey(f.Key)).ToDictionary(f => f.Key, f => answers[f.Key], StringComparer.Ordinal), StringComparer.Ordinal);

    private sealed record Normalized(string Value, string? Message);

    // Returns the normal form (Message null) or what is wrong (Message set), never both.
    private static Normalized Normalize(FormField field, string value, DateOnly today)
    {
        static Normalized Bad(string message) => new("", message);
        return field.Type switch
        {
            FormFieldType.Text or FormFieldType.LongText =>
                value.Length > (field.MaxLength ?? (field.Type == FormFieldType.Text ? LineLength : PageLength))
                    ? Bad($"最多 {field.MaxLength ?? (field.Type == FormFieldType.Text ? LineLength : PageLength)} 字。")
                    : field.Type == FormFieldType.Text && value.Contains('\n', StringComparison.Ordinal) ? Bad("只填一行。") : new(value, null),
            FormFieldType.Number => decimal.TryParse(value.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var n)
                ? n < (field.Min ?? decimal.MinValue) || n > (field.Max ?? decimal.MaxValue)
                    ? Bad($"应在 {field.Min?.ToString(CultureInfo.InvariantCulture) ?? "—"} 至 {field.Max?.ToString(CultureInfo.InvariantCulture) ?? "—"} 之间。")
                    : new(n.ToString(CultureInfo.InvariantCulture), null)
                : Bad("应为数字。"),
            FormFieldType.Date => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? new(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null)
                : Bad("应为日期，如 2026-12-01。"),
            FormFieldType.Choice => field.Options.Contains(value, StringComparer.Ordinal) ? new(value, null) : Bad("请从选项中选择。"),
            FormFieldType.Phone => PhoneOf(value) is { } phone ? new(phone, null) : Bad("应为 7 至 12 位数字的电话号码。"),
            FormFieldType.IdNumber => ResidentIdNumber.Normalize(value) is var id && ResidentIdNumber.Validate(id, today) is null
                ? new(id.Length == 15 ? ResidentIdNumber.ConvertLegacy15To18(id) : id, null)
                : Bad("有误，请对照身份证逐位核对（18 位，最后一位可能是 X）。"),
            FormFieldType.CreditCode => UnifiedSocialCreditCode.Normalize(value) is var code && UnifiedSocialCreditCode.Validate(code) is null
                ? new(code, null)
                : Bad("有误，请对照营业执照逐位核对（18 位）。"),
            _ => Bad("无法识别的字段类型。"),
        };
    }

    private static string? PhoneOf(string value)
    {
        if (value.Any(c => !(char.IsAsciiDigit(c) || c is '-' or ' ')))
        {
            return null;
        }
        var kept = new string([.. value.Where(c => char.IsAsciiDigit(c) || c == '-')]);
        return kept.Count(char.IsAsciiDigit) is >= 7 and <= 12 ? kept : null;
    }
}
