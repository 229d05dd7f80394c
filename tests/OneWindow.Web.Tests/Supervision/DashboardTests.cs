using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Modules.Supervision;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Supervision;

/// <summary>
/// The dashboard's figures against a data set built by hand on a database of its own: every count is known.
/// Received, accepted, denied and instantly concluded cases at the 民政 window on Sunday 22 November 2026.
/// </summary>
public sealed class DashboardTests : IDisposable
{
    private readonly OneWindowFactory _app = new();

    public void Dispose() => _app.Dispose();


    [Fact]
    public async Task The_figures_count_exactly_the_cases_built_by_hand_and_reach_the_page_and_the_live_stream()
    {
        var clerk = await _app.SignedIn("clerk.mz");
        await CaseApi.Register(clerk, "431025-MZ-002", "甲");                                                     // received
        var accepted = await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-MZ-002", "乙"), "accept", new { }); // accepted
        var denied = await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-MZ-002", "丙"), "accept", new { });
        denied = await CaseApi.Act(await _app.SignedIn("reviewer.mz"), denied, "complete-node", new { opinion = "不符合" });
        await CaseApi.Act(await _app.SignedIn("approver.mz"), denied, "decide", new { outcome = "Deny", reason = "不符合条件" }); // decided, a yellow card
        var instant = await CaseApi.Register(clerk, "431025-MZ-004", "丁");
        await CaseApi.Act(clerk, instant, "conclude-instantly", new { resultNumber = "J431025-2026-0001" });      // concluded today, on time

        var figures = await Figures();
        Assert.Equal(3, figures.OpenTotal);
        Assert.Equal([(CaseStatus.Received, 1), (CaseStatus.Accepted, 1), (CaseStatus.Decided, 1)], figures.OpenByStatus.Select(s => (s.Status, s.Count)));
        Assert.Equal(4, figures.IntakeToday);
        Assert.Equal(1, figures.ConcludedToday);
        Assert.Equal(100.0, figures.OnTimeRate);
        Assert.Equal((0, 1, 0), (figures.Reminders, figures.YellowCards, figures.RedCards));
        var mz = Assert.Single(figures.Departments);
        Assert.Equal((3, 0, 4, 1, 1, 0), (mz.Open, mz.Overdue, mz.IntakeToday, mz.ConcludedToday, mz.Yellow, mz.Red));
        Assert.Equal(("431025-MZ-002", 3), (figures.Items[0].Code, figures.Items[0].Open));
        Assert.Equal(4, figures.Windows.Single(w => w.Number == "B01").ServedToday);
        Assert.Equal(4, figures.Trend[^1].Intake);
        Assert.Equal(1, figures.Trend[^1].Concluded);

        // Past the accepted case's promise (and its node's): one overdue case, and the sweep's cards.
        _app.Clock.Set(new DateTimeOffset(accepted.Promised.DueAt!.Value.AddHours(1), TimeSpan.Zero));
        await _app.Services.GetRequiredService<SupervisionSweep>().RunOnceAsync(CancellationToken.None);
        var later = await Figures();
        Assert.Equal(1, later.Departments.Single().Overdue);
        Assert.Equal(0, later.IntakeToday);

        _app.Clock.Set(OneWindowFactory.DefaultNow);
        var supervisor = await _app.SignedIn("supervisor");
        var page = await supervisor.GetStringAsync("/supervision");
        Assert.Contains("data-figure=\"openTotal\">3<", page, StringComparison.Ordinal);
        var b01 = figures.Windows.Single(w => w.Number == "B01").Id;
        var drill = await supervisor.GetStringAsync($"/supervision/cases?window={b01}");
        Assert.Contains(accepted.Number, drill, StringComparison.Ordinal);
        Assert.DoesNotContain(accepted.Number, await supervisor.GetStringAsync($"/supervision/cases?window={Guid.NewGuid()}"), StringComparison.Ordinal);
        Assert.Contains("民政", page, StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/supervision/live");
        using var response = await supervisor.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("event: figures", await reader.ReadLineAsync());
        var data = (await reader.ReadLineAsync())!;
        Assert.StartsWith("data: {", data, StringComparison.Ordinal);
        Assert.Contains("\"openTotal\":3", data, StringComparison.Ordinal);
        // By now the sweep has added the accepted case's node and promise cards to the denial's.
        Assert.Contains($"\"yellowCards\":{(await Figures()).YellowCards}", data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_past_day_is_read_from_the_kept_daily_figures_and_added_to_the_month_with_today()
    {
        var clerk = await _app.SignedIn("clerk.mz");
        await CaseApi.Register(clerk, "431025-MZ-002", "甲");
        var instant = await CaseApi.Register(clerk, "431025-MZ-004", "丁");
        await CaseApi.Act(clerk, instant, "conclude-instantly", new { resultNumber = "J431025-2026-0002" });
        var sunday = ChinaTime.DateOf(OneWindowFactory.DefaultNow.UtcDateTime);

        // Tuesday: Sunday's intake and conclusion come from its kept figures; today has nothing yet.
        await _app.SettleFiguresAsync();
        _app.Clock.Set(OneWindowFactory.DefaultNow.AddDays(2));
        var tuesday = await Figures();
        Assert.Equal((2, 1), Day(tuesday, sunday));
        Assert.Equal((0, 0), Day(tuesday, sunday.AddDays(2)));
        Assert.Equal((0, 0, 1, 100.0), (tuesday.IntakeToday, tuesday.ConcludedToday, tuesday.ConcludedThisMonth, tuesday.OnTimeRate));
        Assert.Equal(DashboardFigures.TrendDays, tuesday.Trend.Count);

        var db = _app.NewDbContext(out var scope);
        using (scope)
        {
            // The past is read from the kept daily figures (ADR 0030), not counted again: what the rows say is what the trend shows.
            await db.Set<OneWindow.Web.Modules.Statistics.DailyFigure>().Where(d => d.Day == sunday && d.Received > 0).Take(1)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Received, d => d.Received + 5));
        }
        Assert.Equal((7, 1), Day(await Figures(), sunday));

        // Today's work is counted live and joins the month (a new sign-in: Sunday's has expired).
        clerk = await _app.SignedIn("clerk.mz");
        var late = await CaseApi.Register(clerk, "431025-MZ-004", "戊");
        await CaseApi.Act(clerk, late, "conclude-instantly", new { resultNumber = "J431025-2026-0003" });
        var after = await Figures();
        Assert.Equal((1, 1, 2), (after.IntakeToday, after.ConcludedToday, after.ConcludedThisMonth));
        Assert.Equal((1, 1), Day(after, sunday.AddDays(2)));
    }

    private static (int Intake, int Concluded) Day(DashboardFigures figures, DateOnly day)
    {
        var d = figures.Trend.Single(t => t.Day == day);
        return (d.Intake, d.Concluded);
    }

    [Fact]
    public async Task The_public_big_screen_stream_carries_no_case_and_no_alert_detail()
    {
        var clerk = await _app.SignedIn("clerk.mz");
        var c = await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-MZ-002", "戊"), "accept", new { });
        c = await CaseApi.Act(await _app.SignedIn("reviewer.mz"), c, "complete-node", new { opinion = "不符合" });
        await CaseApi.Act(await _app.SignedIn("approver.mz"), c, "decide", new { outcome = "Deny", reason = "不符合条件" });

        var anonymous = _app.Anonymous();
        var screen = await anonymous.GetStringAsync("/screen");
        Assert.DoesNotContain(c.Number, screen, StringComparison.Ordinal);
        using var response = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/screen/live"), HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        await reader.ReadLineAsync();
        var data = (await reader.ReadLineAsync())!;
        Assert.Contains("\"cards\":[]", data, StringComparison.Ordinal);
        Assert.DoesNotContain(c.Number, data, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await anonymous.GetAsync("/supervision/live")).StatusCode);
    }

    private async Task<DashboardFigures> Figures()
    {
        var db = _app.NewDbContext(out var scope);
        using (scope)
        {
            return await DashboardFigures.ComputeAsync(db, _app.Clock.GetUtcNow().UtcDateTime, null, CancellationToken.None);
        }
    }
}
