namespace OneWindow.Web.Modules.Organization;

public static class OrganizationModule
{
    public static IServiceCollection AddOrganizationModule(this IServiceCollection services) =>
        services.AddScoped<ImportCounty>().AddScoped<ReferenceSeed>().AddScoped<ManageOrganization>();
}
