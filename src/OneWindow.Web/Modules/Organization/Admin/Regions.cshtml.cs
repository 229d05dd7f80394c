using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Organization.Admin;

/// <summary>The county–town–village tree, one level at a time, and the import of a whole county.</summary>
public sealed class RegionsModel(OneWindowDbContext db, ImportCounty import) : PageModel
{
    public sealed record Row(string Code, string Name, RegionLevel Level, int Children, int Venues);

    [BindProperty(SupportsGet = true)] public string? Parent { get; set; }
    [BindProperty] public string? CountyCode { get; set; }

    public Region? Current { get; private set; }
    public IReadOnlyList<Region> Path { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        try
        {
            var result = await import.RunAsync(CountyCode ?? "", User.ActorName(), ct);
            TempData["Flash"] = Text.Formatted("已导入 {0}：{1} 个乡镇（街道）、{2} 个村（社区），新增 {3} 条。", result.CountyName, result.Towns, result.Villages, result.Added);
            return Redirect("/admin/org/regions?parent=" + result.CountyCode);
        }
        catch (DomainRuleException e)
        {
            Error = e.Message;
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var regions = db.Regions.AsNoTracking();
        if (Parent is not null)
        {
            Current = await regions.FirstOrDefaultAsync(r => r.Code == Parent, ct);
            var path = new List<Region>();
            for (var code = Current?.ParentCode; code is not null;)
            {
                var r = await regions.FirstOrDefaultAsync(x => x.Code == code, ct);
                if (r is null) break;
                path.Insert(0, r);
                code = r.ParentCode;
            }
            Path = path;
        }
        var children = Current is null
            ? regions.Where(r => r.Level == RegionLevel.County)
            : regions.Where(r => r.ParentCode == Current.Code);
        Rows = await children.OrderBy(r => r.Code).Take(1000)
            .Select(r => new Row(r.Code, r.Name, r.Level,
                db.Regions.Count(c => c.ParentCode == r.Code),
                db.Venues.Count(v => v.RegionCode == r.Code)))
            .ToListAsync(ct);
    }
}
