using System.Globalization;
using System.Text.Json;
using OneWindow.Domain;

namespace OneWindow.Web.Modules.Calendar;

/// <summary>
/// A notice's days as an administrator pastes them: one day a line, <c>日期,休|班,节日</c> (2027-02-05,休,春节), or a
/// holiday-cn <c>{year}.json</c> file as the community publishes each notice (<c>{"year":…,"days":[{"date","isOffDay","name"}]}</c>).
/// </summary>
public static class HolidayNoticeText
{
    public const int MaxLength = 20_000;

    private static readonly string[] OffWords = ["休", "放假", "休息", "off", "true"];
    private static readonly string[] WorkWords = ["班", "上班", "调休上班", "work", "false"];

    /// <returns>The year the text names (a JSON file), if any, and the days.</returns>
    public static (int? Year, IReadOnlyList<NoticeDay> Days) Parse(string? text)
    {
        text = text?.Trim() ?? "";
        if (text.Length > MaxLength)
        {
            throw Invalid($"内容过长（{MaxLength} 字以内）。");
        }
        return text.StartsWith('{') ? ParseJson(text) : (null, ParseLines(text));
    }

    private static List<NoticeDay> ParseLines(string text)
    {
        var days = new List<NoticeDay>();
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("date", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var parts = line.Split([',', '，', '\t', ' '], 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length != 3 || !DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                || Kind(parts[1]) is not { } off)
            {
                throw Invalid($"第 {number} 行格式不正确：应为“日期,休或班,节日”，如 2027-02-05,休,春节。");
            }
            days.Add(new NoticeDay(date, off, parts[2]));
        }
        return days;
    }

    private static (int?, IReadOnlyList<NoticeDay>) ParseJson(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            int? year = root.TryGetProperty("year", out var y) && y.TryGetInt32(out var value) ? value : null;
            var days = root.GetProperty("days").EnumerateArray().Select(d => new NoticeDay(
                DateOnly.ParseExact(d.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                d.GetProperty("isOffDay").GetBoolean(),
                d.GetProperty("name").GetString() ?? "")).ToList();
            return (year, days);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw Invalid("JSON 格式不正确：应为 holiday-cn 的 {year}.json（year 与 days：date、isOffDay、name）。");
        }
    }

    private static bool? Kind(string word) =>
        OffWords.Contains(word, StringComparer.OrdinalIgnoreCase) ? true
        : WorkWords.Contains(word, StringComparer.OrdinalIgnoreCase) ? false
        : null;

    private static DomainRuleException Invalid(string message) => new("calendar.notice-format", message, "days");
}
