using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OneWindow.Domain.Cases;
using OneWindow.Web.Modules.Calendar.Changes;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Tests.Calendar;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Cases;

/// <summary>
/// The replay of a case's record against its row, through a database round trip (PostgreSQL's numeric(12,2) money,
/// its microsecond instants, the pauses kept as JSON): a case whose history holds everything the replay reads — a
/// special procedure, an extension, a payment, a calendar change — verifies intact, and stays so to the end.
/// </summary>
public sealed class RecordReplayTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    [Fact]
    public async Task A_case_with_a_pause_an_extension_a_payment_and_a_calendar_change_verifies_intact()
    {
        app.Clock.Set(CalendarRecountTests.Bj(2027, 1, 25)); // on the provisional 2027 calendar: the notice will move its dates
        var clerk = await app.SignedIn("clerk");
        var approver = await app.SignedIn("approver.bdc");
        var c = await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-BDC-001", "郑十二"), "accept", new { });
        c = await CaseApi.Act(approver, c, "suspend", new { procedure = "公示", expectedWorkingDays = 3, reason = "转移登记依法公示" });
        app.Clock.Set(CalendarRecountTests.Bj(2027, 1, 28));
        (clerk, approver) = (await app.SignedIn("clerk"), await app.SignedIn("approver.bdc")); // a sign-in lasts eight hours
        c = await CaseApi.Act(approver, c, "resume", new { opinion = "公示期满无异议" });
        c = await CaseApi.Act(approver, c, "extend", new { workingDays = 10, reason = "需现场核查" });
        c = await CaseApi.Act(clerk, c, "pay", new { amount = 90m, receiptNumber = "湘财通字 0012346" });

        var admin = await app.SignedIn("admin");
        var load = await admin.PostAsJsonAsync("/api/v1/calendar/admin/notices", CalendarRecountTests.Notice2027(), Json.Options);
        Assert.Equal(HttpStatusCode.Accepted, load.StatusCode);
        await app.Services.GetRequiredService<CalendarChangeWorker>().RunUntilDoneAsync(CancellationToken.None);

        var seen = await (await clerk.GetAsync("/api/v1/cases/" + c.Number)).ReadAsync<CaseView>();
        Assert.Equal(["received", "accepted", "suspended", "resumed", "extended", "paid", "calendar-changed"], seen.Events.Select(e => e.Action));
        Assert.True(seen.Chain.IsIntact, seen.Chain.Problem);
        Assert.Equal(90m, seen.PaidAmount);
        Assert.Single(seen.Pauses);

        // On to the end: still intact after the decision and the certificate.
        c = await CaseApi.Act(approver, seen, "complete-node", new { opinion = "权属清楚，公示无异议" });
        c = await CaseApi.Act(approver, c, "decide", new { outcome = "Grant" });
        c = await CaseApi.Act(clerk, c, "issue", new { resultNumber = "湘(2027)临武县不动产权第0000002号" });
        Assert.True(c.Chain.IsIntact, c.Chain.Problem);
    }
}
