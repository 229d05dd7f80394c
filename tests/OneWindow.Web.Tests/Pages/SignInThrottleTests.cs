using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Modules.Organization;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Pages;

/// <summary>
/// Wrong passwords slow down further tries, by account and by address, with growing delays instead of a lock a
/// stranger could set; the owner's own browser keeps its own count. An unknown name is answered exactly like a known
/// one with a wrong password, in words and in time.
/// </summary>
public sealed class SignInThrottleTests : IDisposable
{
    private const string Wrong = "wrong-password-1";
    private const string Incorrect = "用户名或密码不正确。";
    private readonly OneWindowFactory _app = new();

    public void Dispose() => _app.Dispose();

    private static async Task<string?> AttemptAsync(HttpClient client, string user, string password)
    {
        var response = await Accounts.TrySignInAsync(client, user, password);
        return response.StatusCode == HttpStatusCode.Redirect ? "signed in" : Accounts.AlertOf(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Wrong_passwords_bring_short_growing_delays_and_never_a_lock_against_the_right_one()
    {
        var client = _app.Anonymous();
        var answers = new List<string?>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await AttemptAsync(client, "hotline", Wrong));
        }
        Assert.Equal([Incorrect, Incorrect, Incorrect, Incorrect, Incorrect + "尝试次数过多，请 5 秒后再试。"], answers);
        // During the delay even the right password is not tried (nor counted).
        Assert.Equal("尝试次数过多，请 5 秒后再试。", await AttemptAsync(client, "hotline", DemoCounty.DemoPassword));
        _app.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(Incorrect + "尝试次数过多，请 10 秒后再试。", await AttemptAsync(client, "hotline", Wrong));
        _app.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("signed in", await AttemptAsync(client, "hotline", DemoCounty.DemoPassword));
    }

    [Fact]
    public async Task A_stranger_guessing_cannot_keep_the_owner_out_of_the_browser_the_owner_signed_in_with_before()
    {
        var owner = await _app.SignedIn("clerk.mz");
        await Accounts.SignOutAsync(owner);
        var stranger = _app.Anonymous();
        for (var i = 0; i < 30; i++)
        {
            await AttemptAsync(stranger, "clerk.mz", Wrong + i);
            _app.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.StartsWith("尝试次数过多", await AttemptAsync(stranger, "clerk.mz", DemoCounty.DemoPassword), StringComparison.Ordinal);
        var staffPage = await (await _app.SignedIn("admin")).GetStringAsync("/admin/org/staff");
        Assert.Matches(@"clerk\.mz <span class=""tag draft""[^>]*>登录受限</span>", staffPage);

        Assert.Equal("signed in", await AttemptAsync(owner, "clerk.mz", DemoCounty.DemoPassword));
    }

    [Fact]
    public async Task An_unknown_name_gets_the_same_answers_as_a_known_one()
    {
        var known = new List<string?>();
        var unknown = new List<string?>();
        for (var i = 0; i < 7; i++)
        {
            known.Add(await AttemptAsync(_app.Anonymous(), "leader", Wrong));
            unknown.Add(await AttemptAsync(_app.Anonymous(), "leader.wang", Wrong));
        }
        Assert.Equal(known, unknown);
        Assert.Contains(known, a => a!.StartsWith("尝试次数过多", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_deactivated_account_is_named_so_only_to_whoever_has_its_password()
    {
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Data.OneWindowDbContext>();
            await db.Users.Where(u => u.UserName == "clerk.rs").ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false));
        }
        Assert.Equal(Incorrect, await AttemptAsync(_app.Anonymous(), "clerk.rs", Wrong));
        Assert.Equal("该账户已停用，请联系中心管理员。", await AttemptAsync(_app.Anonymous(), "clerk.rs", DemoCounty.DemoPassword));
    }
}

/// <summary>Wrong passwords from one address slow that address down too, whatever names it tries.</summary>
public sealed class SignInAddressThrottleTests : IDisposable
{
    private readonly OneWindowFactory _app = OneWindowFactory.WithSettings(new Dictionary<string, string> { ["RateLimits:SignInFailuresPerAddress"] = "3" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Trying_many_names_from_one_address_is_slowed_down()
    {
        var client = _app.Anonymous();
        foreach (var name in new[] { "clerk", "nobody.1", "leader" })
        {
            await Accounts.TrySignInAsync(client, name, "wrong-password-1");
        }
        var fourth = await Accounts.TrySignInAsync(client, "supervisor", Modules.Organization.DemoCounty.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, fourth.StatusCode);
        Assert.Equal("尝试次数过多，请 5 秒后再试。", Accounts.AlertOf(await fourth.Content.ReadAsStringAsync()));
        _app.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.TrySignInAsync(client, "supervisor", Modules.Organization.DemoCounty.DemoPassword)).StatusCode);
    }
}

/// <summary>Timing tests run alone: other test hosts working at the same time would only measure the machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAlone
{
    public const string Name = "measured alone";
}

/// <summary>An unknown name takes as long to refuse as a known name with a wrong password: the time tells nothing.</summary>
[Collection(MeasuredAlone.Name)]
public sealed class SignInTimingTests : IDisposable
{
    private const string Wrong = "wrong-password-1";
    private readonly OneWindowFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Unknown_and_known_names_take_about_the_same_time()
    {
        string[] known = ["clerk", "clerk.mz", "clerk.town", "reviewer.sj", "approver.sj", "reviewer.mz", "approver.mz", "supervisor", "hotline", "leader", "admin", "clerk.ga"];
        var client = _app.Anonymous();
        var token = OneWindowFactory.AntiforgeryToken(await client.GetStringAsync("/account/login"));
        async Task<double> TimeAsync(string user)
        {
            var watch = Stopwatch.StartNew();
            using var response = await Forms.PostWithTokenAsync(client, token, "/account/login", new Dictionary<string, string> { ["UserName"] = user, ["Password"] = Wrong });
            var elapsed = watch.Elapsed.TotalMilliseconds;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            // Every try starts from no earlier failures, so that no delay shortens an answer.
            _app.Clock.Advance(TimeSpan.FromHours(2));
            return elapsed;
        }
        await TimeAsync("clerk.rs");
        await TimeAsync("nobody.warm");
        var knownTimes = new List<double>();
        var unknownTimes = new List<double>();
        for (var i = 0; i < 24; i++)
        {
            // Each goes first in turn, so that what one try leaves behind weighs on both alike.
            if (i % 2 == 0)
            {
                knownTimes.Add(await TimeAsync(known[i % known.Length]));
                unknownTimes.Add(await TimeAsync($"nobody.{i}"));
            }
            else
            {
                unknownTimes.Add(await TimeAsync($"nobody.{i}"));
                knownTimes.Add(await TimeAsync(known[i % known.Length]));
            }
        }
        var (k, u) = (Median(knownTimes), Median(unknownTimes));
        Assert.True(Math.Abs(k - u) <= Math.Max(8, 0.25 * k), $"median of known names {k:F1} ms, of unknown names {u:F1} ms");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }
}
