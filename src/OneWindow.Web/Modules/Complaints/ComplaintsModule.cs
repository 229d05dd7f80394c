using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Complaints;

/// <summary>效能投诉: complaints about how the hall works, from the public (anonymous if wished) to the supervisors.</summary>
public static class ComplaintsModule
{
    public static IServiceCollection AddComplaints(this IServiceCollection services) =>
        services.AddScoped<HandleComplaints>()
            .AddScoped<RevealComplainant>()
            .PublicPages("/Complaints/Public")
            .AuthorizePages("/Complaints/Center", Policies.Leadership);

    public static IEndpointRouteBuilder MapComplaints(this IEndpointRouteBuilder app)
    {
        ComplaintsApi.Map(app);
        return app;
    }
}
