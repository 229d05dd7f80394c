using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Catalog.Public;

public sealed class CombinedModel(OneWindowDbContext db) : PageModel
{
    public sealed record Member(string Code, string Name, string DepartmentName, ServiceGuide Guide);


    public CombinedItem Item { get; private set; } = null!;
    public IReadOnlyList<Member> Members { get; private set; } = [];
    public IReadOnlyList<PackageMaterial> MergedMaterials { get; private set; } = [];
    public string LeadDepartmentName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var item = await db.CombinedItems.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code && c.Status == VersionStatus.Published, ct);
        if (item is null)
        {
            return NotFound();
        }
        Item = item;
        var codes = item.MemberCodes.ToList();
        var versions = await db.ServiceItemVersions.AsNoTracking().Where(v => codes.Contains(v.ItemCode) && v.Status == VersionStatus.Published).ToListAsync(ct);
        var departmentIds = versions.Select(v => v.DepartmentId).Append(item.LeadDepartmentId).Distinct().ToList();
        var departments = await db.Departments.AsNoTracking().Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        Members = [.. codes.Select(c => versions.FirstOrDefault(v => v.ItemCode == c)).OfType<ServiceItemVersion>()
            .Select(v => new Member(v.ItemCode, v.Name, departments.GetValueOrDefault(v.DepartmentId, ""), v.Guide))];
        LeadDepartmentName = departments.GetValueOrDefault(item.LeadDepartmentId, "");
        // One form: a material asked by several member items is submitted once (the domain's merge).
        MergedMaterials = PackageMaterials.Merge([.. Members.Select(m => (m.Name, m.Guide))]);
        return Page();
    }
}
