using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Domain;
using OneWindow.Domain.Calendar;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Statistics.Center;

/// <summary>工作报告: the center's work report for a month, quarter or year as a printable page (the API's twin: GET /api/v1/statistics/work-report).</summary>
public sealed class WorkReportModel(WorkReport work, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }

    public WorkReportResult? Result { get; private set; }
    public string? Error { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime);
        Period ??= StandardPeriods.LastMonth(Today).Name;
        try
        {
            var (period, region) = StandardReportChoices.Parse(Period, Region);
            Result = await work.RunAsync(period, region, ct);
        }
        catch (DomainRuleException e)
        {
            Error = Text.Translate(e.Message);
        }
    }

    public string ExcelLink => "/api/v1/statistics/work-report.xlsx" + QueryString.Create(new Dictionary<string, string?> { ["period"] = Result?.Period.Name ?? Period, ["region"] = Region }
        .Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();
}

/// <summary>The periods a standard report is most often asked for, from today: this and the last month, quarter and year.</summary>
public static class StandardPeriods
{
    public static ReportPeriod ThisMonth(DateOnly today) => ReportPeriod.Month(today.Year, today.Month);
    public static ReportPeriod LastMonth(DateOnly today) => ThisMonth(today).Previous();
    public static ReportPeriod ThisQuarter(DateOnly today) => ReportPeriod.Quarter(today.Year, (today.Month - 1) / 3 + 1);
    public static ReportPeriod LastQuarter(DateOnly today) => ThisQuarter(today).Previous();
    public static ReportPeriod ThisYear(DateOnly today) => ReportPeriod.Year(today.Year);
    public static ReportPeriod LastYear(DateOnly today) => ReportPeriod.Year(today.Year - 1);

    /// <summary>A period's name in the page's language: 2026年11月, 2026年第四季度, 2026年度 (the English from Resources/en.json).</summary>
    public static string Title(Text t, ReportPeriod p) => p.Kind switch
    {
        PeriodKind.Month => t.Format("{0}年{1}月", p.From.Year.ToString(CultureInfo.InvariantCulture), p.From.Month.ToString(CultureInfo.InvariantCulture)),
        PeriodKind.Quarter => t.Format("{0}年第{1}季度", p.From.Year.ToString(CultureInfo.InvariantCulture), ((p.From.Month - 1) / 3 + 1).ToString(CultureInfo.InvariantCulture)),
        PeriodKind.Year => t.Format("{0}年度", p.From.Year.ToString(CultureInfo.InvariantCulture)),
        _ => p.Name,
    };
}

/// <summary>What the ranking partial shows: a caption, the unit's column head, the indicators and the ranked rows.</summary>
public sealed record RankingTable(string Caption, string Unit, IReadOnlyList<Indicator> Indicators, IReadOnlyList<ReportRow> Rows);
