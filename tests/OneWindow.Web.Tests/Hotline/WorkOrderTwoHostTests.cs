using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Modules.Hotline;
using OneWindow.Web.Modules.Supervision;
using OneWindow.Web.Tests.Infrastructure;
using static OneWindow.Web.Tests.Hotline.HotlineApi;

namespace OneWindow.Web.Tests.Hotline;

/// <summary>
/// Two app instances on one database (PostgreSQL under ./test.sh) sweeping work orders at the same time, as
/// <see cref="Supervision.TwoHostTests"/> does for cases: each order's red card is raised once and told once.
/// </summary>
public sealed class WorkOrderTwoHostTests : IDisposable
{
    private readonly OneWindowFactory _first = new();
    private readonly OneWindowFactory _second;

    public WorkOrderTwoHostTests() => _second = OneWindowFactory.SharingDatabaseOf(_first);

    public void Dispose()
    {
        _second.Dispose();
        _first.Dispose();
    }

    [Fact]
    public async Task Two_instances_sweeping_work_orders_together_raise_each_sign_for_card_exactly_once()
    {
        _ = _second.Services; // both hosts started (and migrated) before the race
        var at = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));
        _first.Clock.Set(at);
        _second.Clock.Set(at);
        var hotline = await _first.SignedIn("hotline");
        var marketId = await UnitAsync(hotline, Market);
        var orders = new List<WorkOrderView>();
        for (var i = 0; i < 6; i++)
        {
            var order = await RegisterAsync(hotline, Call($"并发工单{i}：市场内无证摊贩"));
            orders.Add(await OkAsync(ActAsync(hotline, order, "dispatch", new DispatchRequest(order.Revision, marketId))));
        }
        var later = new DateTimeOffset(orders[0].SignDueAt!.Value.AddHours(1), TimeSpan.Zero);
        _first.Clock.Set(later);
        _second.Clock.Set(later);

        var sweeps = Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? _first : _second).Services.GetRequiredService<SupervisionSweep>())
            .Select(s => Task.Run(() => s.RunOnceAsync(CancellationToken.None)));
        var results = await Task.WhenAll(sweeps);
        Assert.Contains(results, r => r.Ran);

        var db = _first.NewDbContext(out var scope);
        using (scope)
        {
            var ids = orders.Select(o => (Guid?)o.Id).ToList();
            var alerts = await db.SupervisionAlerts.AsNoTracking().Where(a => a.SubjectKind == SubjectKind.WorkOrder && ids.Contains(a.SubjectId)).ToListAsync();
            Assert.Equal(orders.Count, alerts.Count);
            Assert.All(alerts, a => Assert.Equal(SupervisionRule.WorkOrderSignOverdue, a.Rule));
            Assert.Equal(orders.Count, alerts.Select(a => a.SubjectId).Distinct().Count());
            var alertIds = alerts.Select(a => a.Id).ToList();
            var told = await db.StaffNotifications.AsNoTracking().Where(n => n.AlertId != null && alertIds.Contains(n.AlertId.Value)).ToListAsync();
            Assert.NotEmpty(told);
            Assert.All(told.GroupBy(n => (n.AlertId, n.UserId)), g => Assert.Single(g));
        }
    }
}
