using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Notifications;

/// <summary>
/// 通知: the staff's workbench notifications, and messages to people (SMS) written to an outbox in the same transaction
/// as what they tell of and sent by a dispatcher with retries (ADR 0019). The SMS gateway is the deployment's seam.
/// </summary>
public static class NotificationsModule
{
    public static IServiceCollection AddNotifications(this IServiceCollection services) =>
        services.AddSingleton<ISmsGateway, LoggingSmsGateway>()
            .AddSingleton<OutboxSignal>()
            .AddScoped<Outbox>()
            .AddScoped<IAfterCommit>(sp => sp.GetRequiredService<Outbox>())
            .AddScoped<TellStaff>()
            .AddSingleton<OutboxDispatcher>()
            .AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app) => app;
}
