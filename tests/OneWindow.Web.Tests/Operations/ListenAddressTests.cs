using System.Net;
using System.Text.Json;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Operations;

/// <summary>
/// The app listens where the operator says, by the usual ASP.NET Core means (docs/deploy.md's unit sets
/// ASPNETCORE_URLS): no address in appsettings.json outranks the environment. `dotnet run` gets port 5080 from the
/// launch profile, which only `dotnet run` reads.
/// </summary>
public sealed class ListenAddressTests : IDisposable
{
    private readonly TestDatabase _database = new();

    [Fact]
    public async Task The_app_listens_on_ASPNETCORE_URLS_when_no_urls_argument_is_given()
    {
        var baseUrl = $"http://127.0.0.1:{AppProcess.FreePort()}";
        using var app = await AppProcess.StartWithEnvironmentAsync(_database, baseUrl, new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = baseUrl, ["ASPNETCORE_HTTP_PORTS"] = null, ["ASPNETCORE_HTTPS_PORTS"] = null,
        });
        Assert.Equal(HttpStatusCode.OK, (await app.Client().GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task The_app_listens_on_ASPNETCORE_HTTP_PORTS_when_nothing_names_an_address()
    {
        var port = AppProcess.FreePort();
        using var app = await AppProcess.StartWithEnvironmentAsync(_database, $"http://127.0.0.1:{port}", new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = null, ["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["ASPNETCORE_HTTPS_PORTS"] = null,
        });
        Assert.Equal(HttpStatusCode.OK, (await app.Client().GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public void No_settings_file_names_an_address_and_the_launch_profile_serves_5080()
    {
        var web = Path.Combine(RepoRoot(), "src", "OneWindow.Web");
        foreach (var file in Directory.GetFiles(web, "appsettings*.json"))
        {
            using var settings = JsonDocument.Parse(File.ReadAllText(file));
            var keys = settings.RootElement.EnumerateObject().Select(p => p.Name).ToList();
            Assert.DoesNotContain(keys, k => k.Equals("Urls", StringComparison.OrdinalIgnoreCase)
                || k.Equals("HTTP_PORTS", StringComparison.OrdinalIgnoreCase) || k.Equals("Kestrel", StringComparison.OrdinalIgnoreCase));
        }
        // `dotnet run` takes the first profile that runs the project.
        using var launch = JsonDocument.Parse(File.ReadAllText(Path.Combine(web, "Properties", "launchSettings.json")));
        var profile = launch.RootElement.GetProperty("profiles").EnumerateObject()
            .First(p => p.Value.GetProperty("commandName").GetString() == "Project").Value;
        Assert.Equal("http://localhost:5080", profile.GetProperty("applicationUrl").GetString());
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
