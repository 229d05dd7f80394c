using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneWindow.Web.Data;

namespace OneWindow.Web.Tests.Infrastructure;

/// <summary>
/// The whole app in-process on its own database, seeded with the demo county, with a test clock
/// (22 Nov 2026, 10:00 Beijing). One host per test class; tests create their own data and never count globally.
/// </summary>
public sealed partial class OneWindowFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);

    // Every host watches its web root for the pages' versioned links; hundreds of hosts in one run would use up the
    // machine's inotify instances (128 per user on many systems), so the file providers poll instead, however the
    // tests are started.
    static OneWindowFactory() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "1");

    private readonly bool _ownsDatabase;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly Action<IServiceCollection>? _services;

    public OneWindowFactory() : this(TestDatabase.SeededCopy(), ownsDatabase: true) { }

    /// <summary>A host of its own with some settings changed (say, low rate limits for the test that proves them), and services if given.</summary>
    public static OneWindowFactory WithSettings(IReadOnlyDictionary<string, string> settings, Action<IServiceCollection>? services = null) =>
        new(settings.Keys.Any(k => k.StartsWith("Seed:", StringComparison.Ordinal)) ? new TestDatabase() : TestDatabase.SeededCopy(), ownsDatabase: true, settings, services);

    /// <summary>A host of its own with some services replaced (say, an SMS gateway the test holds up).</summary>
    public static OneWindowFactory WithServices(Action<IServiceCollection> services) => new(TestDatabase.SeededCopy(), ownsDatabase: true, services: services);

    /// <summary>A second app instance on another host's database (the multi-instance tests), with some settings changed if given.</summary>
    public static OneWindowFactory SharingDatabaseOf(OneWindowFactory other, Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string>? settings = null) =>
        new(other.Database, ownsDatabase: false, settings, services);

    /// <summary>A host on a database another part of the test owns (an app process started by the test).</summary>
    public static OneWindowFactory On(TestDatabase database) => new(database, ownsDatabase: false);

    private OneWindowFactory(TestDatabase database, bool ownsDatabase, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        Database = database;
        _ownsDatabase = ownsDatabase;
        _settings = settings ?? new Dictionary<string, string>();
        _services = services;
        Sms.Deliver = DeliverOutboxAsync;
    }

    public TestDatabase Database { get; }

    /// <summary>Runs the outbox's dispatcher once, as its background loop would a moment later.</summary>
    public Task<Modules.Notifications.DispatchResult> DeliverOutboxAsync() => Services.GetRequiredService<Modules.Notifications.OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None);
    public TestClock Clock { get; } = new(DefaultNow);

    /// <summary>Settles the kept case figures of every move so far, as the settlement sweep would a moment later (ADR 0042).</summary>
    public async Task<int> SettleFiguresAsync()
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Modules.Statistics.SettleCaseFigures>().RunToEndAsync(CancellationToken.None);
    }

    /// <summary>Every SMS the app sent (unless a test replaced the gateway): one-time codes are read from here.</summary>
    public CapturedSms Sms { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting("ConnectionStrings:OneWindow", Database.ConnectionString);
        // Background sweeps run only when a test calls them, with the test clock.
        builder.UseSetting("Cases:IntakeSweepSeconds", "0");
        builder.UseSetting("Statistics:ReadinessSweepSeconds", "0");
        // The kept case figures are settled when a test asks (SettleFiguresAsync), as the sweep would a moment later.
        builder.UseSetting("Statistics:SettleSeconds", "0");
        // The demo county without its history of cases: a test makes the cases it counts (DemoHistoryTests turn it on).
        builder.UseSetting("Seed:DemoHistory", "false");
        builder.UseSetting("Supervision:SweepSeconds", "0");
        // The outbox is delivered when a test reads the SMS (CapturedSms) or asks for it, not on a timer.
        builder.UseSetting("Notifications:DispatchSeconds", "0");
        builder.UseSetting("Calendar:CheckSeconds", "0");
        builder.UseSetting("Calendar:RecountInBackground", "false"); // a test runs the recount when it means to
        // Tests sign in many times a minute from one address; the rate limits have a test of their own.
        builder.UseSetting("RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("RateLimits:PublicPerMinute", "100000");
        // Likewise the delays per address after wrong passwords or codes, and the codes sent per address.
        builder.UseSetting("RateLimits:SignInFailuresPerAddress", "100000");
        builder.UseSetting("RateLimits:CodeFailuresPerAddress", "100000");
        builder.UseSetting("RateLimits:CodesPerAddress", "100000");
        foreach (var (key, value) in TestRecordKeys.Settings)
        {
            builder.UseSetting(key, value);
        }
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.RemoveAll<Modules.Notifications.ISmsGateway>();
            services.AddSingleton<Modules.Notifications.ISmsGateway>(Sms);
            _services?.Invoke(services);
        });
    }

    public OneWindowDbContext NewDbContext(out IServiceScope scope)
    {
        scope = Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task<HttpClient>> _signedIn = new();

    /// <summary>
    /// One signed-in client per user for the life of this host, for tests that act as many people many times:
    /// signing in hashes a password, a tenth of a second each time.
    /// </summary>
    public Task<HttpClient> SignedInOnce(string userName) => _signedIn.GetOrAdd(userName, name => SignedIn(name));

    /// <summary>A client signed in through the real sign-in form (anti-forgery token and all).</summary>
    public async Task<HttpClient> SignedIn(string userName, string password = Modules.Organization.DemoCounty.DemoPassword)
    {
        var client = Anonymous();
        var form = await client.GetStringAsync("/account/login");
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {userName} failed: {response.StatusCode}");
        }
        return client;
    }

    public static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("No anti-forgery token in the page.");

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDatabase)
        {
            Database.Dispose();
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
