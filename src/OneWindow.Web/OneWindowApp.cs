using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Accounts;
using OneWindow.Web.Modules.ApiClients;
using OneWindow.Web.Modules.Applicants;
using OneWindow.Web.Modules.Assessment;
using OneWindow.Web.Modules.Audit;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Modules.Catalog;
using OneWindow.Web.Modules.Complaints;
using OneWindow.Web.Modules.Hotline;
using OneWindow.Web.Modules.Knowledge;
using OneWindow.Web.Modules.Notifications;
using OneWindow.Web.Modules.Open311;
using OneWindow.Web.Modules.Organization;
using OneWindow.Web.Modules.Ratings;
using OneWindow.Web.Modules.Statistics;
using OneWindow.Web.Modules.Ledger;
using OneWindow.Web.Modules.Supervision;

namespace OneWindow.Web;

/// <summary>Composition of the host: services first, then the request pipeline. Each module adds its own parts.</summary>
public static class OneWindowApp
{
    /// <summary>
    /// The modules, each a capability, in the order they depend on each other: a module uses those before it and never
    /// one after it (ModuleDependencyTests holds the code to this list).
    /// </summary>
    public static readonly IReadOnlyList<string> Modules =
        ["Audit", "Notifications", "Calendar", "Accounts", "Organization", "ApiClients", "Catalog", "Cases", "Statistics", "Applicants", "Ratings", "Supervision", "Complaints", "Knowledge", "Hotline", "Assessment", "Open311", "Ledger"];

    private static IServiceCollection AddModules(this IServiceCollection services) =>
        services.AddAudit().AddNotifications().AddCalendar().AddAccounts().AddOrganization().AddApiClients().AddCatalog().AddCases().AddStatistics().AddApplicants().AddRatings()
            .AddSupervision().AddComplaints().AddKnowledge().AddHotline().AddAssessment().AddOpen311().AddLedger();

    private static IEndpointRouteBuilder MapModules(this IEndpointRouteBuilder app) =>
        app.MapAudit().MapNotifications().MapCalendar().MapAccounts().MapOrganization().MapApiClients().MapCatalog().MapCases().MapStatistics().MapApplicants().MapRatings()
            .MapSupervision().MapComplaints().MapKnowledge().MapHotline().MapAssessment().MapOpen311().MapLedger();

