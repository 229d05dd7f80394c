using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OneWindow.Web.Tests.Infrastructure;

/// <summary>
/// The app as it is deployed: its own process (the build next to the project, bin/&lt;Configuration&gt;/net10.0) on a
/// free loopback port, on a database the test owns. For what an in-process host cannot show: a SIGKILL, two
/// processes sharing one database.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private readonly Process _process;

    private AppProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static Task<AppProcess> StartAsync(TestDatabase database)
    {
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        return StartAsync(database, baseUrl, ["--urls", baseUrl], new Dictionary<string, string?>());
    }

    /// <summary>
    /// Starts the app with no <c>--urls</c>, its address chosen by the environment alone (ASPNETCORE_URLS,
    /// ASPNETCORE_HTTP_PORTS) as an operator's service unit does; waits for it at <paramref name="baseUrl"/>.
    /// A variable given as null is removed from the environment the process inherits.
    /// </summary>
    public static Task<AppProcess> StartWithEnvironmentAsync(TestDatabase database, string baseUrl, IReadOnlyDictionary<string, string?> environment) =>
        StartAsync(database, baseUrl, [], environment);

    private static async Task<AppProcess> StartAsync(TestDatabase database, string baseUrl, string[] arguments, IReadOnlyDictionary<string, string?> environment)
    {
        var start = StartInfo(database, arguments);
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        var log = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        // A real process starting up: real elapsed time is what this waits for.
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("The app exited while starting:\n" + log);
            }
            try
            {
                if ((await http.GetAsync(baseUrl + "/health/ready")).IsSuccessStatusCode)
                {
                    return new AppProcess(process, baseUrl);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        process.Kill();
        throw new InvalidOperationException("The app did not become ready:\n" + log);
    }

    /// <summary>SIGKILL on Linux: no shutdown, no flush, no finally blocks.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }
        await _process.WaitForExitAsync();
    }

    /// <param name="cookies">Shared cookies: a browser's, which may reach either instance (cookies do not tell ports apart).</param>
    public HttpClient Client(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };

    public async Task<HttpClient> SignInAsync(string user, CookieContainer? cookies = null)
    {
        var client = Client(cookies);
        var form = await client.GetStringAsync("/account/login");
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user, ["Password"] = Modules.Organization.DemoCounty.DemoPassword, ["__RequestVerificationToken"] = OneWindowFactory.AntiforgeryToken(form),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {user} failed: {response.StatusCode}");
        }
        return client;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
        _process.Dispose();
    }

    /// <summary>Runs one of the app's administrative commands on the database to its end: its exit code and what it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(TestDatabase database, params string[] command)
    {
        var start = StartInfo(database, command);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The command did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    private static ProcessStartInfo StartInfo(TestDatabase database, string[] arguments)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var project = Path.Combine(RepoRoot(), "src", "OneWindow.Web");
        var dll = Path.Combine(project, "bin", configuration, "net10.0", "OneWindow.Web.dll");
        var start = new ProcessStartInfo("dotnet", [dll, .. arguments, "--contentRoot", project])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = project,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Database__Provider"] = database.Provider;
        start.Environment["ConnectionStrings__OneWindow"] = database.ConnectionString;
        start.Environment["Seed__DemoHistory"] = "false"; // the demo county without its history of cases
        start.Environment["RateLimits__SignInPerMinute"] = "100000";
        start.Environment["RateLimits__PublicPerMinute"] = "100000";
        TestRecordKeys.AddTo(start.Environment);
        return start;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OneWindow.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Run the tests from inside the repository.");
    }
}
