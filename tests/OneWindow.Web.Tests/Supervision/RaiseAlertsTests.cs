using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Supervision;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Supervision;

/// <summary>A case's new alerts go in as one insert; a collision with one raised elsewhere must not cost the others.</summary>
public sealed class RaiseAlertsTests : IDisposable
{
    private readonly OneWindowFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task When_one_of_a_cases_new_alerts_was_raised_elsewhere_the_others_still_go_in_each_told_once()
    {
        var clerk = await _app.SignedIn("clerk.mz");
        var c = await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-MZ-002", "部分"), "accept", new { });
        var other = await CaseApi.Register(clerk, "431025-MZ-002", "另案");
        var now = _app.Clock.GetUtcNow().UtcDateTime;

        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
        var entity = await db.Cases.AsNoTracking().SingleAsync(x => x.Number == c.Number);
        var calendar = await scope.ServiceProvider.GetRequiredService<RegionCalendars>().ForRegionAsync(entity.RegionCode);
        var rules = RuleBook.Shipped.ForCase(entity.RegionCode, entity.DepartmentId, entity.ItemCode);
        var promised = new AlertCandidate(SupervisionRule.PromisedOverdue, CaseSupervision.KeyOf(entity.Id), now, "承诺时限已到");
        var node = new AlertCandidate(SupervisionRule.NodeOverdue, CaseSupervision.KeyOf(entity.Id, "node/1"), now, "环节超时");

        // "Elsewhere": the promise alert is already in the database, filed under another case, so this case's own
        // look-up of its alerts does not see it and only the unique (rule, key) index stops the insert — as when
        // another instance raises it between that look-up and this insert.
        var otherCase = await db.Cases.AsNoTracking().SingleAsync(x => x.Number == other.Number);
        db.SupervisionAlerts.Add(SupervisionAlert.ForCase(promised, AlertSeverity.Yellow, entity, now, null));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        await db.SupervisionAlerts.Where(a => a.Key == promised.Key).ExecuteUpdateAsync(s => s.SetProperty(a => a.SubjectId, (Guid?)otherCase.Id));

        IReadOnlyList<SupervisionAlert> raised;
        using (await db.EnterWriteGateAsync(CancellationToken.None))
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            raised = await scope.ServiceProvider.GetRequiredService<RaiseAlerts>().ForCaseAsync(entity, [promised, node], rules, now, calendar, CancellationToken.None);
            await tx.CommitAsync();
        }

        Assert.Equal([SupervisionRule.NodeOverdue], raised.Select(a => a.Rule));
        var check = _app.NewDbContext(out var checkScope);
        using (checkScope)
        {
            var alerts = await check.SupervisionAlerts.AsNoTracking().Where(a => a.SubjectKind == SubjectKind.Case && a.SubjectId == entity.Id).ToListAsync();
            var saved = Assert.Single(alerts);
            Assert.Equal(SupervisionRule.NodeOverdue, saved.Rule);
            var told = await check.StaffNotifications.AsNoTracking().Where(n => n.AlertId == saved.Id).ToListAsync();
            Assert.NotEmpty(told);
            Assert.Equal(told.Count, told.Select(n => n.UserId).Distinct().Count());
            // Nobody was told of the promise alert this attempt did not save.
            var orphans = await check.StaffNotifications.AsNoTracking().Where(n => n.AlertId != null && !check.SupervisionAlerts.Any(a => a.Id == n.AlertId)).CountAsync();
            Assert.Equal(0, orphans);
        }
    }
}
