using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Domain;
using OneWindow.Domain.Calendar;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Hotline.Report;

/// <summary>呈阅件: the leaders' monthly brief of the hotline, printable (the API's <c>/api/v1/hotline/report/brief</c>).</summary>
public sealed class BriefModel(HotlineBrief brief, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }

    public HotlineBriefResult? Result { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The month just ended, unless one is asked for.
        Month ??= ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        try
        {
            Result = await brief.RunAsync(HotlineBrief.ParseMonth(Month), ct);
        }
        catch (DomainRuleException e)
        {
            Error = Text.Translate(e.Message);
        }
    }

    public static string Rate(decimal? v) => v is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary>A change in words, as a brief writes it: 上升/下降 so many percentage points (a rate) or percent (a count).</summary>
    public static string Change(HotlineIndicator i, decimal? change) => change switch
    {
        null => "无可比数据",
        0 => "持平",
        > 0 => $"上升 {change.Value.ToString("0.00", CultureInfo.InvariantCulture)}{(i.IsRate ? " 个百分点" : "%")}",
        _ => $"下降 {(-change.Value).ToString("0.00", CultureInfo.InvariantCulture)}{(i.IsRate ? " 个百分点" : "%")}",
    };
}
