using OneWindow.Web.Modules.Catalog;
using System.Net.Http.Json;
using Microsoft.Playwright;
using OneWindow.Domain.Calendar;

namespace OneWindow.BrowserTests;

/// <summary>
/// Issue 16 in the browser, on the real clock: a case accepted now counts into a year whose notice is not out (the
/// shipped notices end with 2026), its notice says so; then the administrator loads that year's notice with a bridge
/// day and the moved case is listed (for the center, and for its department, which opens it from there) and shows the
/// move in its record.
/// </summary>
public class CalendarJourneyTests(AppServer app) : IClassFixture<AppServer>
{
    [Fact]
    public async Task A_provisional_date_is_printed_as_such_and_loading_the_notice_lists_and_records_the_move()
    {
        var today = ChinaTime.DateOf(TimeProvider.System.GetUtcNow().UtcDateTime); // the app runs on the real clock
        var year = Math.Max(2027, today.AddDays(7).Year);
        var statutory = StatutoryHolidays.Of(year);
        // The first ordinary weekday a week from now (or after New Year): a bridge day the notice adds.
        var bridge = Enumerable.Range(0, 60).Select(i => (today.AddDays(7) > new DateOnly(year, 1, 1) ? today.AddDays(7) : new DateOnly(year, 1, 2)).AddDays(i))
            .First(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && statutory.All(s => s.Date != d));

        var clerk = await app.ApiAsync("clerk.mz");
        var registered = await clerk.PostAsJsonAsync("/api/v1/cases", new
        {
            itemCode = "431025-MZ-001", applicantKind = "Enterprise", applicantName = "临武县摄影家协会（筹）", identityNumber = "91350100M000100Y43", phone = "0735-6361888",
            materialsProvided = DemoCatalog.RequiredMaterials("431025-MZ-001"),
        });
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        var json = await registered.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var number = json.GetProperty("number").GetString()!;
        var accepted = await clerk.PostAsJsonAsync($"/api/v1/cases/{number}/accept", new { revision = json.GetProperty("revision").GetInt32() });
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());

        var page = await app.NewPageAsync();
        await AppServer.SignInAsync(page, "clerk.mz");
        await page.GotoAsync($"/workbench/cases/{number}/notice/acceptance");
        Assert.Contains("节假日以国务院办公厅通知为准", await page.Locator("article").InnerTextAsync(), StringComparison.Ordinal);
        await AppServer.ScreenshotAsync(page, "70-acceptance-notice-provisional");
        await page.GotoAsync($"/calendar?year={year}");
        Assert.True(await page.Locator("td.day-off.provisional").CountAsync() > 0);
        await AppServer.ScreenshotAsync(page, "71-calendar-provisional");

        var admin = await app.NewPageAsync();
        await AppServer.SignInAsync(admin, "admin");
        await admin.GotoAsync("/admin/calendar");
        await admin.GetByLabel("年份").First.FillAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await admin.GetByLabel("通知标题和文号").FillAsync($"国务院办公厅关于{year}年部分节假日安排的通知（演示）");
        await admin.GetByLabel("放假和调休上班日").FillAsync(string.Join("\n",
            statutory.Select(d => $"{d.Date:yyyy-MM-dd},休,{d.Name}").Append($"{bridge:yyyy-MM-dd},休,调休放假")));
        await AppServer.ScreenshotAsync(admin, "72-calendar-admin-notice");
        await admin.GetByRole(AriaRole.Button, new() { Name = "录入并重算期限" }).ClickAsync();
        await admin.ArriveAtAsync("**/admin/calendar/changes/*");
        for (var i = 0; i < 30 && !(await admin.Locator("main").InnerTextAsync()).Contains("重算完成", StringComparison.Ordinal); i++)
        {
            await Task.Delay(1000); // the recount runs in the background: real time is what this waits for
            await admin.ReloadAsync();
        }
        var list = await admin.Locator("main").InnerTextAsync();
        Assert.Contains("重算完成", list, StringComparison.Ordinal);
        Assert.Contains(number, list, StringComparison.Ordinal);
        Assert.Contains("无手机号，请另行告知", list, StringComparison.Ordinal); // a landline: the department calls
        await AppServer.ScreenshotAsync(admin, "73-calendar-change-list");

        // 民政局's window sees the case in its department's list and opens it from there.
        await page.GotoAsync("/workbench/calendar-changes");
        await page.Locator("main table a[href^='/workbench/calendar-changes/']").First.ClickAsync();
        await page.ArriveAtAsync("**/workbench/calendar-changes/*");
        Assert.Contains("无手机号，请另行告知", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AppServer.ScreenshotAsync(page, "75-workbench-calendar-changes");
        await page.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await page.ArriveAtAsync($"**/workbench/cases/{number}");

        Assert.Contains("工作日历调整，期限重算", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AppServer.ScreenshotAsync(page, "74-case-record-calendar-changed");
    }
}
