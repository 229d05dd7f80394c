using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace OneWindow.Web.Infrastructure;

/// <summary>
/// The UI's words. Pages are written in Simplified Chinese, the default; the Chinese text is the key and
/// <c>Resources/en.json</c> gives the English. A text without a translation shows in Chinese, and a test
/// lists the pages' texts that lack one (see docs/decisions/0004-ui-text.md).
/// </summary>
public sealed class Text
{
    private static readonly Lazy<FrozenDictionary<string, string>> English = new(LoadEnglish);

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public string this[string chinese] => Translate(chinese);

    public string Format(string chinese, params object?[] args) => Formatted(chinese, args);

    public static string Formatted(string chinese, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, Translate(chinese), args);

    public static string Translate(string chinese) =>
        IsEnglish && English.Value.TryGetValue(chinese, out var en) ? en : chinese;

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
