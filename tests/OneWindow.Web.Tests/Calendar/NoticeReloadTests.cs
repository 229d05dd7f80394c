using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OneWindow.Domain.Calendar;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Calendar.Changes;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Tests.Infrastructure;
using static OneWindow.Web.Tests.Calendar.CalendarRecountTests;

namespace OneWindow.Web.Tests.Calendar;

/// <summary>
/// A corrected notice replaces the whole of the earlier one: a day the first load mistyped after the corrected
/// notice's last day is gone, and the cases it moved are moved back and listed.
/// </summary>
public class NoticeReloadTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private static object Notice(string reference, IEnumerable<(DateOnly Date, bool Off, string Name)> extra) => new
    {
        year = 2027,
        reference,
        days = StatutoryHolidays.Of(2027).Select(d => (d.Date, Off: true, d.Name)).Concat(extra)
            .Select(d => new { date = d.Date, isOffDay = d.Off, name = d.Name }).ToArray(),
    };

    [Fact]
    public async Task Loading_the_corrected_notice_removes_a_mistyped_late_day_of_the_first_and_moves_its_cases_back()
    {
        // Tue 12 Oct 2027: the promise of 5 working days ends Tue 19 Oct (13, 14, 15, 18, 19).
        app.Clock.Set(Bj(2027, 10, 12));
        var clerk = await app.SignedIn("clerk");
        var c = await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-SJ-003", "庚"), "accept", new { });
        Assert.Equal(new DateOnly(2027, 10, 19), c.Promised.DueDate);
        var admin = await app.SignedIn("admin");
        var worker = app.Services.GetRequiredService<CalendarChangeWorker>();
        DateOnly D(int m, int d) => new(2027, m, d);

        // 国庆 4–8 Oct off, Sat 9 Oct worked; the first load has "10-18" for the 8th.
        var mistyped = await admin.PostAsJsonAsync("/api/v1/calendar/admin/notices", Notice("国务院办公厅关于2027年部分节假日安排的通知（误录）",
            [(D(10, 4), true, "国庆节"), (D(10, 5), true, "国庆节"), (D(10, 6), true, "国庆节"), (D(10, 7), true, "国庆节"), (D(10, 18), true, "国庆节"), (D(10, 9), false, "国庆节")]), Json.Options);
        Assert.Equal(HttpStatusCode.Accepted, mistyped.StatusCode);
        var first = await mistyped.ReadAsync<CalendarChangeView>();
        await worker.RunUntilDoneAsync(CancellationToken.None);
        var moved = Assert.Single((await (await admin.GetAsync($"/api/v1/calendar/admin/changes/{first.Id}/records")).ReadAsync<ChangedRecordPage>()).Items);
        Assert.Contains(new MovedDueDate("Promised", "承诺期限", null, D(10, 19), D(10, 20)), moved.Moves);

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var corrected = await admin.PostAsJsonAsync("/api/v1/calendar/admin/notices", Notice("国务院办公厅关于2027年部分节假日安排的通知（更正）",
            [(D(10, 4), true, "国庆节"), (D(10, 5), true, "国庆节"), (D(10, 6), true, "国庆节"), (D(10, 7), true, "国庆节"), (D(10, 8), true, "国庆节"), (D(10, 9), false, "国庆节")]), Json.Options);
        Assert.Equal(HttpStatusCode.Accepted, corrected.StatusCode);
        var second = await corrected.ReadAsync<CalendarChangeView>();
        await worker.RunUntilDoneAsync(CancellationToken.None);

        var day = await (await app.Anonymous().GetAsync("/api/v1/calendar/working-days/2027-10-18")).ReadAsync<WorkingDayAnswer>();
        Assert.True(day.IsWorkingDay);
        Assert.Equal(DayKind.OrdinaryWorkingDay, day.Kind);
        var back = Assert.Single((await (await admin.GetAsync($"/api/v1/calendar/admin/changes/{second.Id}/records")).ReadAsync<ChangedRecordPage>()).Items);
        Assert.Equal(c.Number, back.Number);
        Assert.Contains(new MovedDueDate("Promised", "承诺期限", null, D(10, 20), D(10, 19)), back.Moves);
        var now = await (await clerk.GetAsync($"/api/v1/cases/{c.Number}")).ReadAsync<CaseView>();
        Assert.Equal(D(10, 19), now.Promised.DueDate);
        Assert.Equal(2, now.Events.Count(e => e.Action == "calendar-changed"));
        Assert.Contains("更正", now.Events[^1].Opinion, StringComparison.Ordinal);
    }
}
