using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Domain;
using OneWindow.Domain.Calendar;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Statistics.Center;

/// <summary>统计报表: the indicators over a chosen period and breakdown, with 环比 and 同比, a table and a chart (the API's twin).</summary>
public sealed class IndexModel(StatisticsReport report, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public Breakdown By { get; set; } = Breakdown.Department;
    [BindProperty(SupportsGet = true)] public List<IndicatorId> Indicators { get; set; } = [];
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public int Level { get; set; } = 9;

    public StatisticsReportResult? Result { get; private set; }
    public string? Error { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime);
        Period ??= Today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        if (Indicators.Count == 0)
        {
            Indicators = [.. Statistics.Indicators.Default];
        }
        try
        {
            Result = await report.RunAsync(ReportChoices.Parse(Period, By, string.Join(',', Indicators), null, Region, Level), ct);
        }
        catch (DomainRuleException e)
        {
            Error = Text.Translate(e.Message);
        }
    }

    /// <summary>
    /// Where a count opens its cases (统计明细, keyset-paged): the period, the indicator, the report's filters and, for a
    /// row, its breakdown key; none for a figure that is not a count of cases.
    /// </summary>
    public string? CasesLink(ReportRow? row, IndicatorId indicator) => !FigureCases.Countable.Contains(indicator) ? null
        : "/statistics/cases" + QueryString.Create(new Dictionary<string, string?>
        {
            ["period"] = Result?.Period.Name ?? Period, ["indicator"] = indicator.ToString(), ["by"] = (row is null ? Breakdown.None : By).ToString(),
            ["key"] = row?.Key, ["label"] = row?.Label, ["region"] = Region, ["level"] = Level.ToString(CultureInfo.InvariantCulture),
        }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();

    /// <summary>Where a fee item's 缴费笔数 opens the payments of its fee line (收费笔数 of the item's row, that line's).</summary>
    public string FeeCasesLink(FeeItemRow fee) => "/statistics/cases" + QueryString.Create(new Dictionary<string, string?>
    {
        ["period"] = Result?.Period.Name ?? Period, ["indicator"] = nameof(IndicatorId.Paid), ["by"] = nameof(Breakdown.Item), ["key"] = fee.ItemCode, ["fee"] = fee.FeeName,
        ["label"] = fee.ItemName + " · " + fee.FeeName, ["region"] = Region, ["level"] = Level.ToString(CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();

    /// <summary>A 环比 or 同比 of a fee item's count or amount: percent of the earlier value.</summary>
    public static string FeeChange(decimal? change) => change is not { } c ? "—" : (c > 0 ? "+" : "") + c.ToString("0.00", CultureInfo.InvariantCulture) + "%";

    /// <summary>The report with the same choices over another period (the quick choices: this and the last month, quarter, year).</summary>
    public string PeriodLink(string period) => "/statistics" + Choices(period);

    /// <summary>The table as an Excel workbook: the API's export with the same choices.</summary>
    public string ExcelLink => "/api/v1/statistics/report.xlsx" + QueryString.Create(new Dictionary<string, string?>
    {
        ["period"] = Result?.Period.Name ?? Period, ["by"] = By.ToString(), ["indicators"] = string.Join(',', Indicators), ["region"] = Region, ["level"] = Level.ToString(CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();

    private string Choices(string period) => QueryString.Create(new[] { KeyValuePair.Create("period", (string?)period), KeyValuePair.Create("by", (string?)By.ToString()) }
        .Concat(Indicators.Select(i => KeyValuePair.Create("indicators", (string?)i.ToString())))
        .Concat(new[] { KeyValuePair.Create("region", Region), KeyValuePair.Create("level", (string?)Level.ToString(CultureInfo.InvariantCulture)) })
        .Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();

    public static string Value(Indicator indicator, decimal? value) => value is not { } v ? "—"
        : indicator.IsRate ? v.ToString("0.00", CultureInfo.InvariantCulture) + "%"
        : v == decimal.Truncate(v) ? v.ToString("0", CultureInfo.InvariantCulture) : v.ToString("0.00", CultureInfo.InvariantCulture);

    public static string ChangeText(Indicator indicator, decimal? change) => change is not { } c ? "—"
        : (c > 0 ? "+" : "") + c.ToString("0.00", CultureInfo.InvariantCulture) + (indicator.IsRate ? Text.Translate("个百分点") : "%");
}
