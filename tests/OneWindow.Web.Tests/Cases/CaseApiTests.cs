using OneWindow.Web.Modules.Catalog;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Cases;

public class CaseApiTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private static readonly RegisterApplication SocialGroup = new("431025-MZ-001", ApplicantKind.Enterprise, "临武县书法家协会（筹）", "91350100M000100Y43", "0735-6361888", MaterialsProvided: DemoCatalog.RequiredMaterials("431025-MZ-001"));

    [Fact]
    public async Task A_walk_in_application_goes_from_intake_through_review_and_decision_to_delivery()
    {
        var clerk = await app.SignedIn("clerk.mz");
        var created = await clerk.PostAsJsonAsync("/api/v1/cases", SocialGroup, Json.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var c = await created.ReadAsync<CaseView>();
        Assert.Matches(@"^431025-20261122-\d{5}$", c.Number);
        Assert.Equal(CaseStatus.Received, c.Status);
        Assert.Equal(CaseChannel.Window, c.Channel);

        c = await CaseApi.Act(clerk, c, "accept", new { });
        Assert.Equal(CaseStatus.Accepted, c.Status);
        Assert.Equal("审查", c.CurrentNode);
        Assert.NotNull(c.Promised.DueAt);
        Assert.Equal(new DateOnly(2026, 12, 18), c.Promised.DueDate); // 20 working days after Sun 22 Nov 2026

        c = await CaseApi.Act(await app.SignedIn("reviewer.mz"), c, "complete-node", new { opinion = "材料齐全，符合《社会团体登记管理条例》第十条规定的条件，建议准予登记" });
        c = await CaseApi.Act(await app.SignedIn("approver.mz"), c, "decide", new { outcome = "Grant" });
        Assert.Equal(CaseStatus.Decided, c.Status);
        c = await CaseApi.Act(clerk, c, "issue", new { resultNumber = "湘郴临社证字第 2026-018 号" });
        c = await CaseApi.Act(clerk, c, "deliver", new { method = "Mail", reference = "EMS9876543210" });

        Assert.Equal(CaseStatus.Concluded, c.Status);
        Assert.Equal(["received", "accepted", "node-completed", "decided", "result-issued", "delivered"], c.Events.Select(e => e.Action));
        Assert.True(c.Chain.IsIntact);
        Assert.Equal(6, c.Chain.EventsChecked);
        Assert.Equal("民政 首席代表 吴刚", c.Events[3].ActorName);
        Assert.Equal("Approver", c.Events[3].ActorRole);
    }

    [Fact]
    public async Task An_instant_item_is_concluded_in_one_sitting_at_the_window()
    {
        var clerk = await app.SignedIn("clerk.mz");
        var c = await (await clerk.PostAsJsonAsync("/api/v1/cases", new RegisterApplication("431025-MZ-004", ApplicantKind.Person, "张三", "11010519491231002X", "13800000000", MaterialsProvided: DemoCatalog.RequiredMaterials("431025-MZ-004")), Json.Options)).ReadAsync<CaseView>();
        c = await CaseApi.Act(clerk, c, "conclude-instantly", new { resultNumber = "J431025-2026-000001" });
        Assert.Equal(CaseStatus.Concluded, c.Status);
        Assert.Equal("110105********002X", c.ApplicantIdNumber);
        Assert.Equal("*******0000", c.ApplicantPhone);
    }

    [Fact]
    public async Task An_invalid_id_number_is_a_400_for_that_field_and_creates_nothing()
    {
        var clerk = await app.SignedIn("clerk.mz");
        var response = await clerk.PostAsJsonAsync("/api/v1/cases", SocialGroup with { IdentityNumber = "91350100M000100Y44" }, Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty("identityNumber", out _));
        Assert.Equal("uscc.check-character", problem.GetProperty("code").GetString());
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.OneWindowDbContext>();
        Assert.False(await db.Cases.AnyAsync(c => c.Applicant.IdentityNumber == "91350100M000100Y44"));
    }

    [Fact]
    public async Task An_action_that_does_not_fit_the_state_is_a_409_with_its_code()
    {
        var clerk = await app.SignedIn("clerk.mz");
        var c = await (await clerk.PostAsJsonAsync("/api/v1/cases", SocialGroup, Json.Options)).ReadAsync<CaseView>();
        var response = await (await app.SignedIn("approver.mz")).PostAsJsonAsync($"/api/v1/cases/{c.Number}/extend", new { revision = c.Revision, workingDays = 10, reason = "需现场核查" }, Json.Options);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("case.not-in-process", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Two_people_acting_on_one_case_at_once_one_succeeds_the_other_gets_409_and_nothing_is_lost()
    {
        var clerk = await app.SignedIn("clerk.mz");
        var c = await (await clerk.PostAsJsonAsync("/api/v1/cases", SocialGroup, Json.Options)).ReadAsync<CaseView>();
        var other = await app.SignedIn("clerk.mz");
        var accept = clerk.PostAsJsonAsync($"/api/v1/cases/{c.Number}/accept", new { revision = c.Revision }, Json.Options);
        var notice = other.PostAsJsonAsync($"/api/v1/cases/{c.Number}/correction", new { revision = c.Revision, missing = new[] { "验资报告" } }, Json.Options);
        var results = await Task.WhenAll(accept, notice);
        Assert.Single(results, r => r.StatusCode == HttpStatusCode.OK);
        var loser = Assert.Single(results, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal("concurrency.conflict", (await loser.ReadJsonAsync()).GetProperty("code").GetString());
        var after = await (await clerk.GetAsync($"/api/v1/cases/{c.Number}")).ReadAsync<CaseView>();
        Assert.Equal(2, after.Events.Count);
        Assert.True(after.Chain.IsIntact);
    }

    [Fact]
    public async Task A_stale_revision_is_refused_even_when_the_action_would_fit()
    {
        var clerk = await app.SignedIn("clerk.mz");
        var c = await (await clerk.PostAsJsonAsync("/api/v1/cases", SocialGroup, Json.Options)).ReadAsync<CaseView>();
        var response = await clerk.PostAsJsonAsync($"/api/v1/cases/{c.Number}/accept", new { revision = c.Revision - 1 }, Json.Options);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Staff_of_another_department_cannot_see_or_act_on_the_case()
    {
        var clerk = await app.SignedIn("clerk.mz");
        var c = await (await clerk.PostAsJsonAsync("/api/v1/cases", SocialGroup, Json.Options)).ReadAsync<CaseView>();
        var outsider = await app.SignedIn("reviewer.sj");
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync($"/api/v1/cases/{c.Number}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.PostAsJsonAsync($"/api/v1/cases/{c.Number}/accept", new { revision = c.Revision }, Json.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync($"/api/v1/cases/{c.Number}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedIn("hotline")).GetAsync($"/api/v1/cases/{c.Number}")).StatusCode);
    }

    [Fact]
    public async Task A_department_window_cannot_take_in_another_departments_item()
    {
        var response = await (await app.SignedIn("clerk.mz")).PostAsJsonAsync("/api/v1/cases", new RegisterApplication("431025-SJ-001", ApplicantKind.Person, "张三", "11010519491231002X", "13800000000", MaterialsProvided: DemoCatalog.RequiredMaterials("431025-SJ-001")) { Form = DemoApplicationForms.SampleAnswers("431025-SJ-001") }, Json.Options);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_town_hall_takes_in_an_application_for_the_county_department()
    {
        var town = await app.SignedIn("clerk.town");
        // 户口迁移 is on 汾市镇's list as 代收代办 (its 本级办理 items go to the town's own department, ADR 0035).
        var c = await (await town.PostAsJsonAsync("/api/v1/cases", new RegisterApplication("431025-GA-002", ApplicantKind.Person, "李四", "440524188001010014", "13900000000",
            MaterialsProvided: DemoCatalog.RequiredMaterials("431025-GA-002")) { Form = DemoApplicationForms.SampleAnswers("431025-GA-002") }, Json.Options)).ReadAsync<CaseView>();
        Assert.Equal(CaseChannel.ProxyIntake, c.Channel);
        Assert.Equal("临武县公安局", c.DepartmentName); // read with the clerk, in the registration's one query
        Assert.Equal(c.DepartmentName, (await (await town.GetAsync("/api/v1/cases/" + c.Number)).ReadAsync<CaseView>()).DepartmentName);
    }

    [Fact]
    public async Task Case_numbers_stay_unique_and_sequential_when_many_are_taken_at_once()
    {
        var clerks = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.SignedIn("clerk.mz")));
        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => clerks[i % 4].PostAsJsonAsync("/api/v1/cases", SocialGroup, Json.Options)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var numbers = (await Task.WhenAll(responses.Select(r => r.ReadAsync<CaseView>()))).Select(c => c.Number).ToList();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        var sequence = numbers.Select(n => int.Parse(n[^5..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(sequence[0], 24), sequence);
    }

    [Fact]
    public async Task Without_a_notice_within_five_working_days_a_late_acceptance_counts_from_receipt()
    {
        var clerk = await app.SignedIn("clerk.mz");
        var c = await (await clerk.PostAsJsonAsync("/api/v1/cases", SocialGroup, Json.Options)).ReadAsync<CaseView>();
        app.Clock.Advance(TimeSpan.FromDays(8)); // 22 Nov (Sun) + 8 days: past five working days (23–27 Nov)
        try
        {
            clerk = await app.SignedIn("clerk.mz");
            var late = await clerk.PostAsJsonAsync($"/api/v1/cases/{c.Number}/correction", new { revision = c.Revision, missing = new[] { "章程草案" } }, Json.Options);
            Assert.Equal("case.correction-notice-late", (await late.ReadJsonAsync()).GetProperty("code").GetString());
            c = await CaseApi.Act(clerk, c, "accept", new { });
            Assert.True(c.DeemedAccepted);
        }
        finally
        {
            app.Clock.Set(OneWindowFactory.DefaultNow);
        }
    }

    [Fact]
    public async Task Fees_are_collected_at_the_unified_cashier_by_the_published_standard_before_the_certificate()
    {
        var clerk = await app.SignedIn("clerk"); // comprehensive window, county center
        var c = await (await clerk.PostAsJsonAsync("/api/v1/cases", new RegisterApplication("431025-BDC-001", ApplicantKind.Person, "郑十一", "11010519491231002X", "13800000000", MaterialsProvided: DemoCatalog.RequiredMaterials("431025-BDC-001")), Json.Options)).ReadAsync<CaseView>();
        Assert.Equal(90m, c.StandardFeeTotal);
        c = await CaseApi.Act(clerk, c, "accept", new { });
        var approver = await app.SignedIn("approver.bdc"); // a chief representative may also act for the reviewer
        c = await CaseApi.Act(approver, c, "complete-node", new { opinion = "权属清楚，材料齐全，公示无异议" });
        c = await CaseApi.Act(approver, c, "decide", new { outcome = "Grant" });
        var unpaid = await clerk.PostAsJsonAsync($"/api/v1/cases/{c.Number}/issue", new { revision = c.Revision, resultNumber = "湘(2026)临武县不动产权第0000001号" }, Json.Options);
        Assert.Equal("case.fees-unpaid", (await unpaid.ReadJsonAsync()).GetProperty("code").GetString());
        var differs = await clerk.PostAsJsonAsync($"/api/v1/cases/{c.Number}/pay", new { revision = c.Revision, amount = 100m, receiptNumber = "0012345" }, Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, differs.StatusCode);
        c = await CaseApi.Act(clerk, c, "pay", new { amount = 90m, receiptNumber = "湘财通字 0012345" });
        Assert.Equal(90m, c.PaidAmount);
        c = await CaseApi.Act(clerk, c, "issue", new { resultNumber = "湘(2026)临武县不动产权第0000001号" });
        Assert.Equal(CaseStatus.ResultIssued, c.Status);
        Assert.True(c.Chain.IsIntact);
    }

    [Fact]
    public async Task A_reviewer_claims_a_case_and_hands_it_over_to_a_colleague_with_a_reason()
    {
        var clerk = await app.SignedIn("clerk.mz");
        var c = await (await clerk.PostAsJsonAsync("/api/v1/cases", SocialGroup, Json.Options)).ReadAsync<CaseView>();
        c = await CaseApi.Act(clerk, c, "accept", new { });
        var reviewer = await app.SignedIn("reviewer.mz");
        c = await CaseApi.Act(reviewer, c, "claim", new { });
        Assert.Equal("民政 审核人 孙丽", c.AssigneeName);
        var noReason = await reviewer.PostAsJsonAsync($"/api/v1/cases/{c.Number}/hand-over", new { revision = c.Revision, toUser = "approver.mz" }, Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var otherDepartment = await reviewer.PostAsJsonAsync($"/api/v1/cases/{c.Number}/hand-over", new { revision = c.Revision, toUser = "reviewer.sj", reason = "休假" }, Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, otherDepartment.StatusCode);
        c = await CaseApi.Act(reviewer, c, "hand-over", new { toUser = "approver.mz", reason = "本人公休，首席代表代为审查" });
        Assert.Equal("民政 首席代表 吴刚", c.AssigneeName);
        var notYours = await reviewer.PostAsJsonAsync($"/api/v1/cases/{c.Number}/hand-over", new { revision = c.Revision, toUser = "approver.mz", reason = "x" }, Json.Options);
        Assert.Equal("case.not-yours", (await notYours.ReadJsonAsync()).GetProperty("code").GetString());
        // The window clerk does not work at the review node at all.
        var clerkHandOver = await clerk.PostAsJsonAsync($"/api/v1/cases/{c.Number}/hand-over", new { revision = c.Revision, toUser = "reviewer.mz", reason = "x" }, Json.Options);
        Assert.Equal(HttpStatusCode.Forbidden, clerkHandOver.StatusCode);

        var mine = await (await app.SignedIn("approver.mz")).GetStringAsync("/workbench/cases?mine=true");
        Assert.Contains(c.Number, mine, StringComparison.Ordinal);
        c = await CaseApi.Act(await app.SignedIn("approver.mz"), c, "complete-node", new { opinion = "符合条件" });
        Assert.Null(c.AssigneeName); // the next node waits in its role's pool
    }
}
