using Microsoft.EntityFrameworkCore;
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
        Assert.Contains("data-figure=\"openTotal\">3<", page);
        var b01 = figures.Windows.Single(w => w.Number == "B01").Id;
        var drill = await supervisor.GetStringAsync($"/supervision/cases?window={b01}");
        Assert.Contains(accepted.Number, drill);
        Assert.DoesNotContain(accepted.Number, await supervisor.GetStringAsync($"/supervision/cases?window={Guid.NewGuid()}"));
        Assert.Contains("民政", page);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/supervision/live");
        using var response = await supervisor.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("event: figures", await reader.ReadLineAsync());
        var data = (await reader.ReadLineAsync())!;
        Assert.StartsWith("data: {", data);
        Assert.Contains("\"openTotal\":3", data);
        // By now the sweep has added the accepted case's node and promise cards to the denial's.
        Assert.Contains($"\"yellowCards\":{(await Figures()).YellowCards}", data);
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
        Assert.DoesNotContain(c.Number, screen);
        using var response = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/screen/live"), HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        await reader.ReadLineAsync();
        var data = (await reader.ReadLineAsync())!;
        Assert.Contains("\"cards\":[]", data);
        Assert.DoesNotContain(c.Number, data);
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
