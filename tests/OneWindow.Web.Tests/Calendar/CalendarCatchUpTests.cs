using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OneWindow.Web.Modules.Calendar.Changes;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Tests.Infrastructure;
using static OneWindow.Web.Tests.Calendar.CalendarRecountTests;

namespace OneWindow.Web.Tests.Calendar;

/// <summary>Between loading a notice and its recount reaching a case, an action on the case must not move its dates silently.</summary>
public class CalendarCatchUpTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    [Fact]
    public async Task An_action_or_the_intake_sweep_before_the_recount_records_the_move_first_and_the_recount_does_not_repeat_it()
    {
        app.Clock.Set(Bj(2027, 2, 3, 9));
        var clerk = await app.SignedIn("clerk");
        var accepted = await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-SJ-003", "戊"), "accept", new { });
        var received = await CaseApi.Register(clerk, "431025-SJ-003", "己"); // notice period to Fri 12 Feb; with the bridge day Mon 15 Feb
        var load = await (await app.SignedIn("admin")).PostAsJsonAsync("/api/v1/calendar/admin/notices", Notice2027(), Json.Options);
        Assert.Equal(HttpStatusCode.Accepted, load.StatusCode);
        var change = await load.ReadAsync<CalendarChangeView>();

        // The reviewer acts before the recount has run: the move is recorded, then the action.
        var reviewed = await CaseApi.Act(await app.SignedIn("reviewer.sj"), accepted, "complete-node", new { opinion = "材料齐全，场所符合要求" });
        Assert.Equal(["calendar-changed", "node-completed"], reviewed.Events.TakeLast(2).Select(e => e.Action));
        Assert.True(reviewed.Chain.IsIntact);

        // The intake sweep after the old end of the notice period: the period now ends on the 15th, so no deemed acceptance.
        app.Clock.Set(Bj(2027, 2, 13, 1));
        clerk = await app.SignedIn("clerk");
        Assert.Equal(0, await app.Services.GetRequiredService<IntakeSweep>().RunOnceAsync(CancellationToken.None));
        var stillReceived = await (await clerk.GetAsync($"/api/v1/cases/{received.Number}")).ReadAsync<CaseView>();
        Assert.Equal(Domain.Cases.CaseStatus.Received, stillReceived.Status);
        Assert.Equal("calendar-changed", stillReceived.Events[^1].Action);
        Assert.Equal(new DateTime(2027, 2, 15, 16, 0, 0, DateTimeKind.Utc), stillReceived.IntakeDueAt);

        await app.Services.GetRequiredService<CalendarChangeWorker>().RunUntilDoneAsync(CancellationToken.None);
        var admin = await app.SignedIn("admin");
        var records = await (await admin.GetAsync($"/api/v1/calendar/admin/changes/{change.Id}/records")).ReadAsync<ChangedRecordPage>();
        Assert.Equal([accepted.Number, received.Number], records.Items.Select(r => r.Number).Order());
        var again = await (await clerk.GetAsync($"/api/v1/cases/{accepted.Number}")).ReadAsync<CaseView>();
        Assert.Single(again.Events, e => e.Action == "calendar-changed");
    }
}
