using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneWindow.Domain.Assessment;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Assessment;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Modules.Supervision;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Operations;

/// <summary>The demo county started with its history of cases (<c>Seed:DemoHistory</c>), as a newcomer's first start does.</summary>
public sealed class DemoHistoryTests : IClassFixture<DemoHistoryTests.WithHistory>
{
    /// <summary>One host with the history for the class: making it is the expensive part.</summary>
    public sealed class WithHistory : IDisposable
    {
        public OneWindowFactory App { get; } = OneWindowFactory.WithSettings(new Dictionary<string, string> { ["Seed:DemoHistory"] = "true" });

        public void Dispose() => App.Dispose();
    }

    private readonly OneWindowFactory _app;

    public DemoHistoryTests(WithHistory fixture) => _app = fixture.App;

    [Fact]
    public async Task Three_months_of_cases_in_every_state_and_channel_whose_records_and_clocks_are_real()
    {
        var db = _app.NewDbContext(out var scope);
        using (scope)
        {
            var now = _app.Clock.GetUtcNow().UtcDateTime;
            var cases = await db.Cases.AsNoTracking().Select(c => new { c.Number, c.Status, c.Channel, c.IsJoint, c.ParentCaseId, c.ReceivedAt, c.CreatedAt, c.ItemCode, c.DepartmentId }).ToListAsync();
            Assert.InRange(cases.Count, 500, 3000);
            foreach (var status in new[] { CaseStatus.Received, CaseStatus.Accepted, CaseStatus.Decided, CaseStatus.ResultIssued, CaseStatus.Concluded,
                CaseStatus.RejectedAtIntake, CaseStatus.Withdrawn })
            {
                Assert.True(cases.Any(c => c.Status == status), $"no case {status}");
            }
            // Some states are rarer: over the whole history's events, every kind of step was taken.
            var actions = await db.CaseEvents.AsNoTracking().Select(e => e.Action).Distinct().ToListAsync();
            foreach (var action in new[] { "submitted", "pre-review-passed", "received", "correction-requested", "supplemented", "accepted", "suspended", "resumed",
                "extended", "decided", "paid", "result-issued", "delivered", "rejected-at-intake", "withdrawn", "fanned-out", "part-created" })
            {
                Assert.Contains(action, actions);
            }
            foreach (var channel in new[] { CaseChannel.Window, CaseChannel.Online, CaseChannel.ProxyIntake })
            {
                Assert.True(cases.Count(c => c.Channel == channel) > 20, $"few cases by {channel}");
            }
            Assert.True(cases.Count(c => c.IsJoint) > 3);
            Assert.Equal(13, cases.Select(c => c.DepartmentId).Distinct().Count());
            Assert.True(cases.Select(c => c.ItemCode).Distinct().Count() > 35);
            // Three months ending now, never in the future.
            Assert.All(cases, c => Assert.True(c.CreatedAt <= now && c.CreatedAt >= now.AddDays(-DemoHistorySpan - 1), c.Number));
            Assert.True(cases.Min(c => c.CreatedAt) < now.AddDays(-80));
            Assert.True(await db.CaseEvents.AnyAsync() && !await db.CaseEvents.AnyAsync(e => e.At > now));
            Assert.True(await db.Ratings.CountAsync() > 50);

            var keys = _app.Services.GetRequiredService<RecordKeyStore>().Ring;
            var checkedCount = 0;
            await foreach (var check in scope.ServiceProvider.GetServices<ISealedRecordKind>().OfType<CaseRecords>().Single().VerifyAllAsync(keys, CancellationToken.None))
            {
                Assert.True(check.Result.IsIntact, $"{check.Record}: {check.Result.Problem}");
                checkedCount++;
            }
            Assert.Equal(cases.Count, checkedCount);
        }
    }

    private const int DemoHistorySpan = Seeding.DemoHistory.Days;

