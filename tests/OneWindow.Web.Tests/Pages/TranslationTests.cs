using System.Text.Json;
using System.Text.RegularExpressions;

namespace OneWindow.Web.Tests.Pages;

/// <summary>Every Chinese text the pages show through the text table has an English translation.</summary>
public partial class TranslationTests
{
    [Fact]
    public void Every_page_text_has_an_English_translation()
    {
        var web = Path.Combine(RepoRoot(), "src", "OneWindow.Web");
        var english = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(web, "Resources", "en.json")))!;
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(web, "Modules"), "*.*", SearchOption.AllDirectories)
                     .Concat(Directory.EnumerateFiles(Path.Combine(web, "Infrastructure"), "*.cs")))
        {
            // Demo data (guide content) is in Chinese whatever the UI language: it is the county's published text.
            if ((!file.EndsWith(".cshtml", StringComparison.Ordinal) && !file.EndsWith(".cs", StringComparison.Ordinal)) || file.EndsWith("DemoCatalog.cs", StringComparison.Ordinal))
            {
                continue;
            }
            foreach (Match m in TextUse().Matches(File.ReadAllText(file)))
            {
                var text = Regex.Unescape(m.Groups[1].Value);
                if (ChineseChar().IsMatch(text) && !english.ContainsKey(text))
                {
                    missing.Add($"{Path.GetFileName(file)}: {text}");
                }
            }
        }
        foreach (var dynamicKey in DynamicKeys)
        {
            if (!english.ContainsKey(dynamicKey))
            {
                missing.Add("(dynamic): " + dynamicKey);
            }
        }
        Assert.True(missing.Count == 0, "Missing English for:\n" + string.Join("\n", missing));
    }

    /// <summary>Texts the pages build at run time (weekday names, guide problem codes).</summary>
    private static readonly string[] DynamicKeys =
    [
        "一", "二", "三", "四", "五", "六", "日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日",
        "guide.name-required", "guide.legal-basis-required", "guide.department-required", "guide.applicant-type-required", "guide.limit-negative",
        "guide.promise-exceeds-statute", "guide.instant-with-limit", "guide.promised-without-limit", "guide.materials-required",
        "guide.material-name-required", "guide.material-copies", "guide.material-condition-required", "guide.nodes-required",
        "guide.nodes-exceed-promise", "guide.procedure-name-required", "guide.procedure-days", "guide.fee-basis-required",
        "guide.fee-standard-required", "guide.fee-negative", "guide.consultation-phone-required", "guide.supervision-phone-required",
        "guide.address-required", "guide.result-required", "guide.delivery-required", "guide.zero-visits-not-online", "guide.online-with-visits",
        "guide.no-visit-pickup-only", "guide.no-visit-original", "guide.template-file-missing", "guide.sample-file-missing",
        OneWindow.Web.Infrastructure.InputGuards.UnreadableTitle, OneWindow.Web.Infrastructure.InputGuards.TooLargeTitle,
        "受理通知书", "补正材料一次性告知书", "不予受理决定书", "行政许可决定书", "延长办理期限通知书", "特别程序告知书",
    ];

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OneWindow.slnx")))
        {
            dir = dir.Parent;
        }
        return dir!.FullName;
    }

    // T["..."], T.Format("...", Text.Translate("..."), Text.Formatted("..."), and the enum names in EnumText ("..." =>).
    [GeneratedRegex(@"(?:T\[|T\.Format\(|Text\.Translate\(|Text\.Formatted\(|=> |yield return )""((?:[^""\\]|\\.)*)""")]
    private static partial Regex TextUse();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex ChineseChar();
}
