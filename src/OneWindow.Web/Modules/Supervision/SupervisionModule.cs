namespace OneWindow.Web.Modules.Supervision;

/// <summary>电子监察: rules and alerts, the sweep, supervision notices, the pages of the supervision center.</summary>
public static class SupervisionModule
{
    public static IServiceCollection AddSupervisionModule(this IServiceCollection services) =>
        services.AddScoped<SupervisionSettings>()
            .AddScoped<NotifyStaff>()
            .AddScoped<RaiseAlerts>()
            .AddScoped<WatchCases>()
            .AddScoped<HandleAlerts>()
            .AddScoped<ConfigureRules>()
            .AddSingleton<INotificationSender, LoggingNotificationSender>()
            .AddSingleton<SupervisionSweep>()
            .AddHostedService(sp => sp.GetRequiredService<SupervisionSweep>());
}
