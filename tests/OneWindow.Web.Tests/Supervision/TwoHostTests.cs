using System.Net.Http.Json;
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
/// alert at the same moment, they raise each alert once and tell each person once.
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
            var c = await (await clerk.PostAsJsonAsync("/api/v1/cases", new RegisterApplication("431025-MZ-002", ApplicantKind.Person, $"并发{i}", "11010519491231002X", "13800000000"), Json.Options)).ReadAsync<CaseView>();
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
            var alerts = await db.SupervisionAlerts.AsNoTracking().Where(a => numbers.Contains(a.CaseNumber!) && a.Rule == SupervisionRule.NodeOverdue).ToListAsync();
            Assert.Equal(cases.Count, alerts.Count);
            Assert.Equal(cases.Count, alerts.Select(a => a.CaseNumber).Distinct().Count());
            var ids = alerts.Select(a => a.Id).ToList();
            var told = await db.StaffNotifications.AsNoTracking().Where(n => n.AlertId != null && ids.Contains(n.AlertId.Value)).ToListAsync();
            Assert.All(told.GroupBy(n => (n.AlertId, n.UserId)), g => Assert.Single(g));
        }
    }

    [Fact]
    public async Task The_same_alert_raised_by_both_instances_at_the_same_moment_is_saved_once_and_told_once()
    {
        var clerk = await _first.SignedIn("clerk.mz");
        var c = await (await clerk.PostAsJsonAsync("/api/v1/cases", new RegisterApplication("431025-MZ-002", ApplicantKind.Person, "同时", "11010519491231002X", "13800000000"), Json.Options)).ReadAsync<CaseView>();
        c = await CaseApi.Act(clerk, c, "accept", new { });

        // Past the lock that normally keeps them apart: only the unique index stands between them.
        async Task<int> RaiseFrom(OneWindowFactory host)
        {
            using var scope = host.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
            var entity = await db.Cases.AsNoTracking().SingleAsync(x => x.Number == c.Number);
            var calendar = await scope.ServiceProvider.GetRequiredService<RegionCalendars>().ForRegionAsync(entity.RegionCode);
            var rules = RuleBook.Shipped.ForCase(entity.RegionCode, entity.DepartmentId, entity.ItemCode);
            var candidate = new AlertCandidate(SupervisionRule.PromisedOverdue, CaseSupervision.SubjectOf(entity.Id), DateTime.UtcNow, "同时触发");
            using var gate = await db.EnterWriteGateAsync(CancellationToken.None);
            await using var tx = await db.Database.BeginTransactionAsync();
            var raised = await scope.ServiceProvider.GetRequiredService<RaiseAlerts>().ForCaseAsync(entity, [candidate], rules, DateTime.UtcNow, calendar, CancellationToken.None);
            await tx.CommitAsync();
            return raised.Count;
        }

        var counts = await Task.WhenAll(Task.Run(() => RaiseFrom(_first)), Task.Run(() => RaiseFrom(_second)));
        Assert.Equal(1, counts.Sum());

        var db = _first.NewDbContext(out var scope);
        using (scope)
        {
            var alert = await db.SupervisionAlerts.AsNoTracking().SingleAsync(a => a.CaseNumber == c.Number && a.Rule == SupervisionRule.PromisedOverdue);
            var told = await db.StaffNotifications.AsNoTracking().Where(n => n.AlertId == alert.Id).ToListAsync();
            Assert.NotEmpty(told);
            Assert.Equal(told.Count, told.Select(n => n.UserId).Distinct().Count());
        }
    }
}
