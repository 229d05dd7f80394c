using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace OneWindow.Web.Infrastructure;

/// <summary>
/// The UI's words. Pages are written in Simplified Chinese, the default; the Chinese text is the key and
/// <c>Resources/en.json</c> gives the English. A text without a translation shows in Chinese, and a test
/// lists the pages' texts that lack one (see docs/decisions/0004-ui-text.md).
/// </summary>
public sealed partial class Text
{
    private static readonly Lazy<FrozenDictionary<string, string>> English = new(LoadEnglish);

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public string this[string chinese] => Translate(chinese);

    public string Format(string chinese, params object?[] args) => Formatted(chinese, args);

    /// <summary>
    /// The text with its arguments. Chinese counts need no plural; the English may choose a word by a count:
    /// <c>{0|day|days}</c> is "day" when argument 0 is 1 and "days" otherwise, and <c>{1|th}</c> is the ordinal
    /// suffix of argument 1 ("st", "nd", "rd", "th"). So "{0} 个工作日" is "{0} working {0|day|days}" in en.json.
    /// </summary>
    public static string Formatted(string chinese, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, Counted(Raw(chinese), args), args);

    /// <summary>The text without arguments; a word chosen by a count is in the plural ("working days").</summary>
    public static string Translate(string chinese) => Counted(Raw(chinese), null);

    private static string Raw(string chinese) =>
        IsEnglish && English.Value.TryGetValue(chinese, out var en) ? en : chinese;

    /// <summary>Resolves <c>{n|one|other}</c> and <c>{n|th}</c> by argument n (without arguments: the plural).</summary>
    private static string Counted(string text, object?[]? args) =>
        !text.Contains('|', StringComparison.Ordinal) ? text : CountedWord().Replace(text, m =>
        {
            var index = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var count = args is not null && index < args.Length ? Number(args[index]) : null;
            if (!m.Groups[3].Success && m.Groups[2].Value == "th")
            {
                return count is { } n ? Ordinal(n) : "th";
            }
            return count == 1 ? m.Groups[2].Value : m.Groups[3].Success ? m.Groups[3].Value : m.Groups[2].Value;
        });

    private static decimal? Number(object? value) => value switch
    {
        null => null,
        string s => decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null,
        IConvertible c when value is not bool and not char => decimal.TryParse(c.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
        _ => null,
    };

    private static string Ordinal(decimal n)
    {
        var whole = (long)Math.Abs(decimal.Truncate(n));
        return (whole % 100) is 11 or 12 or 13 ? "th" : (whole % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{(\d+)\|([^{}|]*)(?:\|([^{}|]*))?\}")]
    private static partial System.Text.RegularExpressions.Regex CountedWord();

    /// <summary>A guide problem in the UI language: the Chinese message, or the English of its code with the field.</summary>
    public static string Problem(Domain.Catalog.GuideProblem problem) =>
        IsEnglish && English.Value.TryGetValue(problem.Code, out var en) ? $"{en} ({problem.Field})" : problem.Message;

    private static FrozenDictionary<string, string> LoadEnglish()
    {
        using var stream = typeof(Text).Assembly.GetManifestResourceStream("OneWindow.Web.Resources.en.json")
            ?? throw new InvalidOperationException("Resources/en.json is missing from the build.");
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
