using System.Text.Json;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Cases;

namespace OneWindow.Web.Modules.Supervision;

/// <summary>电子监察: rules and alerts, the sweep, supervision notices, the pages of the supervision center.</summary>
public static class SupervisionModule
{
    public static IServiceCollection AddSupervision(this IServiceCollection services) =>
        services.AddAuthorization(ReportCertificate.AddPolicy)
            .AuthorizePages("/Supervision/Center", Policies.Leadership)
            .AuthorizePages("/Supervision/Workbench", Policies.Staff)
            .PublicPages("/Supervision/Screens")
            .AddScoped<SupervisionSettings>()
            .AddSingleton<RuleBookCache>()
            .AddScoped<NotifyStaff>()
            .AddScoped<RaiseAlerts>()
            .AddScoped<SubjectWatches>()
            .AddScoped<WatchCases>()
            // The kinds of subject the sweep watches: cases today; a module with records of its own registers its kind.
            .AddScoped<ISupervisedKind, SupervisedCases>()
            .AddScoped<HandleAlerts>()
            .AddScoped<MarkNotificationsRead>()
            .AddScoped<ConfigureRules>()
            .AddScoped<ReportCertificate>()
            .AddSingleton<LiveFigures>()
            .AddSingleton<LiveStreams>()
            .AddScoped<Cases.ICaseHook, SuperviseCases>()
            .AddScoped<Cases.ICaseSection, AlertsOnCasePage>()
            .AddSingleton<SupervisionSweep>()
            .AddHostedService(sp => sp.GetRequiredService<SupervisionSweep>());

    public static IEndpointRouteBuilder MapSupervision(this IEndpointRouteBuilder app)
    {
        ReportCertificate.Map(app);
        AlertsApi.Map(app);
        NoticesApi.Map(app);
        RulesApi.Map(app);
        app.MapGet("/supervision/live", (HttpContext http, LiveFigures live, LiveStreams streams, OneWindowDbContext db, CancellationToken ct) =>
            StreamAsync(http, live, streams, LiveStreamKind.Supervision, async (figures, token) => LiveView.From(figures, await CaseDepartments.NamesAsync(db, [.. figures.LatestCards.Select(c => c.DepartmentId)], token)), ct))
            .RequireAuthorization(Policies.Leadership).ExcludeFromDescription();
        // The hall's big screen: aggregates only, open to the public display; the figures are shared, so watching
        // costs no database work, and the streams are capped, so watching cannot take every connection.
        app.MapGet("/screen/live", (HttpContext http, LiveFigures live, LiveStreams streams, CancellationToken ct) =>
            StreamAsync(http, live, streams, LiveStreamKind.Screen, (figures, _) => Task.FromResult(OneWindow.Web.Modules.Supervision.Screens.ScreenModel.PublicView(figures)), ct))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Server-sent events: the figures at once, then at every interval until the page is closed. The browser
    /// reconnects by itself after a network break.
    /// </summary>
    private static async Task StreamAsync(HttpContext http, LiveFigures live, LiveStreams streams, LiveStreamKind kind, Func<DashboardFigures, CancellationToken, Task<LiveView>> view, CancellationToken ct)
    {
        using var place = streams.TryOpen(kind, ClientAddress.Of(http), out var refusal);
        if (place is null)
        {
            await RefuseAsync(http, refusal);
            return;
        }
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

    /// <summary>429 when this address has its streams open already, 503 when the server has: try again later.</summary>
    private static Task RefuseAsync(HttpContext http, int status)
    {
        http.Response.StatusCode = status;
        http.Response.Headers.RetryAfter = status == StatusCodes.Status429TooManyRequests ? "60" : "30";
        return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = status,
                Title = Text.Translate(status == StatusCodes.Status429TooManyRequests ? "本机打开的实时页面过多，请关闭部分页面后再试。" : "实时数据连接已满，请稍后再试。"),
                Extensions = { ["code"] = status == StatusCodes.Status429TooManyRequests ? "live.too-many-streams" : "live.server-full" },
            },
        }).AsTask();
    }
}
