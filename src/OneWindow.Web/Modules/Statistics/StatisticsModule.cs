using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Statistics;

/// <summary>统计分析: the kept daily figures (a case hook), their check, the indicators, the report and its API.</summary>
public static class StatisticsModule
{
    public static IServiceCollection AddStatistics(this IServiceCollection services) =>
        services.AddSingleton<VenueRegionCache>()
            .AddScoped<VenueRegions>()
            .AddScoped<Cases.ICaseHook, QueueCaseFigures>()
            .AddScoped<SettleCaseFigures>()
            .AddHostedService<CaseFigureSweep>()
            .AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor, KeepServiceFigures>()
            .AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor, KeepFeeFigures>()
            .AddScoped<CheckFeeFigures>()
            .AddScoped<FeeItems>()
            .AddSingleton<ReadinessSnapshotSweep>()
            .AddHostedService(sp => sp.GetRequiredService<ReadinessSnapshotSweep>())
            .AddScoped<CheckFigures>()
            .AddScoped<CheckServiceFigures>()
            .AddScoped<StatisticsReport>()
            .AddScoped<FigureCases>()
            .AddScoped<Readiness>()
            .AddScoped<WorkReport>()
            .AddScoped<MonthlyBulletin>()
            .AuthorizePages("/Statistics/Center", Policies.Statistics);

    public static IEndpointRouteBuilder MapStatistics(this IEndpointRouteBuilder app)
    {
        StatisticsApi.Map(app);
        StandardReportsApi.Map(app);
        return app;
    }
}
