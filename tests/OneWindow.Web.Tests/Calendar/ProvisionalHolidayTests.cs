using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OneWindow.Domain.Calendar;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Calendar.Changes;
using OneWindow.Web.Tests.Infrastructure;
using static OneWindow.Web.Tests.Calendar.CalendarRecountTests;

namespace OneWindow.Web.Tests.Calendar;

/// <summary>2027 before its notice: the statutory holidays are days off and everything that shows a date counted on them says so.</summary>
public class ProvisionalHolidayTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private const string Provisional = "节假日以国务院办公厅通知为准";

    [Fact]
    public async Task New_Year_2027_is_a_statutory_holiday_before_its_notice_and_the_API_says_the_date_is_provisional()
    {
        var client = app.Anonymous();
        var newYear = await (await client.GetAsync("/api/v1/calendar/working-days/2027-01-01")).ReadAsync<WorkingDayAnswer>();
        Assert.False(newYear.IsWorkingDay);
        Assert.Equal(DayKind.StatutoryHoliday, newYear.Kind);
        Assert.Equal("元旦", newYear.Name);
        Assert.False(newYear.OfficialCalendarPublished);
        Assert.Equal(Provisional, newYear.Note);

        // The food licence, accepted on 5 December 2026: 20 working days end on Mon 4 January, not on 元旦.
        var due = await (await client.GetAsync("/api/v1/calendar/due?from=2026-12-05&workingDays=20")).ReadAsync<DueAnswer>();
        Assert.Equal(new DateOnly(2027, 1, 4), due.DueDate);
        Assert.False(due.OfficialCalendarPublished);
        Assert.Equal(Provisional, due.Note);
        var within2026 = await (await client.GetAsync("/api/v1/calendar/due?from=2026-11-02&workingDays=5")).ReadAsync<DueAnswer>();
        Assert.True(within2026.OfficialCalendarPublished);
        Assert.Null(within2026.Note);
        Assert.Null((await (await client.GetAsync("/api/v1/calendar/working-days/2026-10-01")).ReadAsync<WorkingDayAnswer>()).Note);
    }

    [Fact]
    public async Task An_acceptance_notice_whose_dates_run_into_2027_prints_the_provisional_date_and_says_so()
    {
        app.Clock.Set(Bj(2026, 12, 5));
        var clerk = await app.SignedIn("clerk");
        var c = await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-SJ-003", "庚"), "accept", new { });
        Assert.Equal(new DateOnly(2027, 1, 4), c.Statutory.DueDate);
        Assert.True(c.DueDatesProvisional);
        var notice = await clerk.GetStringAsync($"/workbench/cases/{c.Number}/notice/acceptance");
        Assert.Contains("法定期限至 2027年1月4日", notice, StringComparison.Ordinal);
        Assert.Contains(Provisional, notice, StringComparison.Ordinal);
        Assert.Contains(Provisional, await clerk.GetStringAsync($"/workbench/cases/{c.Number}"), StringComparison.Ordinal);

        app.Clock.Set(Bj(2026, 11, 23));
        clerk = await app.SignedIn("clerk");
        var within2026 = await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-SJ-003", "辛"), "accept", new { });
        Assert.False(within2026.DueDatesProvisional);
        Assert.DoesNotContain(Provisional, await clerk.GetStringAsync($"/workbench/cases/{within2026.Number}/notice/acceptance"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_calendar_page_marks_the_statutory_holidays_of_2027_as_awaiting_the_notice()
    {
        var page = await app.Anonymous().GetStringAsync("/calendar?year=2027");
        Assert.Contains("day-off provisional", page, StringComparison.Ordinal);
        Assert.Contains("2027 年的国务院放假通知尚未录入", page, StringComparison.Ordinal);
        Assert.DoesNotContain("day-off provisional", await app.Anonymous().GetStringAsync("/calendar?year=2026"), StringComparison.Ordinal);
        var calculator = await app.Anonymous().GetStringAsync("/calendar?from=2026-12-05&days=20");
        Assert.Contains("2027-01-04", calculator, StringComparison.Ordinal);
        Assert.Contains(Provisional, calculator, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BadNotices() => new()
    {
        { "a statutory holiday left out", Body(2027, "通知", Statutory(2027).Where(d => d.date != new DateOnly(2027, 2, 8))), "calendar.notice-misses-statutory-holiday" },
        { "a statutory holiday worked", Body(2027, "通知", Statutory(2027).Select(d => d.date == new DateOnly(2027, 2, 5) ? d with { isOffDay = false } : d)), "calendar.notice-misses-statutory-holiday" },
        { "a year outside the calendar", Body(2101, "通知", []), "calendar.notice-year" },
        { "no reference", Body(2027, " ", Statutory(2027)), "calendar.notice-reference" },
        { "no days", Body(2027, "通知", []), "calendar.notice-days" },
        { "a day of another year", Body(2027, "通知", Statutory(2027).Append(new Day(new DateOnly(2026, 10, 1), true, "国庆节"))), "calendar.notice-day-outside" },
        { "a day twice", Body(2027, "通知", Statutory(2027).Append(new Day(new DateOnly(2027, 1, 1), true, "元旦"))), "calendar.notice-day-twice" },
        { "a day without a name", Body(2027, "通知", Statutory(2027).Append(new Day(new DateOnly(2027, 2, 9), true, ""))), "calendar.notice-day-name" },
    };

    [Theory]
    [MemberData(nameof(BadNotices))]
    public async Task A_bad_notice_is_a_400_problem_and_changes_nothing(string what, string body, string code)
    {
        var admin = await app.SignedIn("admin");
        var response = await admin.PostAsync("/api/v1/calendar/admin/notices", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, (await response.ReadJsonAsync()).GetProperty("code").GetString());
        var notices = await (await admin.GetAsync("/api/v1/calendar/admin/notices")).ReadAsync<List<NoticeView>>();
        Assert.DoesNotContain(notices, n => n.Year == 2027);
        Assert.Equal(Enumerable.Range(2007, 20), notices.Select(n => n.Year).Where(y => y <= 2026).Order());
    }

    [Fact]
    public async Task The_admin_page_explains_a_refused_notice_and_loads_a_good_one_into_its_change_list()
    {
        var admin = await app.SignedIn("admin");
        var missingSpringFestival = string.Join("\n", StatutoryHolidays.Of(2029).Where(d => d.Name != "春节").Select(d => $"{d.Date:yyyy-MM-dd},休,{d.Name}"));
        var refused = await Forms.PostAsync(admin, "/admin/calendar", new Dictionary<string, string>
        {
            ["NoticeYear"] = "2029", ["NoticeReference"] = "国务院办公厅关于2029年部分节假日安排的通知", ["NoticeDays"] = missingSpringFestival,
        }, "/admin/calendar?handler=Notice");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("以下法定节假日在通知中不是休息日", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var badLine = await Forms.PostAsync(admin, "/admin/calendar", new Dictionary<string, string>
        {
            ["NoticeYear"] = "2029", ["NoticeReference"] = "通知", ["NoticeDays"] = "2029-01-01 放 元旦",
        }, "/admin/calendar?handler=Notice");
        Assert.Contains("第 1 行格式不正确", await badLine.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var lines = string.Join("\n", StatutoryHolidays.Of(2029).Select(d => $"{d.Date:yyyy-MM-dd}，休，{d.Name}").Prepend("# 2029"));
        var loaded = await Forms.PostAsync(admin, "/admin/calendar", new Dictionary<string, string>
        {
            ["NoticeYear"] = "", ["NoticeReference"] = "国务院办公厅关于2029年部分节假日安排的通知", ["NoticeDays"] = lines,
        }, "/admin/calendar?handler=Notice");
        Assert.Contains("请填写通知所属的年份", await loaded.Content.ReadAsStringAsync(), StringComparison.Ordinal); // lines name no year
        loaded = await Forms.PostAsync(admin, "/admin/calendar", new Dictionary<string, string>
        {
            ["NoticeYear"] = "2029", ["NoticeReference"] = "国务院办公厅关于2029年部分节假日安排的通知", ["NoticeDays"] = lines,
        }, "/admin/calendar?handler=Notice");
        Assert.Equal(HttpStatusCode.Redirect, loaded.StatusCode);
        var changePage = loaded.Headers.Location!.OriginalString;
        Assert.StartsWith("/admin/calendar/changes/", changePage, StringComparison.Ordinal);
        Assert.Contains("录入 2029 年节假日安排通知", await admin.GetStringAsync(changePage), StringComparison.Ordinal);
        Assert.Contains("国务院办公厅关于2029年部分节假日安排的通知", await admin.GetStringAsync("/admin/calendar"), StringComparison.Ordinal);
        var day = await (await app.Anonymous().GetAsync($"/api/v1/calendar/working-days/{StatutoryHolidays.Of(2029)[0].Date:yyyy-MM-dd}")).ReadAsync<WorkingDayAnswer>();
        Assert.True(day.OfficialCalendarPublished);
        Assert.Null(day.Note);
    }

    [Fact]
    public async Task The_published_2026_notice_pasted_as_holiday_cn_JSON_passes_the_statutory_check_and_moves_nothing()
    {
        // The real notice, as the community publishes it: loading it again changes no day, so no due date moves.
        var json = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "ReferenceData", "holidays", "holiday-cn", "2026.json"));
        var admin = await app.SignedIn("admin");
        var loaded = await Forms.PostAsync(admin, "/admin/calendar", new Dictionary<string, string>
        {
            ["NoticeYear"] = "", ["NoticeReference"] = "国务院办公厅关于2026年部分节假日安排的通知", ["NoticeDays"] = json,
        }, "/admin/calendar?handler=Notice");
        Assert.Equal(HttpStatusCode.Redirect, loaded.StatusCode);
        await app.Services.GetRequiredService<CalendarChangeWorker>().RunUntilDoneAsync(CancellationToken.None);
        var change = await (await admin.GetAsync("/api/v1/calendar/admin" + loaded.Headers.Location!.OriginalString["/admin/calendar".Length..])).ReadAsync<CalendarChangeView>();
        Assert.True(change.Completed);
        Assert.Equal(0, change.RecordsMoved);
        var holiday = await (await app.Anonymous().GetAsync("/api/v1/calendar/working-days/2026-10-07")).ReadAsync<WorkingDayAnswer>();
        Assert.False(holiday.IsWorkingDay);
        Assert.True(holiday.OfficialCalendarPublished);
    }

    [Fact]
    public async Task A_single_day_is_set_and_removed_over_the_API_as_on_the_page_each_a_calendar_change()
    {
        var admin = await app.SignedIn("admin");
        app.Clock.Advance(TimeSpan.FromHours(1)); // the changes newest first, after any other test's
        var set = await admin.PostAsJsonAsync("/api/v1/calendar/admin/days",
            new { regionCode = "431025", date = "2027-03-02", isOffDay = true, name = "台风停工", reason = "县人民政府公告" }, Json.Options);
        Assert.Equal(HttpStatusCode.Created, set.StatusCode);
        var day = await set.ReadAsync<DayAnswer>();
        Assert.Equal("431025000000", day.RegionCode); // stored as the calendars look it up
        Assert.Contains("台风停工", day.Change.Description, StringComparison.Ordinal);
        var town = await (await app.Anonymous().GetAsync("/api/v1/calendar/due?from=2027-03-01&workingDays=1&region=431025100000")).ReadAsync<DueAnswer>();
        Assert.Equal(new DateOnly(2027, 3, 3), town.DueDate);

        var noReason = await admin.PostAsJsonAsync($"/api/v1/calendar/admin/days/{day.Id}/remove", new { reason = "" }, Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/v1/calendar/admin/days/abc/remove", new { reason = "误录" }, Json.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync("/api/v1/calendar/admin/days/999999/remove", new { reason = "误录" }, Json.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/v1/calendar/admin/days", new { regionCode = "4310", isOffDay = true, name = "x", reason = "y" }, Json.Options)).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var removed = await admin.PostAsJsonAsync($"/api/v1/calendar/admin/days/{day.Id}/remove", new { reason = "台风改道" }, Json.Options);
        Assert.Equal(HttpStatusCode.Accepted, removed.StatusCode);
        town = await (await app.Anonymous().GetAsync("/api/v1/calendar/due?from=2027-03-01&workingDays=1&region=431025100000")).ReadAsync<DueAnswer>();
        Assert.Equal(new DateOnly(2027, 3, 2), town.DueDate);
        var changes = await (await admin.GetAsync("/api/v1/calendar/admin/changes?limit=2")).ReadAsync<CalendarChangePage>();
        Assert.Equal(2, changes.Items.Count);
        Assert.Contains("台风改道", changes.Items[0].Description, StringComparison.Ordinal);
    }

    private sealed record Day(DateOnly date, bool isOffDay, string name);

    private static IEnumerable<Day> Statutory(int year) => StatutoryHolidays.Of(year).Select(d => new Day(d.Date, true, d.Name));

    private static string Body(int year, string reference, IEnumerable<Day> days) =>
        System.Text.Json.JsonSerializer.Serialize(new { year, reference, days }, Json.Options);
}
