using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Domain;
using OneWindow.Domain.Calendar;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Hotline.Report;

/// <summary>热线统计报表: the nine indicators over a chosen period and breakdown with 环比 and 同比, and the hot topics (the API's twin).</summary>
public sealed class IndexModel(HotlineReport report, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public HotlineBreakdown By { get; set; } = HotlineBreakdown.Unit;
    [BindProperty(SupportsGet = true)] public int? MinCount { get; set; }

    public HotlineReportResult? Result { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Period ??= ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        try
        {
            Result = await report.RunAsync(HotlineReportQuery.Parse(Period, By, MinCount), ct);
        }
        catch (DomainRuleException e)
        {
            Error = Text.Translate(e.Message);
        }
    }

    /// <summary>Where a count opens its orders (keyset-paged): the period, the count and, for a row, its breakdown key.</summary>
    public string OrdersLink(HotlineReportRow? row, HotlineMeasure measure, HotlineBreakdown? by = null) => "/hotline/report/orders" + QueryString.Create(new Dictionary<string, string?>
    {
        ["period"] = Result?.Period.Name ?? Period, ["measure"] = measure.ToString(), ["by"] = (row is null ? HotlineBreakdown.None : by ?? By).ToString(),
        ["key"] = row?.Key, ["label"] = row?.Name,
    }.Where(kv => kv.Value is not null)).ToUriComponent();

    public string TopicLink(HotTopic topic, HotlineBreakdown by) => "/hotline/report/orders" + QueryString.Create(new Dictionary<string, string?>
    {
        ["period"] = Result?.Period.Name ?? Period, ["measure"] = nameof(HotlineMeasure.Received), ["by"] = by.ToString(), ["key"] = topic.Key, ["label"] = topic.Name,
    }).ToUriComponent();

    public static string Value(HotlineIndicator i, decimal? value) => value is not { } v ? "—"
        : i.IsRate ? v.ToString("0.00", CultureInfo.InvariantCulture) + "%" : v.ToString("0", CultureInfo.InvariantCulture);

    public static string Change(HotlineIndicator i, decimal? change) => change is not { } c ? "—"
        : (c > 0 ? "+" : "") + c.ToString("0.00", CultureInfo.InvariantCulture) + (i.IsRate ? Text.Translate("个百分点") : "%");

    public static string Of(HotlineBreakdown b) => Text.Translate(b switch
    {
        HotlineBreakdown.Channel => "受理渠道",
        HotlineBreakdown.Type => "诉求类型",
        HotlineBreakdown.Category => "诉求分类",
        HotlineBreakdown.Unit => "承办单位",
        HotlineBreakdown.Town => "乡镇（街道）",
        HotlineBreakdown.Place => "村（社区）",
        _ => "不分组",
    });
}
