using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OneWindow.Web.Modules.Calendar.Changes;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Tests.Infrastructure;
using static OneWindow.Web.Tests.Calendar.CalendarRecountTests;

namespace OneWindow.Web.Tests.Calendar;

/// <summary>
/// The moved records of a calendar change, sliced for the staff who handle them: a department's staff see their
/// department's cases, a comprehensive window (no department) its venue's, each with the link that opens the case; the
/// center's list names every record but links to no case page, which its administrators cannot open.
/// </summary>
public class MovedRecordsForStaffTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    [Fact]
    public async Task Each_department_sees_its_own_moved_cases_and_opens_them_from_the_workbench()
    {
        app.Clock.Set(Bj(2027, 1, 25));
        var clerk = await app.SignedIn("clerk");                 // comprehensive window A04 at the center: no department
        var food = await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-SJ-003", "甲"), "accept", new { });
        var clerkMz = await app.SignedIn("clerk.mz");
        var civil = await CaseApi.Act(clerkMz, await CaseApi.Register(clerkMz, "431025-MZ-001", "乙"), "accept", new { });

        var admin = await app.SignedIn("admin");
        var change = await (await admin.PostAsJsonAsync("/api/v1/calendar/admin/notices", Notice2027(), Json.Options)).ReadAsync<CalendarChangeView>();
        await app.Services.GetRequiredService<CalendarChangeWorker>().RunUntilDoneAsync(CancellationToken.None);

        // The center's list: both, with no link to a case page an administrator cannot open.
        var all = await (await admin.GetAsync($"/api/v1/calendar/admin/changes/{change.Id}/records")).ReadAsync<ChangedRecordPage>();
        Assert.Equal([food.Number, civil.Number], all.Items.Select(r => r.Number).Order(StringComparer.Ordinal));
        Assert.All(all.Items, r => Assert.Null(r.Link));
        Assert.DoesNotContain("/workbench/cases/", await admin.GetStringAsync($"/admin/calendar/changes/{change.Id}"), StringComparison.Ordinal);

        // 市场监管's reviewer: the food licence only, opened on the workbench.
        var reviewer = await app.SignedIn("reviewer.sj");
        var changes = await (await reviewer.GetAsync("/api/v1/calendar/workbench/changes")).ReadAsync<List<StaffChangeView>>();
        var mine = Assert.Single(changes);
        Assert.Equal((change.Id, 1, 2), (mine.Change.Id, mine.MovedHere, mine.Change.RecordsMoved));
        var records = await (await reviewer.GetAsync($"/api/v1/calendar/workbench/changes/{change.Id}/records")).ReadAsync<ChangedRecordPage>();
        var record = Assert.Single(records.Items);
        Assert.Equal((food.Number, $"/workbench/cases/{food.Number}"), (record.Number, record.Link));
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync(record.Link)).StatusCode);
        var list = await reviewer.GetStringAsync("/workbench/calendar-changes");
        Assert.Contains($"/workbench/calendar-changes/{change.Id}", list, StringComparison.Ordinal);
        var page = await reviewer.GetStringAsync($"/workbench/calendar-changes/{change.Id}");
        Assert.Contains($"href=\"/workbench/cases/{food.Number}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(civil.Number, page, StringComparison.Ordinal);
        Assert.Contains("期限变动", await reviewer.GetStringAsync("/workbench"), StringComparison.Ordinal);

        // 民政's window: its own case; the comprehensive window: every case taken in at its venue.
        var civilOnly = await (await clerkMz.GetAsync($"/api/v1/calendar/workbench/changes/{change.Id}/records")).ReadAsync<ChangedRecordPage>();
        Assert.Equal([civil.Number], civilOnly.Items.Select(r => r.Number));
        var venue = await (await clerk.GetAsync($"/api/v1/calendar/workbench/changes/{change.Id}/records")).ReadAsync<ChangedRecordPage>();
        Assert.Equal([food.Number, civil.Number], venue.Items.Select(r => r.Number).Order(StringComparer.Ordinal));

        // A town hall's clerk: nothing of theirs moved.
        var town = await app.SignedIn("clerk.town");
        Assert.Empty(await (await town.GetAsync("/api/v1/calendar/workbench/changes")).ReadAsync<List<StaffChangeView>>());
        Assert.Empty((await (await town.GetAsync($"/api/v1/calendar/workbench/changes/{change.Id}/records")).ReadAsync<ChangedRecordPage>()).Items);
        Assert.Contains("本部门没有期限因日历调整而变动的事项。", await town.GetStringAsync("/workbench/calendar-changes"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await town.GetAsync($"/workbench/calendar-changes/{Guid.NewGuid()}")).StatusCode);
    }
}
