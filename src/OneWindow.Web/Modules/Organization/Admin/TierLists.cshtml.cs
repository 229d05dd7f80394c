using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Organization.Admin;

/// <summary>下沉清单: what a town hall or village room takes in for the county, decides itself or advises on.</summary>
public sealed class TierListsModel(OneWindowDbContext db, ManageOrganization manage, TierLists lists) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Venue { get; set; }

    /// <summary>Each published item's role at the venue, by code: empty for "not on the list".</summary>
    [BindProperty] public Dictionary<string, string> Roles { get; set; } = [];

    /// <summary>A town hall's own department (本级办理机构), which decides its 本级办理 items.</summary>
    [BindProperty] public Guid? OwnDepartmentId { get; set; }

    /// <summary>The departments of the town hall's town (its own department is one of them).</summary>
    public IReadOnlyList<SelectListItem> TownDepartments { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Venues { get; private set; } = [];
    public TierListView? List { get; private set; }
    public IReadOnlyList<(string Code, string Name)> PublishedItems { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(keepPosted: false, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Venue is not { } venueId)
        {
            return BadRequest();
        }
        try
        {
            var lines = Roles.Where(r => Enum.TryParse<TierItemRole>(r.Value, out _)).Select(r => new VenueItemLine(r.Key, Enum.Parse<TierItemRole>(r.Value))).ToList();
            await manage.SetTierListAsync(venueId, OwnDepartmentId, lines, User.ActorName(), ct);
            TempData["Flash"] = Text.Translate("下沉清单已保存。");
            return Redirect($"/admin/org/tier-lists?venue={venueId}");
        }
        catch (Exception e) when (e is DomainRuleException or NotFoundException)
        {
            Error = e.Message;
        }
        await LoadAsync(keepPosted: true, ct);
        return Page();
    }

    private async Task LoadAsync(bool keepPosted, CancellationToken ct)
    {
        var venues = await db.Venues.AsNoTracking().Where(v => v.Tier != VenueTier.CountyCenter).OrderBy(v => v.RegionCode).Take(VenuePicks.Limit)
            .Select(v => new { v.Id, v.Name, v.Tier }).ToListAsync(ct);
        Venue ??= venues.FirstOrDefault()?.Id;
        Venues = [.. venues.Select(v => new SelectListItem((v.Tier == VenueTier.VillageRoom ? "　" : "") + v.Name, v.Id.ToString(), v.Id == Venue))];
        if (Venue is { } id && venues.Any(v => v.Id == id))
        {
            List = await lists.ListAsync(id, ct);
            PublishedItems = await PickLists.PublishedItemsAsync(db, ct);
            if (!keepPosted)
            {
                Roles = List.Lines.ToDictionary(l => l.ItemCode, l => l.Role.ToString());
                OwnDepartmentId = List.OwnDepartmentId;
            }
            if (List.Tier == VenueTier.TownHall)
            {
                var region = await db.Venues.AsNoTracking().Where(v => v.Id == id).Select(v => v.RegionCode).FirstAsync(ct);
                var departments = await db.Departments.AsNoTracking().Where(d => d.RegionCode == region).OrderBy(d => d.SortOrder).ThenBy(d => d.Name)
                    .Take(VenuePicks.Limit).Select(d => new { d.Id, d.Name }).ToListAsync(ct);
                TownDepartments = [new SelectListItem(Text.Translate("无（由县级部门办理）"), "", OwnDepartmentId is null),
                    .. departments.Select(d => new SelectListItem(d.Name, d.Id.ToString(), d.Id == OwnDepartmentId))];
            }
        }
    }
}
