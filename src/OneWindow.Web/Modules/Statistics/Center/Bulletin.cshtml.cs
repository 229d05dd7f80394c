using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Domain;
using OneWindow.Domain.Calendar;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Statistics.Center;

/// <summary>每月一通报: a month's windows and departments ranked, as a printable page (the API's twin: GET /api/v1/statistics/bulletin).</summary>
public sealed class BulletinModel(MonthlyBulletin bulletin, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }

    public BulletinResult? Result { get; private set; }
    public string? Error { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime);
        Period ??= StandardPeriods.LastMonth(Today).Name;
        try
        {
            var (period, region) = StandardReportChoices.Parse(Period, Region);
            Result = await bulletin.RunAsync(period, region, ct);
        }
        catch (DomainRuleException e)
        {
            Error = Text.Translate(e.Message);
        }
    }

    public string ExcelLink => "/api/v1/statistics/bulletin.xlsx" + QueryString.Create(new Dictionary<string, string?> { ["period"] = Result?.Period.Name ?? Period, ["region"] = Region }
        .Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();
}
