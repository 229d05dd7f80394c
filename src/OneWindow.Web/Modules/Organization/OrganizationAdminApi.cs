using Microsoft.AspNetCore.Http.HttpResults;
using OneWindow.Domain.Organization;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Organization;

/// <summary>A window to add at a venue: <c>POST /api/v1/admin/org/windows</c>.</summary>
public sealed record WindowRequest(Guid VenueId, string Number, string Name, WindowKind Kind, WindowCategory Category = WindowCategory.None, Guid? DepartmentId = null);

/// <summary>The items a window or a member of staff may take in.</summary>
public sealed record ItemCodesRequest(IReadOnlyList<string> ItemCodes);

/// <summary>A member of staff to add: <c>POST /api/v1/admin/org/staff</c> (a village room's agent is a window clerk there).</summary>
public sealed record StaffRequest(string UserName, string DisplayName, string Password, string Role, Guid VenueId, Guid? DepartmentId = null);

/// <summary>A member of staff as added.</summary>
public sealed record StaffAdded(string Id, string UserName, string DisplayName, string Role, Guid VenueId, Guid? DepartmentId);

/// <summary>A tier list to set: <c>PUT /api/v1/admin/org/venues/{id}/items</c>.</summary>
public sealed record TierListRequest(IReadOnlyList<VenueItemLine> Lines);

/// <summary>A town hall's own department to set: <c>PUT /api/v1/admin/org/venues/{id}/own-department</c> (null: none).</summary>
public sealed record OwnDepartmentRequest(Guid? DepartmentId);

/// <summary>
/// <c>/api/v1/admin/org</c>: the twins of the administrator's pages for the three tiers — venues with their windows and
/// staff, windows and staff with their items, and the tier lists of town halls and village rooms.
/// </summary>
public static class OrganizationAdminApi
{
    public static IEndpointRouteBuilder MapOrganizationAdmin(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/admin/org").WithTags("Organization administration").RequireAuthorization(Policies.CenterAdmin);
        api.MapGet("/venues", Venues).WithSummary("Venues by region code, 50 a page: `tier` (CountyCenter, TownHall, VillageRoom), `region` (a code prefix, e.g. a town's 9 digits), `after` (the previous page's `next`)");
        api.MapPost("/windows", AddWindow).WithSummary("Add a window at a venue of any tier (a town hall's or village room's counter too)")
            .WithDescription("Refusals (409, problem details with a stable code): `window.fields-required`, `window.department-required` (a department window), `window.number-taken`; 404 for an unknown venue. Audited.");
        api.MapPut("/windows/{id:guid}/items", SetWindowItems).WithSummary("Replace the items the window may take in (`itemCodes`)")
            .WithDescription("409 `catalog.item-unknown`. Audited.");
        api.MapPost("/staff", AddStaff).WithSummary("Add a member of staff at a venue: a village room's agent (代办员) is a `WindowClerk` there")
            .WithDescription("Refusals (409): `staff.role-unknown`, `staff.venue-unknown`, `staff.village-agent-only` (a village room has agents only), `staff.department-required` (reviewer, approver), `staff.invalid` (user name taken, weak password). Audited.");
        api.MapPut("/staff/{id}/items", SetStaffItems).WithSummary("Replace the items the member of staff may handle (`itemCodes`)");
        api.MapGet("/venues/{id:guid}/items", GetTierList).WithSummary("The venue's tier list (下沉清单): each item with its role `TakeIn` (代收代办), `Decide` (本级办理) or `Advise` (咨询指导)");
        api.MapPut("/venues/{id:guid}/items", SetTierList).WithSummary("Replace a town hall's or village room's tier list (`lines`: `itemCode`, `role`)")
            .WithDescription("Intake at the venue is checked against it from then on. 400 `tier.county-has-no-list` (the county center's intake follows its windows), `tier.village-cannot-decide` (only a town hall decides), `tier.role-unknown`; 409 `catalog.item-unknown`; 404 for an unknown venue. Audited.");
        api.MapPut("/venues/{id:guid}/own-department", SetOwnDepartment).WithSummary("Set a town hall's own department (本级办理机构, `departmentId`; null: none), which decides the items its list marks `Decide`")
            .WithDescription("Its reviewers and approvers (staff of the hall in that department) decide those cases; the county departments no longer see them. 400 `venue.own-department-town-only`, `venue.own-department-region` (a department of the hall's town), `venue.own-department-unknown`; 404 for an unknown venue. Audited.");
        return app;
    }

    private static async Task<Ok<TierListView>> SetOwnDepartment(Guid id, OwnDepartmentRequest r, HttpContext http, ManageOrganization manage, TierLists lists, CancellationToken ct)
    {
        await manage.SetOwnDepartmentAsync(id, r.DepartmentId, http.User.ActorName(), ct);
        return TypedResults.Ok(await lists.ListAsync(id, ct));
    }

    private static async Task<Ok<VenuePage>> Venues(VenueTier? tier, string? region, string? after, TierLists lists, CancellationToken ct) =>
        TypedResults.Ok(await lists.VenuesAsync(tier, region, after, ct));

    private static async Task<Created<Window>> AddWindow(WindowRequest r, HttpContext http, ManageOrganization manage, CancellationToken ct)
    {
        var window = await manage.AddWindowAsync(r.VenueId, r.Number ?? "", r.Name ?? "", r.Kind, r.Category, r.Kind == WindowKind.Department ? r.DepartmentId : null, http.User.ActorName(), ct);
        return TypedResults.Created($"/api/v1/admin/org/windows/{window.Id}", window);
    }

    private static async Task<NoContent> SetWindowItems(Guid id, ItemCodesRequest r, HttpContext http, ManageOrganization manage, CancellationToken ct)
    {
        await manage.SetWindowItemsAsync(id, r.ItemCodes ?? [], http.User.ActorName(), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Created<StaffAdded>> AddStaff(StaffRequest r, HttpContext http, ManageOrganization manage, CancellationToken ct)
    {
        var user = await manage.AddStaffAsync(r.UserName ?? "", r.DisplayName ?? "", r.Password ?? "", r.Role ?? "", r.VenueId, r.DepartmentId, http.User.ActorName(), ct);
        return TypedResults.Created($"/api/v1/admin/org/staff/{user.Id}", new StaffAdded(user.Id, user.UserName!, user.DisplayName, r.Role!, r.VenueId, r.DepartmentId));
    }

    private static async Task<NoContent> SetStaffItems(string id, ItemCodesRequest r, HttpContext http, ManageOrganization manage, CancellationToken ct)
    {
        await manage.SetStaffItemsAsync(id, r.ItemCodes ?? [], http.User.ActorName(), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<TierListView>> GetTierList(Guid id, TierLists lists, CancellationToken ct) =>
        TypedResults.Ok(await lists.ListAsync(id, ct));

    private static async Task<Ok<TierListView>> SetTierList(Guid id, TierListRequest r, HttpContext http, ManageOrganization manage, TierLists lists, CancellationToken ct)
    {
        await manage.SetVenueItemsAsync(id, r.Lines ?? [], http.User.ActorName(), ct);
        return TypedResults.Ok(await lists.ListAsync(id, ct));
    }
}
