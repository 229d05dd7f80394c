using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Domain;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Statistics.Center;

/// <summary>统计明细: the cases behind a count of the report, keyset-paged (the API's twin: GET /api/v1/statistics/cases).</summary>
public sealed class CasesModel(FigureCases cases) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public string? Indicator { get; set; }
    [BindProperty(SupportsGet = true)] public Breakdown By { get; set; }
    [BindProperty(SupportsGet = true)] public string? Key { get; set; }
    [BindProperty(SupportsGet = true)] public string? Label { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Department { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public int Level { get; set; } = 9;
    [BindProperty(SupportsGet = true)] public string? After { get; set; }
    [BindProperty(SupportsGet = true)] public string? Fee { get; set; }

    public FigureCasesQuery? Query { get; private set; }
    public FigureCasesPage Found { get; private set; } = new([], null);
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        try
        {
            Query = FigureCasesChoices.Parse(Period, Indicator, By, Key, Department, Region, Level, After, Fee);
            Found = await cases.RunAsync(Query, ct);
        }
        catch (DomainRuleException e)
        {
            Error = Text.Translate(e.Message);
        }
    }

    public string PageLink(string after) => QueryString.Create(new Dictionary<string, string?>
    {
        ["period"] = Period, ["indicator"] = Indicator, ["by"] = By.ToString(), ["key"] = Key, ["label"] = Label,
        ["department"] = Department?.ToString(), ["region"] = Region, ["level"] = Level.ToString(System.Globalization.CultureInfo.InvariantCulture), ["fee"] = Fee, ["after"] = after,
    }).ToUriComponent() is var q ? "/statistics/cases" + q : "";
}