    public static WebApplicationBuilder AddOneWindow(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        ShiftedClock.AddTo(services, builder.Configuration, builder.Environment); // the system clock; a movable one for browser journeys
        services.AddOneWindowDatabase(builder.Configuration, builder.Environment.ContentRootPath);
        // The key ring lives in the database: every instance behind the proxy reads the same sign-in cookies.
        services.AddDataProtection().SetApplicationName("OneWindow");
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<IServiceScopeFactory>((options, scopes) => options.XmlRepository = new DataProtectionKeyStore(scopes));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddOneWindowRateLimits(builder.Configuration);
        services.AddUploadLimits(builder.Configuration);

        services.AddIdentity<UserAccount, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                // No lock a stranger could set on someone else's account: wrong passwords bring growing delays (ADR 0015).
                options.Lockout.AllowedForNewUsers = false;
                options.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<OneWindowDbContext>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/denied";
            options.Cookie.Name = "onewindow.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            // The API answers 401/403 as problem details instead of redirecting to the sign-in page.
            options.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status403Forbidden);
            options.Events.OnValidatePrincipal = SecurityStampCheck.WhenDueAsync;
        });
        // How often a sign-in cookie is checked against its account (security stamp, roles): a stamp moved by sign-out,
        // a new password or phone, or a detached ID number ends the cookie's copies within this time.
        services.Configure<SecurityStampValidatorOptions>(o =>
            o.ValidationInterval = TimeSpan.FromMinutes(Math.Max(1, builder.Configuration.GetValue("Accounts:StampCheckMinutes", 5))));
        services.AddAuthorization(Policies.Configure);

        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Modules";
            options.Conventions.ConfigureFilter(new FormPostsOnly());
            // Each module says who may open its pages, folder by folder; the error page is for everyone.
            options.Conventions.AllowAnonymousToPage("/Shared/Error");
        });
        services.AddScoped<Text>();
        // Chinese pages: emit CJK characters as they are instead of as numeric character references.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = new[] { new CultureInfo("zh-CN"), new CultureInfo("en") };
            options.DefaultRequestCulture = new RequestCulture("zh-CN");
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });

        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemMapping>();
        services.ConfigureHttpJsonOptions(o =>
        {
            // Enums by name only: a number would let an undefined value (99) through.
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            o.SerializerOptions.Converters.Add(new InputGuards.NoNulStrings());
            RequestJson.Configure(o.SerializerOptions);
        });
        // Behind nginx: the client's address (for rate limits and logs) and the scheme (for HSTS and secure cookies)
        // come from X-Forwarded-For/-Proto, trusted from loopback and the configured proxies only.
        services.AddTrustedProxies(builder.Configuration);
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "OneWindow API (一窗通)";
            document.Info.Version = "v1";
            document.Info.Description = "The public catalog of service items with their guides, and the working-day calendar. Errors are RFC 9457 problem details with a stable `code`.";
            return Task.CompletedTask;
        }));

        services.AddModules();
        // The demo county and the reference data: a composition of several modules' data, run at start.
        services.AddScoped<Seeding.ReferenceSeed>();
        services.AddScoped<Seeding.DemoHistory>();
        return builder;
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<RecordKeyCheck>().RunAsync(CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<Seeding.ReferenceSeed>().RunAsync(
            app.Configuration.GetValue("Seed:DemoCounty", true), app.Configuration.GetValue("Seed:DemoHistory", false));
        // After migration 0015 on a database in use: the national change that recounts what the statutory holidays move.
        await scope.ServiceProvider.GetRequiredService<Modules.Calendar.Changes.StatuteUpgrade>().RunAsync(CancellationToken.None);
        // The published guides the knowledge base's index does not have yet (the seed's, a restored database's).
        await scope.ServiceProvider.GetRequiredService<IndexGuides>().CatchUpAsync(CancellationToken.None);
    }

    public static WebApplication UseOneWindow(this WebApplication app)
    {
        app.UseForwardedHeaders();
        // Errors go to /error, which answers the API with problem details and people with a readable page.
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error", AllowStatusCode404Response = true });
        app.UseStatusCodePagesWithReExecute("/error", "?status={0}");
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseInputGuards();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        // A client key's request: its rate limit, and its attribution in the audit log (ADR 0025).
        app.UseApiClients();
        app.UseAuthorization();

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapRazorPages();
        app.MapModules();
        app.MapLanguageSwitch();
        app.MapGet("/health/live", () => TypedResults.Ok(new { status = "live" })).AllowAnonymous().ExcludeFromDescription();
        // Ready when the database answers: a proxy or orchestrator sends traffic only then.
        app.MapHealthChecks("/health/ready", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            ResponseWriter = (http, report) => http.Response.WriteAsJsonAsync(new
            {
                status = report.Status == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy ? "ready" : "unavailable",
                checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
            }),
        }).AllowAnonymous();
        return app;
    }

    private static Task ApiAwareRedirect(HttpContext http, string redirectUri, int status)
    {
        if (http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            http.Response.StatusCode = status;
            return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = status, Title = status == 401 ? "需要登录" : "无权访问", Extensions = { ["code"] = status == 401 ? "auth.required" : "auth.forbidden" } },
            }).AsTask();
        }
        // The cookie handler builds an absolute URI from the request's Host header, which the sender chooses: a
        // forged Host must not become the Location a browser follows. Same-site relative paths only.
        var web = Uri.TryCreate(redirectUri, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps);
        http.Response.Redirect(web ? absolute!.PathAndQuery + absolute.Fragment : redirectUri);
        return Task.CompletedTask;
    }
}
