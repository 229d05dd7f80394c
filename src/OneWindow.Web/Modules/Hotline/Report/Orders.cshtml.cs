using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Domain;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Hotline.Report;

/// <summary>The orders behind a count of the hotline report (the API's <c>/api/v1/hotline/report/orders</c>), 30 a page by key.</summary>
public sealed class OrdersModel(HotlineReportOrders orders, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public HotlineMeasure? Measure { get; set; }
    [BindProperty(SupportsGet = true)] public HotlineBreakdown? By { get; set; }
    [BindProperty(SupportsGet = true)] public string? Key { get; set; }
    [BindProperty(SupportsGet = true)] public string? Label { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public HotlineOrdersPage? Orders { get; private set; }
    public string? Error { get; private set; }
    public DateTime Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        try
        {
            Orders = await orders.RunAsync(HotlineOrdersQuery.Parse(Period, Measure, By, Key, After), ct);
        }
        catch (DomainRuleException e)
        {
            Error = Text.Translate(e.Message);
        }
    }

    public string NextLink(string next) => "/hotline/report/orders" + QueryString.Create(new Dictionary<string, string?>
    {
        ["period"] = Period, ["measure"] = Measure?.ToString(), ["by"] = By?.ToString(), ["key"] = Key, ["label"] = Label, ["after"] = next,
    }.Where(kv => kv.Value is not null)).ToUriComponent();

    public static string Of(HotlineMeasure? m) => Text.Translate(m switch
    {
        HotlineMeasure.Received => "受理",
        HotlineMeasure.AnsweredOnTheSpot => "直接办结",
        HotlineMeasure.Referred => "转警",
        HotlineMeasure.Refused => "不予受理",
        HotlineMeasure.Merged => "重复件",
        HotlineMeasure.Dispatched => "派单",
        HotlineMeasure.SignedFor => "签收",
        HotlineMeasure.Returned => "退单",
        HotlineMeasure.Replied => "答复",
        HotlineMeasure.SentBack => "退回重办",
        HotlineMeasure.CallbackDue => "应回访",
        HotlineMeasure.CalledBack => "回访",
        HotlineMeasure.Unsatisfied => "不满意",
        HotlineMeasure.Reopened => "重办",
        HotlineMeasure.Concluded => "办结",
        _ => "工单",
    });
}
