using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace OneWindow.BrowserTests;

/// <summary>
/// The real app as its own process (Kestrel on a free loopback port, its own SQLite database seeded with the demo
/// county, copied from one seeded install) and Debian's Chromium driven by Playwright. Shared by the tests of one class.
/// </summary>
public sealed class AppServer : IAsyncLifetime
{
    private System.Text.StringBuilder _log = new();
    private Process? _process;
    private string? _databaseFile;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public static string RepoRoot { get; } = FindRepoRoot();
    public static string ScreenshotDir { get; } = Path.Combine(RepoRoot, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _databaseFile = Path.Combine(Path.GetTempPath(), $"onewindow-browser-{Guid.NewGuid():N}.db");
        // A copy of one seeded install (database and record key) rather than a fresh one each: a class's app then starts
        // in a few seconds instead of migrating and seeding the demo county again. The first class's start makes it.
        var template = await SeededInstall.Value;
        foreach (var suffix in new[] { "", "-wal" })
        {
            if (File.Exists(template + suffix))
            {
                File.Copy(template + suffix, _databaseFile + suffix);
            }
        }
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(_databaseFile + "-record-keys");
        }
        else
        {
            Directory.CreateDirectory(_databaseFile + "-record-keys", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute); // as the app makes it
        }
        foreach (var key in Directory.GetFiles(template + "-record-keys"))
        {
            File.Copy(key, Path.Combine(_databaseFile + "-record-keys", Path.GetFileName(key)));
        }
        (_process, var log) = Start(_databaseFile, BaseUrl);
        _log = log;
        await WaitUntilLiveAsync(_process, BaseUrl, log);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = FindChromium(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(ScreenshotDir);
    }

    private static readonly Lazy<Task<string>> SeededInstall = new(MakeSeededInstallAsync);

