using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Modules.Supervision;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Supervision;

/// <summary>
/// The sweep saves due cases a unit at a time; a unit that meets an action or another instance goes case by case,
/// and no case of it is lost, raised twice or told twice.
/// </summary>
public sealed class SweepUnitTests : IDisposable
{
    private const string Item = "431025-MZ-002"; // the review node ends after 10 working days
    private readonly OneWindowFactory _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<List<CaseView>> AcceptedCases(int count)
    {
        var clerk = await _app.SignedIn("clerk.mz");
        var cases = new List<CaseView>();
        for (var i = 0; i < count; i++)
        {
            cases.Add(await CaseApi.Act(clerk, await CaseApi.Register(clerk, Item, $"批量{i}"), "accept", new { }));
        }
        return cases;
    }

    private static async Task<Guid> IdOf(OneWindowDbContext db, CaseView c) =>
        await db.Cases.AsNoTracking().Where(x => x.Number == c.Number).Select(x => x.Id).SingleAsync();

    private async Task<SweepResult> SweepAt(DateTime atUtc)
    {
        _app.Clock.Set(new DateTimeOffset(atUtc, TimeSpan.Zero));
        return await _app.Services.GetRequiredService<SupervisionSweep>().RunOnceAsync(CancellationToken.None);
    }

    [Fact]
    public async Task More_due_cases_than_one_unit_each_get_their_alert_once_their_department_told_and_their_watch_moved_on()
    {
        var cases = await AcceptedCases(SupervisionSweep.SubjectsPerUnit + 7);
        var due = cases.Max(c => c.Nodes[1].DueAt!.Value);

        var result = await SweepAt(due.AddMinutes(1));
        var again = await SweepAt(due.AddMinutes(2));

        Assert.Equal(cases.Count, result.SubjectsChecked);
        Assert.Equal(cases.Count, result.AlertsRaised);
        Assert.Equal(0, again.SubjectsChecked); // every watch was moved past now
        var db = _app.NewDbContext(out var scope);
        using (scope)
        {
            var numbers = cases.Select(c => c.Number).ToList();
            var ids = await db.Cases.AsNoTracking().Where(c => numbers.Contains(c.Number)).Select(c => c.Id).ToListAsync();
            var alerts = await db.SupervisionAlerts.AsNoTracking().Where(a => a.SubjectKind == SubjectKind.Case && ids.Contains(a.SubjectId!.Value)).ToListAsync();
            Assert.Equal(cases.Count, alerts.Count);
            Assert.All(alerts, a => Assert.Equal(SupervisionRule.NodeOverdue, a.Rule));
            Assert.Equal(cases.Count, alerts.Select(a => a.CaseId).Distinct().Count());
            var alertIds = alerts.Select(a => a.Id).ToList();
            var told = await db.StaffNotifications.AsNoTracking().Where(n => n.AlertId != null && alertIds.Contains(n.AlertId.Value)).ToListAsync();
            Assert.Equal(alertIds.Order(), told.Select(n => n.AlertId!.Value).Distinct().Order());
            Assert.Equal(told.Count, told.Select(n => (n.AlertId, n.UserId)).Distinct().Count());
            var watches = await db.SupervisionWatches.AsNoTracking().Where(w => w.SubjectKind == SubjectKind.Case && ids.Contains(w.SubjectId)).ToListAsync();
            Assert.Equal(cases.Count, watches.Count);
            Assert.All(watches, w => Assert.True(w.DueAt > due.AddMinutes(2)));
        }
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task A_unit_that_meets_an_alert_raised_elsewhere_or_a_watch_reset_by_an_action_goes_case_by_case_and_loses_no_other_case(bool duplicate, bool reset)
    {
        var cases = await AcceptedCases(4);
        var decoyCase = await CaseApi.Register(await _app.SignedIn("clerk.mz"), Item, "未受理"); // not in review: nothing due
        var due = cases.Max(c => c.Nodes[1].DueAt!.Value);
        var at = due.AddMinutes(1);
        Guid raisedElsewhere, resetByAction;
        Guid[] others;
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
            (raisedElsewhere, resetByAction, others) = (await IdOf(db, cases[1]), await IdOf(db, cases[2]), [await IdOf(db, cases[0]), await IdOf(db, cases[3])]);
            if (duplicate)
            {
                // Another instance raised the node alert of one case between the unit's look-up and its insert: it is in
                // the database under another case, so only the unique (rule, key) index stops the unit's insert.
                var entity = await db.Cases.AsNoTracking().SingleAsync(x => x.Id == raisedElsewhere);
                var calendar = await scope.ServiceProvider.GetRequiredService<RegionCalendars>().ForRegionAsync(entity.RegionCode);
                var candidate = Assert.Single(CaseSupervision.Check(entity, at, calendar, RuleBook.Shipped.ForCase(entity.RegionCode, entity.DepartmentId, entity.ItemCode)).Due);
                var decoy = await db.Cases.AsNoTracking().SingleAsync(x => x.Number == decoyCase.Number);
                db.SupervisionAlerts.Add(SupervisionAlert.ForCase(candidate, AlertSeverity.Yellow, entity, at, null));
                await db.SaveChangesAsync();
                await db.SupervisionAlerts.Where(a => a.Key == candidate.Key)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.SubjectId, (Guid?)decoy.Id).SetProperty(a => a.SubjectNumber, decoy.Number));
            }
            if (reset)
            {
                // An action reset another case's watch after the sweep read the case: the sweep must leave that watch alone.
                await db.SupervisionWatches.Where(w => w.SubjectId == resetByAction).ExecuteUpdateAsync(s => s.SetProperty(w => w.Revision, 99));
            }
        }

        var result = await SweepAt(at);

        Assert.Equal(4, result.SubjectsChecked);
        Assert.Equal(duplicate ? 3 : 4, result.AlertsRaised);
        var check = _app.NewDbContext(out var checkScope);
        using (checkScope)
        {
            var alerts = await check.SupervisionAlerts.AsNoTracking().Where(a => a.SubjectKind == SubjectKind.Case).ToListAsync();
            Assert.Equal(duplicate ? 0 : 1, alerts.Count(a => a.CaseId == raisedElsewhere)); // raised once, maybe elsewhere
            foreach (var c in others.Append(resetByAction))
            {
                Assert.Single(alerts, a => a.CaseId == c && a.Rule == SupervisionRule.NodeOverdue);
            }
            // Nobody was told of an alert the unit did not save, and nobody twice.
            var told = await check.StaffNotifications.AsNoTracking().Where(n => n.AlertId != null).ToListAsync();
            Assert.All(told, n => Assert.Contains(alerts, a => a.Id == n.AlertId));
            Assert.Equal(told.Count, told.Select(n => (n.AlertId, n.UserId)).Distinct().Count());
            var watch = await check.SupervisionWatches.AsNoTracking().SingleAsync(w => w.SubjectId == resetByAction);
            if (reset)
            {
                Assert.Equal(99, watch.Revision);
                Assert.True(watch.DueAt <= at, "the watch an action reset was not moved by the sweep");
            }
            else
            {
                Assert.True(watch.DueAt > at);
            }
            var moved = await check.SupervisionWatches.AsNoTracking().Where(w => w.SubjectId == others[0] || w.SubjectId == others[1] || w.SubjectId == raisedElsewhere).ToListAsync();
            Assert.Equal(3, moved.Count);
            Assert.All(moved, w => Assert.True(w.DueAt > at));
        }
    }
}
