using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Operations;

/// <summary>
/// The app as its own process, killed with SIGKILL while four clerks register and act on cases as fast as it
/// answers, then started again on the same database: everything it acknowledged must be there, and every case's
/// event chain must verify. Runs on SQLite and on PostgreSQL like the rest of the suite.
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private readonly TestDatabase _database = new();

    [Fact]
    public async Task Every_acknowledged_action_survives_a_SIGKILL_and_every_chain_verifies()
    {
        var acknowledged = new ConcurrentDictionary<string, int>(); // case number → the highest revision the app confirmed
        var process = await StartAsync();
        var clerks = new List<HttpClient>();
        for (var i = 0; i < 4; i++)
        {
            clerks.Add(await SignInAsync(process.BaseUrl, "clerk.mz"));
        }
        using var stop = new CancellationTokenSource();
        var workers = clerks.Select((clerk, i) => Task.Run(() => WorkAsync(clerk, i, acknowledged, stop.Token))).ToList();
        // Kill once enough is in flight: some cases registered, some moved on, requests outstanding.
        var watch = Stopwatch.StartNew();
        while (acknowledged.Count < 40 && watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(50);
        }
        process.App.Kill(); // SIGKILL on Linux: no shutdown, no flush, no finally blocks
        await process.App.WaitForExitAsync();
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        process.App.Dispose();
        Assert.True(acknowledged.Count >= 40, $"only {acknowledged.Count} cases were acknowledged before the kill");
        Assert.Contains(acknowledged.Values, revision => revision > 1); // transitions too, not only intake

        var restarted = await StartAsync();
        try
        {
            var clerk = await SignInAsync(restarted.BaseUrl, "clerk.mz");
            foreach (var (number, revision) in acknowledged)
            {
                var c = await (await clerk.GetAsync("/api/v1/cases/" + number)).ReadAsync<CaseView>();
                Assert.True(c.Revision >= revision, $"{number}: acknowledged at revision {revision}, found {c.Revision}");
            }

            // Every case in the database, acknowledged or not (a request cut off after its commit is there too).
            using var factory = OneWindowFactory.On(_database);
            var db = factory.NewDbContext(out var scope);
            using (scope)
            {
                var cases = await db.Cases.AsNoTracking().Select(c => new { c.Id, c.Number, c.EventCount }).ToListAsync();
                Assert.True(cases.Count >= acknowledged.Count);
                foreach (var c in cases)
                {
                    var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == c.Id).OrderBy(e => e.Sequence).ToListAsync();
                    var chain = ChainVerification.Verify(events);
                    Assert.True(chain.IsIntact, $"{c.Number}: {chain.Problem}");
                    Assert.Equal(c.EventCount, events.Count);
                }
            }

            // And the restarted app goes on working on a case from before the crash.
            var (someNumber, _) = acknowledged.First();
            var before = await (await clerk.GetAsync("/api/v1/cases/" + someNumber)).ReadAsync<CaseView>();
            if (before.Status == CaseStatus.Received)
            {
                await CaseApi.Act(clerk, before, "accept", new { });
            }
        }
        finally
        {
            restarted.App.Kill();
            await restarted.App.WaitForExitAsync();
            restarted.App.Dispose();
        }
    }

    /// <summary>One clerk's loop: register, accept, and send every third case back for correction.</summary>
    private static async Task WorkAsync(HttpClient clerk, int worker, ConcurrentDictionary<string, int> acknowledged, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            try
            {
                var registered = await clerk.PostAsJsonAsync("/api/v1/cases",
                    new RegisterApplication("431025-MZ-002", ApplicantKind.Person, $"崩溃测试{worker}-{n}", "11010519491231002X", "13800000000"), Json.Options, stop);
                if (!registered.IsSuccessStatusCode)
                {
                    continue;
                }
                var c = await registered.ReadAsync<CaseView>();
                acknowledged[c.Number] = c.Revision;
                var action = n % 3 == 0 ? "correction" : "accept";
                object body = action == "correction" ? new { revision = c.Revision, missing = new[] { "章程草案" } } : new { revision = c.Revision };
                var acted = await clerk.PostAsJsonAsync($"/api/v1/cases/{c.Number}/{action}", body, Json.Options, stop);
                if (acted.IsSuccessStatusCode)
                {
                    acknowledged[c.Number] = (await acted.ReadAsync<CaseView>()).Revision;
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
            {
                // The process is gone mid-request: this action was never acknowledged.
                if (stop.IsCancellationRequested)
                {
                    return;
                }
                await Task.Delay(20, CancellationToken.None);
            }
        }
    }

    private async Task<(Process App, string BaseUrl)> StartAsync()
    {
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        // The app as built next to its project (bin/<Configuration>/net10.0), as it is deployed.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var project = Path.Combine(RepoRoot(), "src", "OneWindow.Web");
        var dll = Path.Combine(project, "bin", configuration, "net10.0", "OneWindow.Web.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", baseUrl, "--contentRoot", project])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = project,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Database__Provider"] = _database.Provider;
        start.Environment["ConnectionStrings__OneWindow"] = _database.ConnectionString;
        start.Environment["RateLimits__SignInPerMinute"] = "100000";
        start.Environment["RateLimits__PublicPerMinute"] = "100000";
        var app = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        var log = new System.Text.StringBuilder();
        app.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        app.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (app.HasExited)
            {
                throw new InvalidOperationException("The app exited while starting:\n" + log);
            }
            try
            {
                if ((await http.GetAsync(baseUrl + "/health/ready")).IsSuccessStatusCode)
                {
                    return (app, baseUrl);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        app.Kill();
        throw new InvalidOperationException("The app did not become ready:\n" + log);
    }

    private static async Task<HttpClient> SignInAsync(string baseUrl, string user)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        var form = await client.GetStringAsync("/account/login");
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user, ["Password"] = Modules.Organization.DemoCounty.DemoPassword, ["__RequestVerificationToken"] = OneWindowFactory.AntiforgeryToken(form),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OneWindow.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Run the tests from inside the repository.");
    }

    public void Dispose() => _database.Dispose();
}
