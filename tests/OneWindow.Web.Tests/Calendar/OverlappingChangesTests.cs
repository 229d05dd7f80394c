using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Calendar.Changes;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Tests.Infrastructure;
using static OneWindow.Web.Tests.Calendar.CalendarRecountTests;

namespace OneWindow.Web.Tests.Calendar;

/// <summary>
/// Calendar changes that overlap: a second made before the recount of the first has reached a case. The case is counted
/// once, on the calendar with both, and its record names both.
/// </summary>
public class OverlappingChangesTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private const string FoodLicence = "431025-SJ-003";

    [Fact]
    public async Task A_second_change_made_before_the_first_s_recount_reaches_a_case_gives_the_final_date_and_the_record_names_both()
    {
        // Statutory 20 working days from Mon 25 Jan 2027: Wed 24 Feb on the provisional calendar.
        app.Clock.Set(Bj(2027, 1, 25));
        var clerk = await app.SignedIn("clerk");
        var c = await CaseApi.Act(clerk, await CaseApi.Register(clerk, FoodLicence, "甲"), "accept", new { });
        var actedOn = await CaseApi.Act(clerk, await CaseApi.Register(clerk, FoodLicence, "丁"), "accept", new { });
        Assert.Equal(new DateOnly(2027, 2, 24), c.Statutory.DueDate);

        // The notice (bridge day Tue 9 Feb), and before its recount has run, a typhoon day off in the county (Thu 18 Feb).
        var admin = await app.SignedIn("admin");
        var notice = await (await admin.PostAsJsonAsync("/api/v1/calendar/admin/notices", Notice2027(), Json.Options)).ReadAsync<CalendarChangeView>();
        var typhoon = await SetDay(admin, "431025000000", "2027-02-18", "台风停工");
        // One case is acted on before either recount: its move, recorded first, is put down to both as well.
        var reviewed = await CaseApi.Act(await app.SignedIn("reviewer.sj"), actedOn, "complete-node", new { opinion = "材料齐全" });
        var caughtUp = Assert.Single(reviewed.Events, e => e.Action == "calendar-changed");
        Assert.Contains("台风停工", caughtUp.Opinion, StringComparison.Ordinal);
        Assert.Contains("2027 年节假日安排通知", caughtUp.Opinion, StringComparison.Ordinal);
        await app.Services.GetRequiredService<CalendarChangeWorker>().RunUntilDoneAsync(CancellationToken.None);
        Assert.Single((await Get(clerk, actedOn.Number)).Events, e => e.Action == "calendar-changed");

        var after = await Get(clerk, c.Number);
        Assert.Equal(new DateOnly(2027, 2, 26), after.Statutory.DueDate);
        var moved = Assert.Single(after.Events, e => e.Action == "calendar-changed");
        Assert.Contains("2027 年节假日安排通知", moved.Opinion, StringComparison.Ordinal);
        Assert.Contains("台风停工", moved.Opinion, StringComparison.Ordinal);
        using (var data = JsonDocument.Parse(moved.Data!))
        {
            Assert.Equal($"{notice.Id},{typhoon.Id}", data.RootElement.GetProperty("change").GetString());
        }
        Assert.True(after.Chain.IsIntact);

        // Listed once, under the later change (whose list the center works through last); the earlier one's list, without it.
        Assert.Empty(await Numbers(admin, notice.Id));
        Assert.Equal([c.Number, actedOn.Number], (await Numbers(admin, typhoon.Id)).Order(StringComparer.Ordinal));
        var listed = Assert.Single((await (await admin.GetAsync($"/api/v1/calendar/admin/changes/{typhoon.Id}/records")).ReadAsync<ChangedRecordPage>()).Items, r => r.Number == c.Number);
        Assert.Equal([new MovedDueDate("Statutory", "法定期限", null, new DateOnly(2027, 2, 24), new DateOnly(2027, 2, 26))], listed.Moves);
        // Told of the move once (besides the SMS of its steps: received, accepted).
        Assert.Single(app.Sms.Sent, s => s.Text.Contains(c.Number, StringComparison.Ordinal) && s.Text.Contains(Moved, StringComparison.Ordinal));
        Assert.Single(app.Sms.Sent, s => s.Text.Contains(actedOn.Number, StringComparison.Ordinal) && s.Text.Contains(Moved, StringComparison.Ordinal));
    }

    /// <summary>What the SMS of a calendar change says (the applicant also hears of the case's steps).</summary>
    internal const string Moved = "因节假日安排调整";

    /// <summary>A day set by the administrator a minute after what came before (changes are ordered by when they were made).</summary>
    private async Task<CalendarChangeView> SetDay(HttpClient admin, string region, string date, string name)
    {
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var response = await admin.PostAsJsonAsync("/api/v1/calendar/admin/days",
            new { regionCode = region, date, isOffDay = true, name, reason = "测试：" + name }, Json.Options);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<DayAnswer>()).Change;
    }

    private static async Task<List<string>> Numbers(HttpClient admin, Guid change) =>
        [.. (await (await admin.GetAsync($"/api/v1/calendar/admin/changes/{change}/records")).ReadAsync<ChangedRecordPage>()).Items.Select(r => r.Number)];

    private static async Task<CaseView> Get(HttpClient client, string number) => await (await client.GetAsync($"/api/v1/cases/{number}")).ReadAsync<CaseView>();
}

