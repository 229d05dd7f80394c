using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Knowledge;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Accounts;

namespace OneWindow.Web.Modules.Knowledge.Staff;

/// <summary>
/// 知识库 list: the center sees every entry, a department's staff their own department's first; the entries past their
/// review day are flagged on the list, and their owner sees how many are due above it. Paged by key.
/// </summary>
public sealed class IndexModel(OneWindowDbContext db, UserManager<UserAccount> users, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Department { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public bool Due { get; set; }
    [BindProperty(SupportsGet = true)] public bool Withdrawn { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public KnowledgeAuthor Author { get; private set; } = null!;
    public KnowledgePage Results { get; private set; } = new([], null);
    public int DueCount { get; private set; }
    public List<SelectListItem> Departments { get; private set; } = [];
    public List<SelectListItem> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Author = await KnowledgeStaff.AuthorAsync(User, users, db);
        var today = ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime);
        // A department's staff land on their own entries; the filter can be cleared to read the others'.
        if (!Author.IsCenter && !Request.Query.ContainsKey("department"))
        {
            Department = Author.DepartmentId;
        }
        Results = await KnowledgeQueries.ListAsync(db, new KnowledgeFilter(Department, Category, Due, Withdrawn, After), today, ct);
        DueCount = await KnowledgeQueries.DueCountAsync(db, Author.IsCenter ? null : Author.DepartmentId, today, ct);
        Departments = await KnowledgePickLists.DepartmentsAsync(db, Department, "（全部部门）", ct);
        Categories = await KnowledgePickLists.CategoriesAsync(db, Category, "（全部分类）", ct);
    }
}
