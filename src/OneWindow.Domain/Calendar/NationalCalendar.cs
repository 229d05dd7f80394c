using System.Globalization;

namespace OneWindow.Domain.Calendar;

/// <summary>
/// The national calendar shipped with the product: statutory days off and adjusted working days 2007–2026,
/// from the State Council notices as collected by NateScarlet/holiday-cn (MIT); see the header of
/// <c>Calendar/Data/national-calendar-cn.csv</c>.
/// </summary>
public static class NationalCalendar
{
    private static readonly Lazy<List<SpecialDay>> Shipped = new(Load);

    public static IReadOnlyList<SpecialDay> ShippedDays => Shipped.Value;

    /// <summary>
    /// The years whose notices are shipped (2007–2026). A notice may reach back into the December before its year
    /// (2007's lists 30–31 December 2006), so a year counts only if it has days before December.
    /// </summary>
    public static IReadOnlyList<int> ShippedNoticeYears => [.. ShippedDays.Where(d => d.Date.Month < 12).Select(d => d.Date.Year).Distinct().Order()];

    /// <summary>
    /// The year of the shipped notice a shipped day belongs to: its own, or for a December day the next (2008's notice
    /// lists 29–31 December 2007, 2023's 31 December 2022). No shipped notice lists a December of its own year.
    /// </summary>
    public static int NoticeYearOf(DateOnly shippedDay) => shippedDay.Month == 12 ? shippedDay.Year + 1 : shippedDay.Year;

    public static string SourceDescription =>
        "国务院办公厅关于部分节假日安排的通知 2007–2026 (via NateScarlet/holiday-cn, MIT)";

    private static List<SpecialDay> Load()
    {
        using var stream = typeof(NationalCalendar).Assembly.GetManifestResourceStream("OneWindow.Domain.Calendar.national-calendar-cn.csv")
            ?? throw new InvalidOperationException("The national calendar resource is missing from the build.");
        using var reader = new StreamReader(stream);
        var days = new List<SpecialDay>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("date,", StringComparison.Ordinal))
            {
                continue;
            }
            var parts = line.Split(',', 3);
            days.Add(new SpecialDay(
                DateOnly.ParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                bool.Parse(parts[1]),
                parts[2]));
        }
        return days;
    }
}
