using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OneWindow.Web.Modules.Open311;

/// <summary>
/// Open311 GeoReport v2 (ADR 0027): the hotline's category tree as services, requests sent by other systems (a city
/// platform, a mobile app) registered as work orders of the system channel, and the public state of every order —
/// the county's 12345 open to the standard that 311 clients speak.
/// </summary>
public static class Open311Module
{
    public static IServiceCollection AddOpen311(this IServiceCollection services)
    {
        // The first writer the problem-details service asks: Open311's paths get the spec's errors, all others problem details.
        services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, Open311ProblemWriter>());
        return services.AddSingleton<Open311Settings>()
            .AddScoped<Open311Services>()
            .AddScoped<SubmitServiceRequest>()
            .AddScoped<ServiceRequestQueries>();
    }

    public static IEndpointRouteBuilder MapOpen311(this IEndpointRouteBuilder app)
    {
        Open311Api.Map(app);
        return app;
    }
}