    [Fact]
    public async Task The_dashboard_the_big_screen_and_the_assessment_show_the_history()
    {
        var db = _app.NewDbContext(out var scope);
        using (scope)
        {
            var now = _app.Clock.GetUtcNow().UtcDateTime;
            var figures = await DashboardFigures.ComputeAsync(db, now, null, CancellationToken.None);
            Assert.True(figures.OpenTotal > 10);
            Assert.True(figures.ConcludedThisMonth > 50);
            Assert.True(figures.YellowCards + figures.RedCards > 0, "supervision saw no late case");
            // ... but a well-run hall's: a late case is the exception (the seeds report 99.56 % to 100 % on time).
            var cards = await db.SupervisionAlerts.CountAsync(a => a.Severity == Domain.Supervision.AlertSeverity.Yellow || a.Severity == Domain.Supervision.AlertSeverity.Red);
            var cases = await db.Cases.CountAsync(c => c.ParentCaseId == null);
            var byRule = string.Join(", ", (await db.SupervisionAlerts.Where(a => a.Severity == Domain.Supervision.AlertSeverity.Yellow || a.Severity == Domain.Supervision.AlertSeverity.Red)
                .Select(a => a.Rule).ToListAsync()).GroupBy(r => r).Select(g => $"{g.Key} {g.Count()}"));
            Assert.True(cards * 20 < cases, $"{cards} cards for {cases} cases: {byRule}");
            Assert.True(figures.Trend.Count(d => d.Intake > 0) > 5);
            Assert.Contains(figures.Departments, d => d.Overdue > 0);
            Assert.True(await db.SupervisionAlerts.AnyAsync(a => a.RaisedAt < now.AddDays(-7)), "alerts raised while the history happened");

            var assess = scope.ServiceProvider.GetRequiredService<AssessUnits>();
            var departments = await assess.ScoreAsync(AssessedKind.Department, new AssessmentPeriod(PeriodKind.Month, 2026, 10), CancellationToken.None);
            Assert.True(departments.Count(d => d.IsScored && d.Facts.Concluded > 0) >= 10);
        }
        var leader = await _app.SignedIn("leader");
        var page = await leader.GetStringAsync("/supervision/assessment?kind=Department&period=2026-10");
        Assert.Contains("优秀", page, StringComparison.Ordinal);
        Assert.Contains("临武县市场监督管理局", await leader.GetStringAsync("/supervision"), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await _app.Anonymous().GetAsync("/screen")).StatusCode);
    }

    [Fact]
    public async Task A_case_registered_after_the_history_takes_the_next_number_of_the_day()
    {
        var today = ChinaTime.DateOf(_app.Clock.GetUtcNow().UtcDateTime);
        var prefix = $"431025-{today:yyyyMMdd}-";
        string? lastToday;
        var db = _app.NewDbContext(out var scope);
        using (scope)
        {
            lastToday = await db.Cases.AsNoTracking().Where(c => c.Number.StartsWith(prefix) && c.ParentCaseId == null)
                .OrderByDescending(c => c.Number).Select(c => c.Number).FirstOrDefaultAsync();
        }
        var registered = await CaseApi.Register(await _app.SignedIn("clerk.mz"), "431025-MZ-004", "新来的");
        var expected = (lastToday is null ? 0 : int.Parse(lastToday[^5..], System.Globalization.CultureInfo.InvariantCulture)) + 1;
        Assert.Equal($"{prefix}{expected:D5}", registered.Number);
    }

    [Fact]
    public async Task The_history_is_on_by_default_and_off_leaves_the_county_without_cases()
    {
        var settings = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppProcess.RepoRoot(), "src", "OneWindow.Web", "appsettings.json")))!;
        Assert.True(settings["Seed"]!["DemoHistory"]!.GetValue<bool>());

        using var without = new OneWindowFactory(); // the test hosts turn it off
        var db = without.NewDbContext(out var scope);
        using (scope)
        {
            Assert.True(await db.Departments.AnyAsync());
            Assert.False(await db.Cases.AnyAsync());
            Assert.False(await db.SupervisionAlerts.AnyAsync());
        }
    }
}
