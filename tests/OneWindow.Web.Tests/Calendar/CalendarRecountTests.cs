using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneWindow.Domain.Calendar;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Calendar.Changes;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Calendar;

/// <summary>
/// The 2027 notice loaded while 食品经营许可 cases (promise 5, statutory limit 20 working days) run on the provisional
/// calendar. The notice keeps every statutory holiday and adds Tue 9 Feb 2027 as a bridge day after 春节 (5–8 Feb).
/// </summary>
public class CalendarRecountTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private const string FoodLicence = "431025-SJ-003";

    public static DateTimeOffset Bj(int y, int m, int d, int h = 10) => new(y, m, d, h, 0, 0, TimeSpan.FromHours(8));

    /// <summary>The statutory days of 2027 as the law gives them, and the bridge day.</summary>
    public static object Notice2027(string reference = "国务院办公厅关于2027年部分节假日安排的通知（测试）") => new
    {
        year = 2027,
        reference,
        days = StatutoryHolidays.Of(2027).Select(d => new { date = d.Date, isOffDay = true, name = d.Name })
            .Append(new { date = new DateOnly(2027, 2, 9), isOffDay = true, name = "春节" }).ToArray(),
    };

    [Fact]
    public async Task Loading_a_notice_with_a_bridge_day_moves_exactly_the_due_dates_that_cross_it_and_records_each_move()
    {
        // Signed in after each move of the clock: a sign-in lasts eight hours.
        app.Clock.Set(Bj(2027, 1, 25));
        var clerk = await app.SignedIn("clerk");
        var acrossOnlyStatutory = await CaseApi.Act(clerk, await CaseApi.Register(clerk, FoodLicence, "甲"), "accept", new { });
        var receivedOnly = await CaseApi.Register(clerk, FoodLicence, "乙");           // the notice period ends 1 Feb
        var withdrawn = await CaseApi.Act(clerk, await CaseApi.Register(clerk, FoodLicence, "丙"), "accept", new { });
        withdrawn = await CaseApi.Act(clerk, withdrawn, "withdraw", new { reason = "申请人撤回申请" });
        app.Clock.Set(Bj(2027, 2, 3));
        clerk = await app.SignedIn("clerk");
        var acrossAll = await CaseApi.Act(clerk, await CaseApi.Register(clerk, FoodLicence, "丁"), "accept", new { });
        Assert.Equal(new DateOnly(2027, 2, 24), acrossOnlyStatutory.Statutory.DueDate);
        Assert.True(acrossAll.DueDatesProvisional);

        var admin = await app.SignedIn("admin");
        var load = await admin.PostAsJsonAsync("/api/v1/calendar/admin/notices", Notice2027(), Json.Options);
        Assert.Equal(HttpStatusCode.Accepted, load.StatusCode);
        var change = await load.ReadAsync<CalendarChangeView>();
        Assert.Equal($"/api/v1/calendar/admin/changes/{change.Id}", load.Headers.Location?.OriginalString);
        Assert.False(change.Completed);

        await app.Services.GetRequiredService<CalendarChangeWorker>().RunUntilDoneAsync(CancellationToken.None);

        var done = await (await admin.GetAsync($"/api/v1/calendar/admin/changes/{change.Id}")).ReadAsync<CalendarChangeView>();
        Assert.True(done.Completed);
        Assert.Equal(2, done.RecordsMoved);
        var records = await (await admin.GetAsync($"/api/v1/calendar/admin/changes/{change.Id}/records")).ReadAsync<ChangedRecordPage>();
        Assert.Equal([acrossOnlyStatutory.Number, acrossAll.Number], records.Items.Select(r => r.Number));
        var first = records.Items[0];
        Assert.Equal("*******0000", first.ApplicantPhone);
        Assert.Equal("食品经营许可", first.Title);
        Assert.Equal([new MovedDueDate("Statutory", "法定期限", null, new DateOnly(2027, 2, 24), new DateOnly(2027, 2, 25))], first.Moves);
        Assert.Equal(
        [
            new MovedDueDate("Promised", "承诺期限", null, new DateOnly(2027, 2, 12), new DateOnly(2027, 2, 15)),
            new MovedDueDate("Statutory", "法定期限", null, new DateOnly(2027, 3, 5), new DateOnly(2027, 3, 8)),
            new MovedDueDate("Node", "环节时限", "审查", new DateOnly(2027, 2, 9), new DateOnly(2027, 2, 10)),
        ], records.Items[1].Moves);

        // Each moved case shows the change in its verified record; the others have nothing new.
        var moved = await Get(clerk, acrossOnlyStatutory.Number);
        var e = moved.Events[^1];
        Assert.Equal("calendar-changed", e.Action);
        Assert.Contains("2027 年节假日安排通知", e.Opinion, StringComparison.Ordinal);
        using (var data = JsonDocument.Parse(e.Data!))
        {
            Assert.Equal(change.Id.ToString(), data.RootElement.GetProperty("change").GetString());
        }
        Assert.True(moved.Chain.IsIntact);
        Assert.Equal(new DateOnly(2027, 2, 25), moved.Statutory.DueDate);
        Assert.False(moved.DueDatesProvisional);
        Assert.DoesNotContain((await Get(clerk, receivedOnly.Number)).Events, x => x.Action == "calendar-changed");
        Assert.DoesNotContain((await Get(clerk, withdrawn.Number)).Events, x => x.Action == "calendar-changed");
        Assert.Equal(withdrawn.Revision, (await Get(clerk, withdrawn.Number)).Revision);

        // Counting again finds nothing more to move, and the page, the print view and the export list the same two.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Web.Data.OneWindowDbContext>();
            var again = new Web.Modules.Calendar.CalendarChange { Id = Guid.CreateVersion7(), Description = "再算一次", RegionCode = "", CreatedAt = app.Clock.GetUtcNow().UtcDateTime, CreatedBy = "test" };
            db.CalendarChanges.Add(again);
            await db.SaveChangesAsync();
            await app.Services.GetRequiredService<CalendarChangeWorker>().RunUntilDoneAsync(CancellationToken.None);
            Assert.Equal(0, (await scope.ServiceProvider.GetRequiredService<CalendarChangeList>().GetAsync(again.Id, CancellationToken.None)).RecordsMoved);
        }
        var page = await admin.GetStringAsync($"/admin/calendar/changes/{change.Id}");
        Assert.Contains(acrossOnlyStatutory.Number, page, StringComparison.Ordinal);
        Assert.Contains(acrossAll.Number, page, StringComparison.Ordinal);
        Assert.DoesNotContain(receivedOnly.Number, page, StringComparison.Ordinal);
        Assert.Contains("2027-03-05 → <strong>2027-03-08</strong>", page, StringComparison.Ordinal);
        var csv = await admin.GetAsync($"/admin/calendar/changes/{change.Id}/export");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["编号,事项,申请人,联系电话,期限,环节,原到期日,新到期日", $"{acrossOnlyStatutory.Number},食品经营许可,甲,*******0000,法定期限,,2027-02-24,2027-02-25"], lines[..2]);
        Assert.Equal(5, lines.Length);
        Assert.Contains("工作日历调整，期限重算", await clerk.GetStringAsync($"/workbench/cases/{acrossAll.Number}"), StringComparison.Ordinal);
        Assert.Contains("2027-02-24 → 2027-02-25", await clerk.GetStringAsync($"/workbench/cases/{acrossOnlyStatutory.Number}"), StringComparison.Ordinal);
    }

    private static async Task<CaseView> Get(HttpClient client, string number) => await (await client.GetAsync($"/api/v1/cases/{number}")).ReadAsync<CaseView>();
}
