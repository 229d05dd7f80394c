using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Catalog.Public;

public sealed class GuidesModel(OneWindowDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Department { get; set; }
    [BindProperty(SupportsGet = true)] public ItemType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public ApplicantTypes? Applicant { get; set; }
    [BindProperty(SupportsGet = true)] public string? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public GuidePage Results { get; private set; } = new([], null);
    public IReadOnlyList<(Guid Id, string Name)> DepartmentOptions { get; private set; } = [];
    public IReadOnlyList<string> ThemeOptions { get; private set; } = [];

    public string FirstPageUrl => PageUrl(null);
    public string NextPageUrl => PageUrl(Results.NextAfter);

    public async Task OnGetAsync(CancellationToken ct)
    {
        // An invalid filter value (e.g. an unknown type) is ignored by model binding and simply not applied.
        ModelState.Clear();
        Results = await SearchGuides.RunAsync(db, new GuideQuery(Q, Department, Type, Applicant, Theme, After, 20), ct);
        DepartmentOptions = [.. (await db.Departments.AsNoTracking().OrderBy(d => d.SortOrder).Select(d => new { d.Id, d.Name }).Take(500).ToListAsync(ct))
            .Select(d => (d.Id, d.Name))];
        ThemeOptions = await SearchGuides.ThemesAsync(db, ct);
    }

    private string PageUrl(string? after)
    {
        var query = new QueryBuilder();
        if (!string.IsNullOrWhiteSpace(Q)) query.Add("q", Q);
        if (Department is { } d) query.Add("department", d.ToString());
        if (Type is { } t) query.Add("type", t.ToString());
        if (Applicant is { } a) query.Add("applicant", a.ToString());
        if (!string.IsNullOrWhiteSpace(Theme)) query.Add("theme", Theme);
        if (after is not null) query.Add("after", after);
        return "/guides" + query.ToQueryString();
    }
}
