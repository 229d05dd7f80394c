using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Organization;

/// <summary>组织机构: regions, venues (county hall, town halls, village rooms), departments, windows and staff; the staff's desk.</summary>
public static class OrganizationModule
{
    public static IServiceCollection AddOrganization(this IServiceCollection services) =>
        services.AddScoped<ImportCounty>().AddScoped<ManageOrganization>()
            .AuthorizePages("/Organization/Admin", Policies.CenterAdmin)
            .AuthorizePages("/Organization/Workbench", Policies.Staff);

    public static IEndpointRouteBuilder MapOrganization(this IEndpointRouteBuilder app) => app;
}
