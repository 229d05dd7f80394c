using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Audit;

namespace OneWindow.Web.Modules.ApiClients.Admin;

/// <summary>
/// 接入应用管理: the registered client applications, registering one (its key is shown on the answer to the
/// registration, this once, never stored in clear and never put in a redirect or a cookie) and revoking one.
/// </summary>
public sealed class ClientsModel(ListApiClients list, RegisterApiClient register, RevokeApiClient revoke, OneWindowDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? After { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Contact { get; set; }
    [BindProperty] public Guid? DepartmentId { get; set; }
    [BindProperty] public List<string> Scopes { get; set; } = [];
    [BindProperty] public int? RequestsPerMinute { get; set; }
    [BindProperty] public Guid? ClientId { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public ApiClientPage Clients { get; private set; } = new([], null);
    public IReadOnlyList<(Guid Id, string Name)> Departments { get; private set; } = [];
    public ApiClientRegistered? Registered { get; private set; }
    public Dictionary<string, string> FieldErrors { get; } = [];
    public Guid? RevokeErrorFor { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostRegisterAsync(CancellationToken ct)
    {
        try
        {
            Registered = await register.RunAsync(User, new ApiClientRegistration(Name, Contact, DepartmentId, Scopes, RequestsPerMinute), ct);
            PersonalData.NoStore(Response); // the answer carries the key
            Name = Contact = null;
            DepartmentId = null;
            Scopes = [];
            RequestsPerMinute = null;
        }
        catch (DomainRuleException e)
        {
            FieldErrors[e.Field ?? "name"] = Text.Translate(e.Message);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        try
        {
            var revoked = await revoke.RunAsync(User, ClientId ?? Guid.Empty, Reason, ct);
            TempData["Flash"] = Text.Formatted("已吊销“{0}”的接入密钥，即时生效。", revoked.Name);
            return Redirect("/admin/api-clients");
        }
        catch (DomainRuleException e)
        {
            RevokeErrorFor = ClientId;
            FieldErrors["reason"] = Text.Translate(e.Message);
        }
        catch (NotFoundException e)
        {
            RevokeErrorFor = ClientId;
            FieldErrors["reason"] = Text.Translate(e.Message);
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Clients = await list.RunAsync(After, ct);
        Departments = (await db.Departments.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync(ct))
            .Select(d => (d.Id, d.Name)).ToList();
    }

    public static string ScopeText(string scope) => scope switch
    {
        ApiScopes.Open311Write => "Open311 诉求提交",
        ApiScopes.CertificatesWrite => "证照上报",
        ApiScopes.HotlineCalls => "热线来电事件",
        _ => scope,
    };
}
