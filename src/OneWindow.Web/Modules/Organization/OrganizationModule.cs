using Microsoft.AspNetCore.Http.HttpResults;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Organization;

/// <summary>组织机构: regions, venues (county hall, town halls, village rooms), departments, windows and staff; the staff's desk.</summary>
public static class OrganizationModule
{
    public static IServiceCollection AddOrganization(this IServiceCollection services) =>
        services.AddScoped<ImportCounty>().AddScoped<ManageOrganization>().AddScoped<ChooseWindow>().AddScoped<TierLists>()
            .AuthorizePages("/Organization/Admin", Policies.CenterAdmin)
            .AuthorizePages("/Organization/Workbench", Policies.Staff);

    public static IEndpointRouteBuilder MapOrganization(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/workbench/window").WithTags("Workbench").RequireAuthorization(Policies.Staff);
        api.MapGet("/", GetSeat).WithSummary("The window the signed-in member of staff sits at, and the windows they may choose from");
        api.MapPut("/", ChooseSeat).WithSummary("Sit at `windowId`: one of the venue's windows the member of staff may staff")
            .WithDescription("Remembered on the server for this account (every device); the cases they take in from now on are counted against this window. 400 `window.not-yours` for a window of another venue or department.");
        app.MapOrganizationAdmin();
        return app;
    }

    private static async Task<Ok<SeatView>> GetSeat(HttpContext http, ChooseWindow seats, CancellationToken ct) =>
        TypedResults.Ok(await seats.GetAsync(http.User, ct));

    private static async Task<Ok<SeatView>> ChooseSeat(ChooseWindowRequest request, HttpContext http, ChooseWindow seats, CancellationToken ct) =>
        TypedResults.Ok(await seats.RunAsync(http.User, request.WindowId, ct));
}
