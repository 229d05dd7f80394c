using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Calendar.Changes;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Tests.Infrastructure;
using static OneWindow.Web.Tests.Calendar.CalendarRecountTests;

namespace OneWindow.Web.Tests.Calendar;

/// <summary>
/// National and regional calendar changes: a county's own day off moves that county's cases only (counted, recorded,
/// listed and told there alone), a city's moves the cases of every county in it, a national day every case; a town's own
/// day moves none, since cases are counted on the calendar of the county that takes them in.
/// </summary>
public class RegionScopeTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private const string Linwu = "431025000000";   // 临武县, the demo county
    private const string Jiahe = "431024000000";   // 嘉禾县, a neighbouring county of the same city
    private const string Chenzhou = "431000000000"; // 郴州市

    [Fact]
    public async Task A_regions_own_day_moves_only_the_cases_of_that_region_and_a_national_day_moves_all()
    {
        // Two 食品经营许可 accepted on Mon 25 Jan 2027 (statutory limit Wed 24 Feb on the provisional calendar); the second
        // as if taken in by 嘉禾县 (a case is counted on the calendar of its county).
        app.Clock.Set(Bj(2027, 1, 25));
        var clerk = await app.SignedIn("clerk");
        var linwu = await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-SJ-003", "甲"), "accept", new { });
        var jiahe = await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-SJ-003", "乙"), "accept", new { });
        await using (var db = app.NewDbContext(out var scope))
        using (scope)
        {
            await db.Cases.Where(c => c.Number == jiahe.Number).ExecuteUpdateAsync(s => s.SetProperty(c => c.RegionCode, Jiahe));
        }
        var admin = await app.SignedIn("admin");

        // A town's own day is the town's calendar (its hall, the public calendar); cases, counted by their county, keep theirs.
        var townDay = await SetDay(admin, "431025100000", "2027-02-04", "镇里停电");
        Assert.Empty(await MovedAsync(admin, townDay));
        Assert.Equal(0, (await Change(admin, townDay)).RecordsChecked);

        // 临武县's typhoon day (Thu 4 Feb): only the 临武 case moves, only 临武's open cases are counted.
        var linwuDay = await SetDay(admin, Linwu, "2027-02-04", "临武台风停工");
        Assert.Equal([linwu.Number], await MovedAsync(admin, linwuDay));
        Assert.Equal(await OpenCasesAsync(Linwu[..6]), (await Change(admin, linwuDay)).RecordsChecked);
        Assert.Equal(new DateOnly(2027, 2, 25), (await Get(clerk, linwu.Number)).Statutory.DueDate);
        Assert.Equal(new DateOnly(2027, 2, 24), (await Get(clerk, jiahe.Number)).Statutory.DueDate);
        Assert.DoesNotContain((await Get(clerk, jiahe.Number)).Events, e => e.Action == "calendar-changed");

        // 嘉禾县's own day (Wed 3 Feb): only the 嘉禾 case.
        var jiaheDay = await SetDay(admin, Jiahe, "2027-02-03", "嘉禾暴雪停工");
        Assert.Equal([jiahe.Number], await MovedAsync(admin, jiaheDay));
        Assert.Equal(new DateOnly(2027, 2, 25), (await Get(clerk, jiahe.Number)).Statutory.DueDate);
        Assert.Equal(new DateOnly(2027, 2, 25), (await Get(clerk, linwu.Number)).Statutory.DueDate);

        // The city's day (Tue 2 Feb) reaches both counties; a national day (Mon 1 Feb) every case.
        var cityDay = await SetDay(admin, Chenzhou, "2027-02-02", "郴州市停工");
        Assert.Equal([linwu.Number, jiahe.Number], (await MovedAsync(admin, cityDay)).Order(StringComparer.Ordinal));
        var nationalDay = await SetDay(admin, "", "2027-02-01", "全国调整");
        Assert.Equal([linwu.Number, jiahe.Number], (await MovedAsync(admin, nationalDay)).Order(StringComparer.Ordinal));
        Assert.Equal(new DateOnly(2027, 3, 1), (await Get(clerk, linwu.Number)).Statutory.DueDate);
        Assert.Equal(new DateOnly(2027, 3, 1), (await Get(clerk, jiahe.Number)).Statutory.DueDate);

        // Each case's record names the changes that reached it, and no other.
        var linwuEvents = (await Get(clerk, linwu.Number)).Events.Where(e => e.Action == "calendar-changed").Select(e => e.Opinion).ToList();
        Assert.Equal(3, linwuEvents.Count);
        Assert.DoesNotContain(linwuEvents, o => o!.Contains("嘉禾", StringComparison.Ordinal));
        var jiaheEvents = (await Get(clerk, jiahe.Number)).Events.Where(e => e.Action == "calendar-changed").Select(e => e.Opinion).ToList();
        Assert.Equal(3, jiaheEvents.Count);
        Assert.DoesNotContain(jiaheEvents, o => o!.Contains("临武", StringComparison.Ordinal));
    }

    /// <summary>A day off set by the administrator a minute after the last, recounted to its end; returns its change.</summary>
    private async Task<Guid> SetDay(HttpClient admin, string region, string date, string name)
    {
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var response = await admin.PostAsJsonAsync("/api/v1/calendar/admin/days",
            new { regionCode = region, date, isOffDay = true, name, reason = "测试：" + name }, Json.Options);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var change = (await response.ReadAsync<DayAnswer>()).Change.Id;
        await app.Services.GetRequiredService<CalendarChangeWorker>().RunUntilDoneAsync(CancellationToken.None);
        return change;
    }

    private async Task<int> OpenCasesAsync(string prefix)
    {
        await using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Cases.CountAsync(c => c.Open && c.RegionCode.StartsWith(prefix));
        }
    }

    private static async Task<CalendarChangeView> Change(HttpClient admin, Guid id) =>
        await (await admin.GetAsync($"/api/v1/calendar/admin/changes/{id}")).ReadAsync<CalendarChangeView>();

    private static async Task<List<string>> MovedAsync(HttpClient admin, Guid id) =>
        [.. (await (await admin.GetAsync($"/api/v1/calendar/admin/changes/{id}/records")).ReadAsync<ChangedRecordPage>()).Items.Select(r => r.Number)];

    private static async Task<CaseView> Get(HttpClient client, string number) => await (await client.GetAsync($"/api/v1/cases/{number}")).ReadAsync<CaseView>();
}
