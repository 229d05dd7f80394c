using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Calendar.Changes;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Calendar;

/// <summary>
/// A notice that disagrees with the statutory rule where the notice decides (ADR 0014): 2042's 清明 falls late on the
/// 4th by the rule (Fri), within half an hour of midnight; a notice that puts it on Sat 5 April, with Mon 7 April as the
/// make-up day, leaves the rule's Friday a working day. Refused by default; loaded once the administrator confirms.
/// </summary>
public class NoticeDisagreementTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private static readonly DateOnly RuleQingming = new(2042, 4, 4);

    private static IEnumerable<object> Days(int year) =>
        StatutoryHolidays.Of(year).Where(d => year != 2042 || d.Date != RuleQingming).Select(d => (object)new { date = d.Date, isOffDay = true, name = d.Name })
            .Concat(year != 2042 ? [] : new[] { 5, 6, 7 }.Select(d => (object)new { date = new DateOnly(2042, 4, d), isOffDay = true, name = "清明节" }));

    [Fact]
    public async Task The_API_refuses_the_disagreeing_notice_unless_confirmed_and_records_the_disagreement_in_the_audit_entry_and_on_the_change()
    {
        Assert.Equal(RuleQingming, StatutoryHolidays.Qingming(2042));
        var admin = await app.SignedIn("admin");
        var refused = await admin.PostAsJsonAsync("/api/v1/calendar/admin/notices", new { year = 2042, reference = "国务院办公厅关于2042年部分节假日安排的通知", days = Days(2042) }, Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.ReadJsonAsync();
        Assert.Equal("calendar.notice-misses-statutory-holiday", problem.GetProperty("code").GetString());
        Assert.Contains("2042-04-04 清明节", problem.GetProperty("title").GetString(), StringComparison.Ordinal);

        var loaded = await admin.PostAsJsonAsync("/api/v1/calendar/admin/notices",
            new { year = 2042, reference = "国务院办公厅关于2042年部分节假日安排的通知", days = Days(2042), confirmDisagreement = true }, Json.Options);
        Assert.Equal(HttpStatusCode.Accepted, loaded.StatusCode);
        var change = await loaded.ReadAsync<CalendarChangeView>();
        Assert.Equal("2042-04-04 清明节", change.Disagreement);
        Assert.Contains("以通知为准", change.Description, StringComparison.Ordinal);
        Assert.Equal("2042-04-04 清明节", (await (await admin.GetAsync($"/api/v1/calendar/admin/changes/{change.Id}")).ReadAsync<CalendarChangeView>()).Disagreement);
        var friday = await (await app.Anonymous().GetAsync("/api/v1/calendar/working-days/2042-04-04")).ReadAsync<WorkingDayAnswer>();
        Assert.True(friday.IsWorkingDay); // the notice decides
        Assert.True(friday.OfficialCalendarPublished);
        Assert.False((await (await app.Anonymous().GetAsync("/api/v1/calendar/working-days/2042-04-07")).ReadAsync<WorkingDayAnswer>()).IsWorkingDay);
        await using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var audits = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "HolidayNotice" && a.EntityKey == "2042").ToListAsync();
            var audit = Assert.Single(audits, a => a.Details!.Contains(change.Id.ToString(), StringComparison.Ordinal));
            Assert.Contains("disagreementConfirmed", audit.Details, StringComparison.Ordinal);
            Assert.Contains("2042-04-04 清明节", audit.Details, StringComparison.Ordinal);
        }
        // A notice that agrees records none.
        var agreeing = await (await admin.PostAsJsonAsync("/api/v1/calendar/admin/notices", new { year = 2043, reference = "国务院办公厅关于2043年部分节假日安排的通知", days = Days(2043) }, Json.Options)).ReadAsync<CalendarChangeView>();
        Assert.Null(agreeing.Disagreement);
    }

    [Fact]
    public async Task The_page_offers_the_confirmation_after_the_refusal_and_the_change_page_shows_what_was_confirmed()
    {
        var admin = await app.SignedIn("admin");
        var lines = string.Join("\n", Days(2042).Select(d => System.Text.Json.JsonSerializer.SerializeToElement(d, Json.Options))
            .Select(d => $"{d.GetProperty("date").GetString()},休,{d.GetProperty("name").GetString()}"));
        var fields = new Dictionary<string, string>
        {
            ["NoticeYear"] = "2042", ["NoticeReference"] = "国务院办公厅关于2042年部分节假日安排的通知（页面）", ["NoticeDays"] = lines,
        };
        Assert.DoesNotContain("name=\"ConfirmDisagreement\"", await admin.GetStringAsync("/admin/calendar"), StringComparison.Ordinal);
        var refused = await Forms.PostAsync(admin, "/admin/calendar", fields, "/admin/calendar?handler=Notice");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("2042-04-04 清明节", html, StringComparison.Ordinal);
        Assert.Contains("name=\"ConfirmDisagreement\"", html, StringComparison.Ordinal);

        fields["ConfirmDisagreement"] = "true";
        var loaded = await Forms.PostAsync(admin, "/admin/calendar", fields, "/admin/calendar?handler=Notice");
        Assert.Equal(HttpStatusCode.Redirect, loaded.StatusCode);
        var page = await admin.GetStringAsync(loaded.Headers.Location!.OriginalString);
        Assert.Contains("确认以通知为准", page, StringComparison.Ordinal);
        Assert.Contains("2042-04-04 清明节", page, StringComparison.Ordinal);
    }
}
