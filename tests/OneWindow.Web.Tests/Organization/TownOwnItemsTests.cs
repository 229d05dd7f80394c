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
using OneWindow.Web.Modules.Ratings;
using OneWindow.Web.Modules.Organization;
using OneWindow.Web.Modules.Statistics;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Organization;

/// <summary>
/// Town-own items (seed 001's 民政, 计生, 劳动保障 matters decided in the town; ADR 0035): an item a town hall's list marks
/// 本级办理, taken in there, is reviewed and decided by the town's own department, not the county's; the figures follow
/// the deciding department. And the intake form at a town or village offers only what its list lets it take in.
/// </summary>
public class TownOwnItemsTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private const string Assistance = "431025-MZ-005"; // 临时救助申请（小额）: 汾市镇 decides it (Decide, with its own department)

    private static RegisterApplication Application(string code) =>
        new(code, ApplicantKind.Person, "村民刘大海", "440524188001010014", "13900000001", MaterialsProvided: DemoCatalog.RequiredMaterials(code))
        { Form = DemoApplicationForms.SampleAnswers(code) };

    private async Task<(Guid Hall, Guid Department)> FenshiAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
        var hall = await db.Venues.SingleAsync(v => v.RegionCode == DemoCounty.FenshiTown && v.Tier == VenueTier.TownHall);
        return (hall.Id, hall.OwnDepartmentId!.Value);
    }

    [Fact]
    public async Task A_town_own_item_taken_in_at_the_town_hall_is_decided_by_the_towns_reviewers_and_counted_for_the_town()
    {
        var (hall, townDepartment) = await FenshiAsync();
        var clerk = await app.SignedIn("clerk.town");
        var created = await clerk.PostAsJsonAsync("/api/v1/cases", Application(Assistance), Json.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var c = await created.ReadAsync<CaseView>();
        Assert.Equal("汾市镇人民政府", c.DepartmentName);
        Assert.Equal(CaseChannel.ProxyIntake, c.Channel);
        c = await CaseApi.Act(clerk, c, "accept", new { });
        Assert.Equal("审查", c.CurrentNode);

        // The county's 民政局 neither sees it in its queue nor may open or act on it.
        var countyReviewer = await app.SignedIn("reviewer.mz");
        Assert.DoesNotContain(c.Number, await countyReviewer.GetStringAsync("/workbench/cases"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await countyReviewer.GetAsync($"/api/v1/cases/{c.Number}")).StatusCode);
        var refused = await countyReviewer.PostAsJsonAsync($"/api/v1/cases/{c.Number}/complete-node", new { revision = c.Revision, opinion = "县级审核" }, Json.Options);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        // The town's reviewer finds it in the town department's queue and reviews it; the town's approver decides.
        var townReviewer = await app.SignedIn("reviewer.town");
        Assert.Contains(c.Number, await townReviewer.GetStringAsync("/workbench/cases"), StringComparison.Ordinal);
        c = await CaseApi.Act(townReviewer, c, "complete-node", new { opinion = "经入户核查，家庭遭遇突发困难，符合临时救助条件" });
        c = await CaseApi.Act(await app.SignedIn("approver.town"), c, "decide", new { outcome = "Grant" });
        Assert.Equal(CaseStatus.Decided, c.Status);
        Assert.Equal(("汾市镇人民政府 分管领导 欧阳平", "Approver"), (c.Events[^1].ActorName, c.Events[^1].ActorRole));
        c = await CaseApi.Act(clerk, c, "issue", new { resultNumber = "汾民救〔2026〕1号" });
        c = await CaseApi.Act(clerk, c, "deliver", new { method = "WindowPickup" });
        Assert.Equal(CaseStatus.Concluded, c.Status);

        // The kept figures put it under the deciding department at the town hall, and the county's 民政局 has none of it.
        await app.SettleFiguresAsync();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
        var rows = await db.Set<DailyFigure>().AsNoTracking().Where(f => f.ItemCode == Assistance).ToListAsync();
        Assert.Equal((1L, 1L, 1L), (rows.Sum(f => f.Received), rows.Sum(f => f.Concluded), rows.Sum(f => f.Decided)));
        Assert.All(rows, f => Assert.Equal((townDepartment, hall, DemoCounty.FenshiTown), (f.DepartmentId, f.VenueId, f.RegionCode)));
        var report = scope.ServiceProvider.GetRequiredService<StatisticsReport>();
        Assert.True(ReportPeriod.TryParse(ChinaTime.DateOf(app.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), out var period));
        var byDepartment = await report.RunAsync(new ReportQuery(period, Breakdown.Department, [IndicatorId.Received]), CancellationToken.None);
        Assert.Equal(1m, byDepartment.Rows.Single(r => r.Key == townDepartment.ToString()).Figures[0].Value);
    }

    [Fact]
    public async Task A_town_own_item_taken_in_at_a_village_room_goes_to_the_towns_own_department_and_is_counted_for_the_village_and_its_town()
    {
        var (hall, townDepartment) = await FenshiAsync();
        var admin = await app.SignedIn("admin");
        Guid room;
        using (var scope = app.Services.CreateScope())
        {
            room = await scope.ServiceProvider.GetRequiredService<OneWindowDbContext>().Venues
                .Where(v => v.RegionCode == DemoCounty.DutouVillage).Select(v => v.Id).SingleAsync();
        }
        // 渡头村's room takes in 临时救助 too (for its town, which decides it: Decide on 汾市镇's list, with its own department).
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/admin/org/venues/{room}/items",
            new TierListRequest([.. DemoCounty.VillageRoomList.Select(l => new VenueItemLine(l.Code, l.Role)), new(Assistance, TierItemRole.TakeIn)]), Json.Options)).StatusCode);
        var agent = await app.SignedIn("agent.dutou");
        var created = await agent.PostAsJsonAsync("/api/v1/cases", Application(Assistance), Json.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var c = await created.ReadAsync<CaseView>();
        Assert.Equal(("汾市镇人民政府", CaseChannel.ProxyIntake), (c.DepartmentName, c.Channel));
        c = await CaseApi.Act(agent, c, "accept", new { });

        // The county's 民政局 does not see it; the town's reviewer reviews it and the town's approver decides.
        var countyReviewer = await app.SignedIn("reviewer.mz");
        Assert.DoesNotContain(c.Number, await countyReviewer.GetStringAsync("/workbench/cases"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await countyReviewer.GetAsync($"/api/v1/cases/{c.Number}")).StatusCode);
        var townReviewer = await app.SignedIn("reviewer.town");
        Assert.Contains(c.Number, await townReviewer.GetStringAsync("/workbench/cases"), StringComparison.Ordinal);
        c = await CaseApi.Act(townReviewer, c, "complete-node", new { opinion = "村代办员已入户核查，符合临时救助条件" });
        c = await CaseApi.Act(await app.SignedIn("approver.town"), c, "decide", new { outcome = "Grant" });
        Assert.Equal(CaseStatus.Decided, c.Status);

        // The kept figures: the town's department, the village's room and region; the report by town counts it for 汾市镇.
        await app.SettleFiguresAsync();
        using var s = app.Services.CreateScope();
        var db = s.ServiceProvider.GetRequiredService<OneWindowDbContext>();
        var rows = await db.Set<DailyFigure>().AsNoTracking().Where(f => f.ItemCode == Assistance && f.VenueId == room).ToListAsync();
        Assert.Equal((1L, 1L), (rows.Sum(f => f.Received), rows.Sum(f => f.Accepted)));
        Assert.All(rows, f => Assert.Equal((townDepartment, DemoCounty.DutouVillage), (f.DepartmentId, f.RegionCode)));
        Assert.NotEqual(hall, room);
        var report = s.ServiceProvider.GetRequiredService<StatisticsReport>();
        Assert.True(ReportPeriod.TryParse(ChinaTime.DateOf(app.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), out var period));
        var byTown = await report.RunAsync(new ReportQuery(period, Breakdown.Region, [IndicatorId.Received], DepartmentId: townDepartment, RegionPrefix: "431025", RegionLevel: 9), CancellationToken.None);
        Assert.Equal([DemoCounty.FenshiTown], byTown.Rows.Select(r => r.Key));

        // Without the town's own department the same intake stays with the county's 民政局, as before (and back again).
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/admin/org/venues/{hall}/own-department", new OwnDepartmentRequest(null), Json.Options)).StatusCode);
        try
        {
            var county = await (await agent.PostAsJsonAsync("/api/v1/cases", Application(Assistance), Json.Options)).ReadAsync<CaseView>();
            Assert.Equal("临武县民政局", county.DepartmentName);
        }
        finally
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/admin/org/venues/{hall}/own-department", new OwnDepartmentRequest(townDepartment), Json.Options)).StatusCode);
        }
        // An item the town's hall only takes in for the county (代收代办) stays the county department's at the village too.
        var takenIn = await (await agent.PostAsJsonAsync("/api/v1/cases", Application("431025-WJ-002"), Json.Options)).ReadAsync<CaseView>();
        Assert.Equal("临武县卫生健康局", takenIn.DepartmentName);
    }

    [Fact]
    public async Task A_decide_item_at_a_town_hall_without_its_own_department_stays_with_the_county_department()
    {
        // 舜峰镇 decides 生育登记 on its list but has no own department: the county's 卫生健康局 handles it, as before.
        var shunfeng = await (await app.SignedIn("clerk.shunfeng")).PostAsJsonAsync("/api/v1/cases", Application("431025-WJ-001"), Json.Options);
        Assert.Equal("临武县卫生健康局", (await shunfeng.ReadAsync<CaseView>()).DepartmentName);
        // 汾市镇 has one: the same item taken in there is the town's.
        var fenshi = await (await app.SignedIn("clerk.town")).PostAsJsonAsync("/api/v1/cases", Application("431025-WJ-001"), Json.Options);
        Assert.Equal("汾市镇人民政府", (await fenshi.ReadAsync<CaseView>()).DepartmentName);
        // Taken in for the county (代收代办), an item stays the county department's.
        var takenIn = await (await app.SignedIn("clerk.town")).PostAsJsonAsync("/api/v1/cases", Application("431025-GA-002"), Json.Options);
        Assert.Equal("临武县公安局", (await takenIn.ReadAsync<CaseView>()).DepartmentName);
    }

    [Fact]
    public async Task Only_a_town_hall_has_its_own_department_and_it_is_one_of_its_town()
    {
        var admin = await app.SignedIn("admin");
        Guid room, county, mz, hall;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
            room = await db.Venues.Where(v => v.RegionCode == DemoCounty.BaishiVillage).Select(v => v.Id).SingleAsync();
            hall = await db.Venues.Where(v => v.RegionCode == DemoCounty.WushuiTown && v.Tier == VenueTier.TownHall).Select(v => v.Id).SingleAsync();
            county = await db.Venues.Where(v => v.Tier == VenueTier.CountyCenter).Select(v => v.Id).FirstAsync();
            mz = await db.Departments.Where(d => d.Name == "临武县民政局").Select(d => d.Id).SingleAsync();
        }
        var (_, fenshiGovernment) = await FenshiAsync();
        async Task<string?> Code(Guid venue, Guid? department)
        {
            var response = await admin.PutAsJsonAsync($"/api/v1/admin/org/venues/{venue}/own-department", new OwnDepartmentRequest(department), Json.Options);
            return response.IsSuccessStatusCode ? null : (await response.ReadJsonAsync()).GetProperty("code").GetString();
        }
        Assert.Equal("venue.own-department-town-only", await Code(room, fenshiGovernment));
        Assert.Equal("venue.own-department-town-only", await Code(county, mz));
        Assert.Equal("venue.own-department-region", await Code(hall, mz)); // a county department is not the town's own
        Assert.Equal("venue.own-department-region", await Code(hall, fenshiGovernment)); // nor another town's
        Assert.Null(await Code(hall, null));
        var list = await (await admin.GetAsync($"/api/v1/admin/org/venues/{hall}/items")).ReadAsync<TierListView>();
        Assert.Null(list.OwnDepartmentId);

        // The tier-list page of 汾市镇's hall names its own department.
        var fenshiHall = (await FenshiAsync()).Hall;
        Assert.Contains("汾市镇人民政府", await admin.GetStringAsync("/admin/org/tier-lists?venue=" + fenshiHall), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_tier_list_leaves_the_halls_own_department_as_it_was()
    {
        var admin = await app.SignedIn("admin");
        var (hall, government) = await FenshiAsync();
        var page = "/admin/org/tier-lists?venue=" + hall;
        // One form clears the own department and names an item no catalog has: the list is refused, and so is the rest.
        var response = await Forms.PostAsync(admin, page, new Dictionary<string, string>
        {
            ["Venue"] = hall.ToString(), ["OwnDepartmentId"] = "", ["Roles[431025-XX-999]"] = "TakeIn",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("未知事项编码", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((hall, government), await FenshiAsync());
    }

    [Fact]
    public async Task The_intake_form_at_a_village_room_offers_only_what_its_list_lets_it_take_in_and_the_api_still_refuses_the_rest()
    {
        var admin = await app.SignedIn("admin");
        Guid room;
        using (var scope = app.Services.CreateScope())
        {
            room = await scope.ServiceProvider.GetRequiredService<OneWindowDbContext>().Venues
                .Where(v => v.RegionCode == "431025106205").Select(v => v.Id).SingleAsync();
        }
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/admin/org/windows", new WindowRequest(room, "1", "代办员窗口", WindowKind.Comprehensive, WindowCategory.SocialAffairs), Json.Options)).StatusCode);
        var added = await (await admin.PostAsJsonAsync("/api/v1/admin/org/staff", new StaffRequest("agent.form", "代办员 表单", "Password1234", "WindowClerk", room), Json.Options)).ReadAsync<StaffAdded>();
        // The agent is authorized for more than the room's list takes in: an advised item and an unlisted one.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/v1/admin/org/staff/{added.Id}/items",
            new ItemCodesRequest(["431025-WJ-001", "431025-SJ-001", "431025-TJ-001"]), Json.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/admin/org/venues/{room}/items",
            new TierListRequest([new("431025-WJ-001", TierItemRole.TakeIn), new("431025-SJ-001", TierItemRole.Advise)]), Json.Options)).StatusCode);

        var agent = await app.SignedIn("agent.form", "Password1234");
        var form = await agent.GetStringAsync("/workbench/cases/new");
        Assert.Contains("value=\"431025-WJ-001\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"431025-SJ-001\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"431025-TJ-001\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("（一件事）", form, StringComparison.Ordinal); // packages are on no tier list

        // The API twin refuses them as before.
        var unlisted = await agent.PostAsJsonAsync("/api/v1/cases", Application("431025-TJ-001"), Json.Options);
        Assert.Equal("tier.item-not-listed", (await unlisted.ReadJsonAsync()).GetProperty("code").GetString());
        var advised = await agent.PostAsJsonAsync("/api/v1/cases", Application("431025-SJ-001"), Json.Options);
        Assert.Equal("tier.advise-only", (await advised.ReadJsonAsync()).GetProperty("code").GetString());

        // The county center's comprehensive clerk still sees the packages.
        Assert.Contains("（一件事）", await (await app.SignedIn("clerk")).GetStringAsync("/workbench/cases/new"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tier_assessment_counts_a_town_halls_ratings_and_rectified_bad_ratings_from_the_kept_figures_and_ranks_by_score()
    {
        var (hall, _) = await FenshiAsync();
        var leader = await app.SignedIn("leader");
        var month = ChinaTime.DateOf(app.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        async Task<TierAssessmentResult> Assess() => await (await leader.GetAsync($"/api/v1/ledger/assessment?period={month}&town={DemoCounty.FenshiTown}")).ReadAsync<TierAssessmentResult>();
        var before = (await Assess()).Rows.Single(r => r.VenueId == hall).Figures;

        // Two instant town-own items concluded at 汾市镇's counter; one rated 非常满意, one 不满意 and rectified by the town's own staff.
        var clerk = await app.SignedIn("clerk.town");
        var numbers = new List<string>();
        foreach (var level in new[] { RatingLevel.VerySatisfied, RatingLevel.Dissatisfied })
        {
            var c = await (await clerk.PostAsJsonAsync("/api/v1/cases", Application("431025-WJ-001"), Json.Options)).ReadAsync<CaseView>();
            c = await CaseApi.Act(clerk, c, "conclude-instantly", new { resultNumber = "汾生登〔2026〕" + c.Number[^5..] });
            var rated = await app.Anonymous().PostAsJsonAsync("/api/v1/ratings/online", new OnlineRatingRequest(c.Number, "0001", level, level == RatingLevel.Dissatisfied ? "排队太久" : null), Json.Options);
            Assert.True(rated.IsSuccessStatusCode, await rated.Content.ReadAsStringAsync());
            numbers.Add(c.Number);
        }
        // A county department does not see the town's ratings; the town's own reviewer rectifies the bad one.
        Assert.DoesNotContain((await (await (await app.SignedIn("approver.mz")).GetAsync("/api/v1/ratings")).ReadAsync<RatingPage>()).Items, r => numbers.Contains(r.CaseNumber));
        var townStaff = await app.SignedIn("reviewer.town");
        var bad = (await (await townStaff.GetAsync("/api/v1/ratings")).ReadAsync<RatingPage>()).Items.Single(r => r.CaseNumber == numbers[1]);
        var rectified = await townStaff.PostAsJsonAsync($"/api/v1/ratings/{bad.Id}/rectify", new RectifyRatingRequest(bad.Revision, "电话回访致歉", "午间增开一个窗口"), Json.Options);
        Assert.True(rectified.IsSuccessStatusCode, await rectified.Content.ReadAsStringAsync());

        var result = await Assess();
        var after = result.Rows.Single(r => r.VenueId == hall).Figures;
        Assert.Equal((before.Ratings + 2, before.GoodRatings + 1, before.BadRatings + 1, before.BadRectified + 1), (after.Ratings, after.GoodRatings, after.BadRatings, after.BadRectified));
        // The score is the documented one of the row's own figures, and the rows are ranked by it.
        var most = result.Rows.Max(r => r.Figures.Services);
        Assert.Equal(TierScore.Of(after.OnTimeRate, after.Ratings, after.GoodRatings, after.BadRatings, after.BadRectified, after.Services, most), after.Score);
        Assert.Equal(result.Rows.OrderByDescending(r => r.Figures.Score).Select(r => r.Figures.Score), result.Rows.Select(r => r.Figures.Score));
        Assert.Contains(result.Columns, c => c.Key == "score" && c.Formula.Contains("满意率 30 分", StringComparison.Ordinal));
        Assert.Contains("考核得分", await leader.GetStringAsync($"/tiers/assessment?period={month}&town={DemoCounty.FenshiTown}"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_tier_score_weighs_its_parts_as_documented_and_leaves_out_what_cannot_be_measured()
    {
        Assert.Equal(100, TierScore.Parts.Sum(p => p.Weight));
        // 35 × 0.9 + 30 × 0.8 + 20 × 0.5 + 15 × 0.5 = 31.5 + 24 + 10 + 7.5
        Assert.Equal(73.00m, TierScore.Of(90m, ratings: 10, goodRatings: 8, badRatings: 2, badRectified: 1, services: 50, mostServices: 100));
        // No decided case and no rating: only the services count, 15 × 0.5 of 15 points.
        Assert.Equal(50.00m, TierScore.Of(null, 0, 0, 0, 0, services: 30, mostServices: 60));
        // Ratings but no bad one: on time 35 × 1, satisfaction 30 × 0.5, volume 15 × 1, out of 80.
        Assert.Equal(81.25m, TierScore.Of(100m, ratings: 4, goodRatings: 2, badRatings: 0, badRectified: 0, services: 10, mostServices: 10));
        Assert.Equal(0m, TierScore.Of(null, 0, 0, 0, 0, 0, 0));
    }
}
