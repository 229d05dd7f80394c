using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Modules.Catalog;
using OneWindow.Web.Modules.Ledger;
using OneWindow.Web.Modules.Organization;
using OneWindow.Web.Modules.Statistics;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Organization;

/// <summary>
/// The county–town–village network (issue 20, "The three tiers"; ADR 0031): windows and agents placed in village rooms,
/// tier lists checked at intake, the nearest place to hand an item in, and the village's case in the village's and
/// the town's figures.
/// </summary>
public class ThreeTiersTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private static RegisterApplication Application(string code, string name = "村民张三") =>
        new(code, ApplicantKind.Person, name, "440524188001010014", "13900000000", MaterialsProvided: DemoCatalog.RequiredMaterials(code))
        { Form = DemoApplicationForms.SampleAnswers(code) };

    private async Task<Guid> VenueAsync(string region, VenueTier tier)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
        return await db.Venues.Where(v => v.RegionCode == region && v.Tier == tier).OrderBy(v => v.Id).Select(v => v.Id).FirstAsync();
    }

    private string Month => ChinaTime.DateOf(app.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_village_agent_takes_in_an_application_for_a_county_department_and_it_shows_in_the_villages_and_the_towns_figures()
    {
        var leader = await app.SignedIn("leader");
        async Task<TierAssessmentResult> Assess(string? town)
        {
            await app.SettleFiguresAsync(); // read as a reader would a moment after the intake, once the sweep has settled it
            return await (await leader.GetAsync($"/api/v1/ledger/assessment?period={Month}" + (town is null ? "" : "&town=" + town))).ReadAsync<TierAssessmentResult>();
        }
        var room = await VenueAsync(DemoCounty.BaishiVillage, VenueTier.VillageRoom);
        var villageBefore = (await Assess(DemoCounty.FenshiTown)).Rows.Single(r => r.VenueId == room).Figures;
        var townBefore = (await Assess(null)).Rows.Single(r => r.RegionCode == DemoCounty.FenshiTown).WithVillages!;

        // 白石村's agent takes in a maternal health registration for the county's 卫生健康局 (汾市镇's hall takes it in for the
        // county too; an item the town decides with its own department would be the town's, TownOwnItemsTests).
        var agent = await app.SignedIn("agent.baishi");
        var response = await agent.PostAsJsonAsync("/api/v1/cases", Application("431025-WJ-002"), Json.Options);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var c = await response.ReadAsync<CaseView>();
        Assert.Equal(CaseChannel.ProxyIntake, c.Channel);
        Assert.Equal("临武县卫生健康局", c.DepartmentName);

        // The village room's own figures and the town's with its villages each count it once, and its ledger has it.
        var village = (await Assess(DemoCounty.FenshiTown)).Rows.Single(r => r.VenueId == room).Figures;
        Assert.Equal(villageBefore.Received + 1, village.Received);
        Assert.Equal(villageBefore.Services + 1, village.Services);
        var town = (await Assess(null)).Rows.Single(r => r.RegionCode == DemoCounty.FenshiTown);
        Assert.Equal(townBefore.Received + 1, town.WithVillages!.Received);
        Assert.Equal(townBefore.Services + 1, town.WithVillages.Services);

        // The statistics report agrees by region: the village's code and the town's prefix.
        using var scope = app.Services.CreateScope();
        var report = scope.ServiceProvider.GetRequiredService<StatisticsReport>();
        Assert.True(ReportPeriod.TryParse(Month, out var period));
        var byVillage = await report.RunAsync(new ReportQuery(period, Breakdown.Region, [IndicatorId.Received], RegionPrefix: DemoCounty.FenshiTown[..9], RegionLevel: 12), CancellationToken.None);
        Assert.True(byVillage.Rows.Single(r => r.Key == DemoCounty.BaishiVillage).Figures[0].Value >= 1);
        var byTown = await report.RunAsync(new ReportQuery(period, Breakdown.Region, [IndicatorId.Received], RegionPrefix: "431025", RegionLevel: 9), CancellationToken.None);
        Assert.Equal(town.WithVillages.Received, byTown.Rows.Single(r => r.Key == DemoCounty.FenshiTown).Figures[0].Value);

        var ledger = await (await agent.GetAsync("/api/v1/ledger")).ReadAsync<LedgerPage>();
        var entry = ledger.Items.Single(e => e.CaseNumber == c.Number);
        Assert.Equal((LedgerKind.Intake, LedgerOutcome.TakenIn, "431025-WJ-002"), (entry.Kind, entry.Outcome, entry.ItemCode));
        Assert.Equal("白石村便民服务站 代办员 邓小红", entry.StaffName);
    }

    [Fact]
    public async Task The_administrator_places_a_window_and_an_agent_in_a_village_room_who_then_takes_in_what_its_list_allows()
    {
        var admin = await app.SignedIn("admin");
        var room = await VenueAsync("431025106204", VenueTier.VillageRoom); // 汾市镇北岸村, not staffed by the demo
        Assert.Contains("北岸村便民服务站", await admin.GetStringAsync("/admin/org/windows?venue=" + room), StringComparison.Ordinal);
        Assert.Contains("北岸村便民服务站", await admin.GetStringAsync("/admin/org/staff"), StringComparison.Ordinal);

        var window = await admin.PostAsJsonAsync("/api/v1/admin/org/windows", new WindowRequest(room, "1", "代办员窗口", WindowKind.Comprehensive, WindowCategory.SocialAffairs), Json.Options);
        Assert.Equal(HttpStatusCode.Created, window.StatusCode);
        var windowId = (await window.ReadJsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/v1/admin/org/windows/{windowId}/items", new ItemCodesRequest(["431025-WJ-001"]), Json.Options)).StatusCode);

        // A village room has agents only: a reviewer is refused there.
        var reviewer = await admin.PostAsJsonAsync("/api/v1/admin/org/staff", new StaffRequest("t.beian.reviewer", "北岸村 审核人", "Password1234", "Reviewer", room, null), Json.Options);
        Assert.Equal("staff.village-agent-only", (await reviewer.ReadJsonAsync()).GetProperty("code").GetString());
        var added = await admin.PostAsJsonAsync("/api/v1/admin/org/staff", new StaffRequest("agent.beian", "北岸村便民服务站 代办员 周燕", "Password1234", "WindowClerk", room), Json.Options);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        // A village room cannot decide an item; it takes in 生育登记 and advises on 企业设立登记.
        var decide = await admin.PutAsJsonAsync($"/api/v1/admin/org/venues/{room}/items", new TierListRequest([new("431025-WJ-001", TierItemRole.Decide)]), Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, decide.StatusCode);
        Assert.Equal("tier.village-cannot-decide", (await decide.ReadJsonAsync()).GetProperty("code").GetString());
        var set = await admin.PutAsJsonAsync($"/api/v1/admin/org/venues/{room}/items",
            new TierListRequest([new("431025-WJ-001", TierItemRole.TakeIn), new("431025-SJ-001", TierItemRole.Advise)]), Json.Options);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(2, (await set.ReadAsync<TierListView>()).Lines.Count);
        var county = await VenueAsync(DemoCounty.CountyCode, VenueTier.CountyCenter);
        Assert.Equal("tier.county-has-no-list", (await (await admin.PutAsJsonAsync($"/api/v1/admin/org/venues/{county}/items", new TierListRequest([]), Json.Options)).ReadJsonAsync()).GetProperty("code").GetString());

        var agent = await app.SignedIn("agent.beian", "Password1234");
        var taken = await agent.PostAsJsonAsync("/api/v1/cases", Application("431025-WJ-001") with { WindowId = windowId }, Json.Options);
        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        Assert.Equal(CaseChannel.ProxyIntake, (await taken.ReadAsync<CaseView>()).Channel);
        var advised = await agent.PostAsJsonAsync("/api/v1/cases", Application("431025-SJ-001"), Json.Options);
        Assert.Equal(HttpStatusCode.Conflict, advised.StatusCode);
        Assert.Equal("tier.advise-only", (await advised.ReadJsonAsync()).GetProperty("code").GetString());
        var unlisted = await agent.PostAsJsonAsync("/api/v1/cases", Application("431025-TJ-001"), Json.Options);
        Assert.Equal("tier.item-not-listed", (await unlisted.ReadJsonAsync()).GetProperty("code").GetString());

        var venues = await (await admin.GetAsync("/api/v1/admin/org/venues?tier=VillageRoom&region=431025106")).ReadAsync<VenuePage>();
        var beian = venues.Items.Single(v => v.Id == room);
        Assert.Equal((1, 1, 2), (beian.Windows, beian.Staff, beian.ListedItems));
    }

    [Fact]
    public async Task A_town_hall_takes_in_and_decides_what_its_list_says_and_refuses_the_rest_with_a_clear_message()
    {
        var town = await app.SignedIn("clerk.town");
        Assert.Equal(HttpStatusCode.Created, (await town.PostAsJsonAsync("/api/v1/cases", Application("431025-GA-002"), Json.Options)).StatusCode); // takes in for 公安
        Assert.Equal(HttpStatusCode.Created, (await town.PostAsJsonAsync("/api/v1/cases", Application("431025-WJ-001"), Json.Options)).StatusCode); // decides itself
        var advised = await town.PostAsJsonAsync("/api/v1/cases", Application("431025-BDC-001"), Json.Options);
        var problem = await advised.ReadJsonAsync();
        Assert.Equal("tier.advise-only", problem.GetProperty("code").GetString());
        // The county center is not bound by any list.
        Assert.Equal(HttpStatusCode.Created, (await (await app.SignedIn("clerk")).PostAsJsonAsync("/api/v1/cases", Application("431025-SJ-002"), Json.Options)).StatusCode);
    }

    [Fact]
    public async Task The_guide_shows_where_an_item_is_handed_in_nearest_to_a_village()
    {
        var anonymous = app.Anonymous();
        async Task<NearestVenueView> Nearest(string code, string village) =>
            await (await anonymous.GetAsync($"/api/v1/catalog/items/{code}/nearest?village={village}")).ReadAsync<NearestVenueView>();
        // 白石村's own room takes in the pension enrolment; 户口迁移 goes to 汾市镇's hall; 统计 to the county center.
        var pension = await Nearest("431025-RS-002", DemoCounty.BaishiVillage);
        Assert.Equal((VenueTier.VillageRoom, "白石村便民服务站", "白石村党群服务中心"), (pension.Tier, pension.VenueName, pension.Address));
        var household = await Nearest("431025-GA-002", DemoCounty.BaishiVillage);
        Assert.Equal((VenueTier.TownHall, "汾市镇便民服务中心", TierItemRole.TakeIn), (household.Tier, household.VenueName, household.Role));
        Assert.False(household.VillageAdvises);
        var idCard = await Nearest("431025-GA-003", DemoCounty.BaishiVillage); // the village room advises, the town hall takes in
        Assert.Equal(VenueTier.TownHall, idCard.Tier);
        Assert.True(idCard.VillageAdvises);
        var statistics = await Nearest("431025-TJ-001", DemoCounty.BaishiVillage);
        Assert.Equal((VenueTier.CountyCenter, "临武县政务服务中心", DemoCounty.CenterAddress), (statistics.Tier, statistics.VenueName, statistics.Address));
        // A village with no staffed room: its town's hall, or the county center when the town is not staffed either.
        Assert.Equal("汾市镇便民服务中心", (await Nearest("431025-RS-002", "431025106205")).VenueName);
        Assert.Equal(VenueTier.CountyCenter, (await Nearest("431025-RS-002", "431025105201")).Tier); // 南强镇邓家村
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/catalog/items/431025-RS-002/nearest?village={DemoCounty.FenshiTown}")).StatusCode);

        var page = await anonymous.GetStringAsync($"/guides/431025-GA-002?village={DemoCounty.BaishiVillage}");
        Assert.Contains("汾市镇便民服务中心", page, StringComparison.Ordinal);
        Assert.Contains("汾市镇人民政府一楼", page, StringComparison.Ordinal);
        Assert.Contains("就近办理", await anonymous.GetStringAsync("/guides/431025-GA-002"), StringComparison.Ordinal);
    }
}
