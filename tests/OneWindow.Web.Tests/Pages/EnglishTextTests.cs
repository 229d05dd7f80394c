using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Pages;

/// <summary>
/// English as a reader expects it: a noun agrees with its number ("1 working day", "2 working days"), and what the
/// public pages show of the catalog's themes is in English.
/// </summary>
public sealed partial class EnglishTextTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private static T InEnglish<T>(Func<T> read)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en");
        try
        {
            return read();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }

    [Fact]
    public void A_noun_agrees_with_its_number()
    {
        Assert.Equal("1 working day", InEnglish(() => Text.Formatted("{0} 个工作日", 1)));
        Assert.Equal("2 working days", InEnglish(() => Text.Formatted("{0} 个工作日", 2)));
        Assert.Equal("0 working days", InEnglish(() => Text.Formatted("{0} 个工作日", 0)));
        Assert.Equal("1 working day left", InEnglish(() => Text.Formatted("剩余 {0} 个工作日", 1)));
        Assert.Equal("promised 1 working day", InEnglish(() => Text.Formatted("承诺 {0} 个工作日", "1")));
        Assert.Equal("1 item", InEnglish(() => Text.Formatted("{0} 个事项", 1)));
        Assert.Equal("1 item, 3 drafts awaiting publication", InEnglish(() => Text.Formatted("{0} 个事项，{1} 个草稿待发布", 1, 3)));
        Assert.Equal("Recounting: 1 open case checked, 0 moved so far.", InEnglish(() => Text.Formatted("正在重算：已检查在办事项 {0} 件，期限变动 {1} 件。", 1, 0)));
        Assert.Equal("1 file uploaded", InEnglish(() => Text.Formatted("已上传 {0} 个文件", 1)));
        // A unit shown apart from its number takes the number as its argument; without one it is plural.
        Assert.Equal("working day", InEnglish(() => Text.Formatted("个工作日", 1)));
        Assert.Equal("working days", InEnglish(() => Text.Translate("个工作日")));
        // Ordinals: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd.
        string Nth(int n) => InEnglish(() => Text.Formatted("自 {0} 次日起算第 {1} 个工作日，当日 24:00 截止；法定节假日不计，调休上班日计入。", "11-20", n)).Split(' ')[1];
        Assert.Equal(["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "103rd"], new[] { 1, 2, 3, 4, 11, 12, 13, 21, 22, 103 }.Select(Nth));
        // Chinese is unchanged.
        Assert.Equal("1 个工作日", Text.Formatted("{0} 个工作日", 1));
        Assert.Equal("个工作日", Text.Formatted("个工作日", 1));
    }

    [Fact]
    public void Every_counted_English_text_reads_in_the_singular_for_one_and_the_plural_for_two()
    {
        var english = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(RepoRoot(), "src", "OneWindow.Web", "Resources", "en.json")))!;
        var wrong = new List<string>();
        foreach (var (chinese, en) in english)
        {
            // Every text formats (a malformed count token would throw), whatever its arguments.
            var ones = InEnglish(() => Text.Formatted(chinese, [.. Enumerable.Repeat<object?>(1, 10)]));
            var twos = InEnglish(() => Text.Formatted(chinese, [.. Enumerable.Repeat<object?>(2, 10)]));
            if (!CountedChinese().IsMatch(chinese))
            {
                continue;
            }
            if (PluralAfterOne().Match(ones) is { Success: true } one)
            {
                wrong.Add($"{chinese} → \"{ones}\" (\"{one.Value}\")");
            }
            if (SingularAfterTwo().Match(twos) is { Success: true } two)
            {
                wrong.Add($"{chinese} → \"{twos}\" (\"{two.Value}\")");
            }
        }
        Assert.True(wrong.Count == 0, "English that does not agree with its number (use {0|one|other} in en.json):\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task Every_theme_a_public_page_shows_is_in_English()
    {
        var client = app.Anonymous();
        var home = await client.GetStringAsync("/?culture=en");
        // The themes the portal offers: links to a theme's guides, or the choices of a theme filter.
        var themes = ThemeLink().Matches(home).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim())
            .Concat(ThemeOptions(await client.GetStringAsync("/guides?culture=en")))
            .Where(t => t.Length > 0).Distinct().ToList();
        Assert.True(themes.Count >= 10, "themes found: " + string.Join(", ", themes));
        var untranslated = themes.Where(t => Chinese().IsMatch(t)).ToList();
        Assert.True(untranslated.Count == 0, "themes shown in Chinese on the English pages: " + string.Join("、", untranslated));
    }

    /// <summary>The options of a theme choice list (<c>select name="theme"</c>), if the page has one.</summary>
    private static IEnumerable<string> ThemeOptions(string html) =>
        ThemeSelect().Match(html) is { Success: true } select
            ? OptionText().Matches(select.Value).Select(m => WebUtility.HtmlDecode(m.Groups[2].Value).Trim())
            : [];

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OneWindow.slnx")))
        {
            dir = dir.Parent;
        }
        return dir!.FullName;
    }

    /// <summary>A Chinese text that counts something: a number followed by a measure word.</summary>
    [GeneratedRegex(@"\{\d\}\s*(个|件|项|天|日|条|行|次|份|分钟)|^(个工作日|份|次|个部门进驻|项事项)")]
    private static partial Regex CountedChinese();

    [GeneratedRegex(@"(?<![\d.])1 (?:[A-Za-z]+ ){0,2}?(?:day|item|window|department|case|minute|file|row|town|village|record|region|venue|draft|event|copie|time|part)s\b")]
    private static partial Regex PluralAfterOne();

    [GeneratedRegex(@"(?<![\d.])2 (?:[A-Za-z]+ ){0,2}?(?:day|item|window|department|case|minute|file|row|town|village|record|region|venue|draft|event|copy|time|part)\b(?!s)")]
    private static partial Regex SingularAfterTwo();

    [GeneratedRegex(@"href=""/guides\?theme=[^""]*""[^>]*>([^<]*)<")]
    private static partial Regex ThemeLink();

    [GeneratedRegex(@"<select[^>]*name=""theme""[^>]*>.*?</select>", RegexOptions.Singleline)]
    private static partial Regex ThemeSelect();

    [GeneratedRegex(@"<option([^>]*)>([^<]*)</option>")]
    private static partial Regex OptionText();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();
}