/// <summary>Two changes one after the other, each recounted before the next, moving the same case (a host of its own).</summary>
public class SameCaseMovedTwiceTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private const string FoodLicence = "431025-SJ-003";

    [Fact]
    public async Task Two_changes_one_after_the_other_move_the_same_case_twice_and_both_show_in_its_record()
    {
        app.Clock.Set(Bj(2027, 1, 26));
        var clerk = await app.SignedIn("clerk");
        var c = await CaseApi.Act(clerk, await CaseApi.Register(clerk, FoodLicence, "乙"), "accept", new { });
        Assert.Equal(new DateOnly(2027, 2, 25), c.Statutory.DueDate);
        var admin = await app.SignedIn("admin");
        var first = await SetDay(admin, "", "2027-02-10", "春节（延长）");
        await app.Services.GetRequiredService<CalendarChangeWorker>().RunUntilDoneAsync(CancellationToken.None);
        var second = await SetDay(admin, "431025000000", "2027-02-19", "暴雪停工");
        await app.Services.GetRequiredService<CalendarChangeWorker>().RunUntilDoneAsync(CancellationToken.None);

        var after = await Get(clerk, c.Number);
        Assert.Equal(new DateOnly(2027, 3, 1), after.Statutory.DueDate);
        var moves = after.Events.Where(e => e.Action == "calendar-changed").ToList();
        Assert.Equal(2, moves.Count);
        Assert.Contains("春节（延长）", moves[0].Opinion, StringComparison.Ordinal);
        Assert.Contains("暴雪停工", moves[1].Opinion, StringComparison.Ordinal);
        Assert.Equal([c.Number], await Numbers(admin, first.Id));
        Assert.Equal([c.Number], await Numbers(admin, second.Id));
        var firstMove = Assert.Single((await (await admin.GetAsync($"/api/v1/calendar/admin/changes/{first.Id}/records")).ReadAsync<ChangedRecordPage>()).Items).Moves;
        var secondMove = Assert.Single((await (await admin.GetAsync($"/api/v1/calendar/admin/changes/{second.Id}/records")).ReadAsync<ChangedRecordPage>()).Items).Moves;
        Assert.Equal(new DateOnly(2027, 2, 26), Assert.Single(firstMove, m => m.Clock == "Statutory").To);
        Assert.Equal((new DateOnly(2027, 2, 26), new DateOnly(2027, 3, 1)), Assert.Single(secondMove, m => m.Clock == "Statutory") is var s ? (s.From, s.To) : default);
        Assert.Equal(2, app.Sms.Sent.Count(x => x.Text.Contains(c.Number, StringComparison.Ordinal) && x.Text.Contains(OverlappingChangesTests.Moved, StringComparison.Ordinal)));
    }

    /// <summary>A day set by the administrator a minute after what came before (changes are ordered by when they were made).</summary>
    private async Task<CalendarChangeView> SetDay(HttpClient admin, string region, string date, string name)
    {
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var response = await admin.PostAsJsonAsync("/api/v1/calendar/admin/days",
            new { regionCode = region, date, isOffDay = true, name, reason = "测试：" + name }, Json.Options);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<DayAnswer>()).Change;
    }

    private static async Task<List<string>> Numbers(HttpClient admin, Guid change) =>
        [.. (await (await admin.GetAsync($"/api/v1/calendar/admin/changes/{change}/records")).ReadAsync<ChangedRecordPage>()).Items.Select(r => r.Number)];

    private static async Task<CaseView> Get(HttpClient client, string number) => await (await client.GetAsync($"/api/v1/cases/{number}")).ReadAsync<CaseView>();
}
