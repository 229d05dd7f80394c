using System.Text.Json;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Cases;

namespace OneWindow.Web.Modules.Supervision;

/// <summary>电子监察: rules and alerts, the sweep, supervision notices, the pages of the supervision center.</summary>
public static class SupervisionModule
{
    public static IServiceCollection AddSupervisionModule(this IServiceCollection services) =>
        services.AddScoped<SupervisionSettings>()
            .AddSingleton<RuleBookCache>()
            .AddScoped<NotifyStaff>()
            .AddScoped<RaiseAlerts>()
            .AddScoped<WatchCases>()
            .AddScoped<HandleAlerts>()
            .AddScoped<ConfigureRules>()
            .AddScoped<ReportCertificate>()
            .AddScoped<Complaints.HandleComplaints>()
            .AddSingleton<LiveFigures>()
            .AddSingleton<INotificationSender, LoggingNotificationSender>()
            .AddSingleton<SupervisionSweep>()
            .AddHostedService(sp => sp.GetRequiredService<SupervisionSweep>());

    public static WebApplication MapSupervisionModule(this WebApplication app)
    {
        ReportCertificate.Map(app);
        app.MapGet("/supervision/live", (HttpContext http, LiveFigures live, OneWindowDbContext db, CancellationToken ct) =>
            StreamAsync(http, live, async (figures, token) => LiveView.From(figures, await CaseDepartments.NamesAsync(db, [.. figures.LatestCards.Select(c => c.DepartmentId)], token)), ct))
            .RequireAuthorization(Policies.Leadership).ExcludeFromDescription();
        // The hall's big screen: aggregates only, open to the public display; the figures are shared, so watching costs nothing.
        app.MapGet("/screen/live", (HttpContext http, LiveFigures live, CancellationToken ct) =>
            StreamAsync(http, live, (figures, _) => Task.FromResult(Screen.ScreenModel.PublicView(figures)), ct))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Server-sent events: the figures at once, then at every interval until the page is closed. The browser
    /// reconnects by itself after a network break.
    /// </summary>
    private static async Task StreamAsync(HttpContext http, LiveFigures live, Func<DashboardFigures, CancellationToken, Task<LiveView>> view, CancellationToken ct)
    {
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no"; // nginx: pass events through unbuffered
        try
        {
            using var timer = new PeriodicTimer(live.Interval);
            do
            {
                var json = JsonSerializer.Serialize(await view(await live.GetAsync(ct), ct), OneWindowDbContext.DocumentJson);
                await http.Response.WriteAsync($"event: figures\ndata: {json}\n\n", ct);
                await http.Response.Body.FlushAsync(ct);
            }
            while (await timer.WaitForNextTickAsync(ct));
        }
        catch (OperationCanceledException)
        {
            // The page was closed.
        }
    }
}