    /// <summary>
    /// Starts the app once on a fresh database and key folder (a fresh install: it migrates, seeds the demo county and
    /// makes its first record key), stops it, and keeps both for the classes to copy; removed when the run ends.
    /// </summary>
    private static async Task<string> MakeSeededInstallAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"onewindow-browser-template-{Guid.NewGuid():N}.db");
        var url = $"http://127.0.0.1:{FreePort()}";
        var (process, log) = Start(file, url);
        using (process)
        {
            await WaitUntilLiveAsync(process, url, log);
            // Every write of the start is committed (in the file or its write-ahead log, copied together) once it answers.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => RemoveInstall(file);
        return file;
    }

    /// <summary>The app as its own process on the database file, listening on the url, its output gathered in the log.</summary>
    private static (Process Process, System.Text.StringBuilder Log) Start(string databaseFile, string baseUrl)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<Configuration>/net10.0
        var project = Path.Combine(RepoRoot, "src", "OneWindow.Web");
        var dll = Path.Combine(project, "bin", configuration, "net10.0", "OneWindow.Web.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", baseUrl, "--contentRoot", project])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = project,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ConnectionStrings__OneWindow"] = $"Data Source={databaseFile}";
        start.Environment["Database__Provider"] = "Sqlite";
        // The install's record key lives in this folder, as on a real machine.
        start.Environment["RecordKeys__Path"] = databaseFile + "-record-keys";
        // Live pages refresh every second here, so that a journey sees a change without waiting.
        start.Environment["Supervision__LiveSeconds"] = "1";
        start.Environment["Seed__DemoHistory"] = "false"; // the journeys start from the demo county without its history of cases
        // The journeys sign in many times a minute from one address.
        start.Environment["RateLimits__SignInPerMinute"] = "100000";
        start.Environment["RateLimits__PublicPerMinute"] = "100000";
        // A journey may let days pass (ShiftClockAsync); the sweep looks every two seconds so that it sees them soon.
        start.Environment["Testing__ClockOffsetFile"] = databaseFile + "-clock";
        start.Environment["Supervision__SweepSeconds"] = "2";
        // The kept case figures are settled five times a second, so a report opened right after an action counts it.
        start.Environment["Statistics__SettleSeconds"] = "0.2";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        var log = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, log);
    }

    public async Task<IPage> NewPageAsync(string? locale = null, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale ?? "zh-CN",
        });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>Moves the app's clock forward (the Testing environment's <c>ShiftedClock</c>): days pass at once; sign-ins made before may expire.</summary>
    public Task ShiftClockAsync(TimeSpan by) => File.WriteAllTextAsync(_databaseFile + "-clock", by.ToString("c", System.Globalization.CultureInfo.InvariantCulture));

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, name + ".png"), FullPage = true });

    public static async Task SignInAsync(IPage page, string user, string password = "OneWindow2026", string landing = "workbench")
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync(user);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        try
        {
            await page.ArriveAtAsync("**/" + landing);
        }
        catch (TimeoutException e)
        {
            throw new InvalidOperationException($"Sign-in of {user} did not reach /{landing}; the page says: {await page.Locator("main").InnerTextAsync()}", e);
        }
    }

    /// <summary>
    /// An HTTP client signed in as a member of staff, for what a journey needs done around the browser (another
    /// department acting on a case through the API while a supervisor watches).
    /// </summary>
    public async Task<HttpClient> ApiAsync(string user, string password = "OneWindow2026")
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };
        var form = await client.GetStringAsync("/account/login");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user, ["Password"] = password, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {user} failed: {response.StatusCode}");
        }
        return client;
    }

    /// <summary>
    /// The one-time code of the newest SMS to the phone, read from the app's log as a developer does (the shipped SMS
    /// seam writes each message there as "SMS {id} to {name} {number masked to its last four digits}: {text}").
    /// </summary>
    public async Task<string> CodeSentToAsync(string phone)
    {
        var masked = new string('*', phone.Length - 4) + phone[^4..];
        // Real time: the app's output reaches this process a moment after the page has answered.
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(15))
        {
            string text;
            lock (_log)
            {
                text = _log.ToString();
            }
            var code = text.Split('\n').Where(l => l.StartsWith('{'))
                .Select(l => { try { return System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("Message").GetString() ?? ""; } catch (System.Text.Json.JsonException) { return ""; } catch (KeyNotFoundException) { return ""; } })
                .Where(m => System.Text.RegularExpressions.Regex.IsMatch(m, @"^SMS (\d+ )?to ") && m.Contains(masked, StringComparison.Ordinal))
                .Select(m => System.Text.RegularExpressions.Regex.Match(m[(m.IndexOf(':', StringComparison.Ordinal) + 1)..], @"(?<!\d)\d{6}(?!\d)"))
                .LastOrDefault(m => m.Success)?.Value;
            if (code is not null)
            {
                return code;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"No code to {masked} in the app's log.");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        if (_databaseFile is not null)
        {
            RemoveInstall(_databaseFile);
        }
    }

    private static void RemoveInstall(string databaseFile)
    {
        foreach (var f in new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm", databaseFile + "-clock" })
        {
            if (File.Exists(f))
            {
                File.Delete(f);
            }
        }
        if (Directory.Exists(databaseFile + "-record-keys"))
        {
            Directory.Delete(databaseFile + "-record-keys", recursive: true);
        }
    }

    private static async Task WaitUntilLiveAsync(Process process, string baseUrl, System.Text.StringBuilder log)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        // A real process starting up: real elapsed time is what this waits for.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("The app exited while starting:\n" + log);
            }
            try
            {
                if ((await http.GetAsync(baseUrl + "/health/live")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("The app did not answer within 90 s:\n" + log);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindChromium()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/bin"))
        {
            var candidate = Path.Combine(dir, "chromium");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException("Debian's chromium is not installed: run ./test.sh, which installs it.");
    }

    private static string FindRepoRoot()
    {
        if (Environment.GetEnvironmentVariable("ONEWINDOW_REPO") is { Length: > 0 } fromEnv)
        {
            return fromEnv;
        }
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OneWindow.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
