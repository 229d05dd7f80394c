using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Modules.Supervision;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Supervision;

/// <summary>
/// Two app instances on one database (PostgreSQL under ./test.sh): sweeping at the same time, or raising the same
/// alert at the same moment, they raise each alert once and tell each person once; a sign-in on one is valid on the other.
/// </summary>
public sealed class TwoHostTests : IDisposable
{
    private readonly OneWindowFactory _first = new();
    private readonly OneWindowFactory _second;

    public TwoHostTests() => _second = OneWindowFactory.SharingDatabaseOf(_first);

    public void Dispose()
    {
        _second.Dispose();
        _first.Dispose();
    }

    [Fact]
    public async Task Two_instances_sweeping_together_raise_every_alert_exactly_once()
    {
        _ = _second.Services; // both hosts started (and migrated) before the race
        var clerk = await _first.SignedIn("clerk.mz");
        var cases = new List<CaseView>();
        for (var i = 0; i < 6; i++)
        {
            var c = await CaseApi.Register(clerk, "431025-MZ-002", $"并发{i}");
            cases.Add(await CaseApi.Act(clerk, c, "accept", new { }));
        }
        var later = new DateTimeOffset(cases[0].Nodes[1].DueAt!.Value.AddHours(1), TimeSpan.Zero);
        _first.Clock.Set(later);
        _second.Clock.Set(later);

        var sweeps = Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? _first : _second).Services.GetRequiredService<SupervisionSweep>())
            .Select(s => Task.Run(() => s.RunOnceAsync(CancellationToken.None)));
        var results = await Task.WhenAll(sweeps);
        Assert.Contains(results, r => r.Ran);

        var db = _first.NewDbContext(out var scope);
        using (scope)
        {
            var numbers = cases.Select(c => c.Number).ToList();
            var alerts = await db.SupervisionAlerts.AsNoTracking().Where(a => numbers.Contains(a.SubjectNumber!) && a.Rule == SupervisionRule.NodeOverdue).ToListAsync();
            Assert.Equal(cases.Count, alerts.Count);
            Assert.Equal(cases.Count, alerts.Select(a => a.CaseNumber).Distinct().Count());
            var ids = alerts.Select(a => a.Id).ToList();
            var told = await db.StaffNotifications.AsNoTracking().Where(n => n.AlertId != null && ids.Contains(n.AlertId.Value)).ToListAsync();
            Assert.All(told.GroupBy(n => (n.AlertId, n.UserId)), g => Assert.Single(g));
        }
    }

    [Fact]
    public async Task A_sign_in_on_one_instance_is_valid_on_the_other_and_both_are_ready()
    {
        var first = _first.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var form = await first.GetAsync("/account/login");
        var antiforgeryCookie = string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        using var login = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = "supervisor", ["Password"] = Modules.Organization.DemoCounty.DemoPassword,
                ["__RequestVerificationToken"] = OneWindowFactory.AntiforgeryToken(await form.Content.ReadAsStringAsync()),
            }),
        };
        login.Headers.Add("Cookie", antiforgeryCookie);
        var signedIn = await first.SendAsync(login);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signedIn.StatusCode);
        var authCookie = signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("onewindow.auth=", StringComparison.Ordinal));

        // The other instance reads the cookie the first one wrote: the key ring is in the shared database (not in
        // a directory of this machine that two in-process hosts would share anyway).
        var keys = _first.NewDbContext(out var keyScope);
        using (keyScope)
        {
            Assert.NotEmpty(await keys.DataProtectionKeys.AsNoTracking().ToListAsync());
        }
        var second = _second.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var page = new HttpRequestMessage(HttpMethod.Get, "/supervision");
        page.Headers.Add("Cookie", authCookie);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await second.SendAsync(page)).StatusCode);
        using var anonymous = new HttpRequestMessage(HttpMethod.Get, "/supervision");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await second.SendAsync(anonymous)).StatusCode);

        foreach (var host in new[] { first, second })
        {
            var ready = await host.GetAsync("/health/ready");
            Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
            Assert.Contains("\"ready\"", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_same_alert_raised_by_both_instances_at_the_same_moment_is_saved_once_and_told_once()
    {
        var clerk = await _first.SignedIn("clerk.mz");
        var c = await CaseApi.Register(clerk, "431025-MZ-002", "同时");
        c = await CaseApi.Act(clerk, c, "accept", new { });

        // Past the lock that normally keeps them apart: only the unique index stands between them.
        async Task<int> RaiseFrom(OneWindowFactory host)
        {
            using var scope = host.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
            var entity = await db.Cases.AsNoTracking().SingleAsync(x => x.Number == c.Number);
            var calendar = await scope.ServiceProvider.GetRequiredService<RegionCalendars>().ForRegionAsync(entity.RegionCode);
            var rules = RuleBook.Shipped.ForCase(entity.RegionCode, entity.DepartmentId, entity.ItemCode);
            var candidate = new AlertCandidate(SupervisionRule.PromisedOverdue, CaseSupervision.KeyOf(entity.Id), host.Clock.GetUtcNow().UtcDateTime, "同时触发");
            using var gate = await db.EnterWriteGateAsync(CancellationToken.None);
            await using var tx = await db.Database.BeginTransactionAsync();
            var raised = await scope.ServiceProvider.GetRequiredService<RaiseAlerts>().ForCaseAsync(entity, [candidate], rules, host.Clock.GetUtcNow().UtcDateTime, calendar, CancellationToken.None);
            await tx.CommitAsync();
            return raised.Count;
        }

        var counts = await Task.WhenAll(Task.Run(() => RaiseFrom(_first)), Task.Run(() => RaiseFrom(_second)));
        Assert.Equal(1, counts.Sum());

        var db = _first.NewDbContext(out var scope);
        using (scope)
        {
            var alert = await db.SupervisionAlerts.AsNoTracking().SingleAsync(a => a.SubjectNumber == c.Number && a.Rule == SupervisionRule.PromisedOverdue);
            var told = await db.StaffNotifications.AsNoTracking().Where(n => n.AlertId == alert.Id).ToListAsync();
            Assert.NotEmpty(told);
            Assert.Equal(told.Count, told.Select(n => n.UserId).Distinct().Count());
        }
    }
}
