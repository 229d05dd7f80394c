using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Ledger.Tiers;

/// <summary>乡村两级考核: town halls (with their villages) or one town's hall and village rooms, over a period, from kept figures.</summary>
public sealed class AssessmentModel(OneWindowDbContext db, TierAssessment assessment, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public string? Town { get; set; }

    public TierAssessmentResult? Result { get; private set; }
    public IReadOnlyList<(string Code, string Name)> Towns { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var county = await TierPeriods.CountyAsync(db, ct);
        var prefix = county[..6];
        Towns = [.. (await db.Regions.AsNoTracking().Where(r => r.ParentCode == county && r.Level == RegionLevel.Town).OrderBy(r => r.Code).Take(200)
            .Select(r => new { r.Code, r.Name }).ToListAsync(ct)).Select(r => (r.Code, r.Name))];
        try
        {
            var period = TierPeriods.Parse(Period, clock);
            Period = period.Name;
            Result = await assessment.RunAsync(period, county, Town, ct);
        }
        catch (DomainRuleException e)
        {
            Error = e.Message;
        }
    }
}
