using System.Net;
using System.Net.Http.Json;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Modules.Catalog;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Cases;

/// <summary>
/// 容缺受理 at the window (食品经营许可 lets its self-inspection rules wait), the acceptance notice's document number,
/// received materials and contact, and the decision's scope and validity on the notice and in verification.
/// </summary>
public class DeferralAndDocumentTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private const string Food = "431025-SJ-003";
    private const string Minor = "食品安全自查、从业人员健康管理等制度";

    private async Task<(HttpClient Clerk, CaseView Case)> WithoutMinorAsync()
    {
        var clerk = await app.SignedIn("clerk");
        var provided = DemoCatalog.RequiredMaterials(Food).Where(m => m != Minor).ToList();
        var c = await (await clerk.PostAsJsonAsync("/api/v1/cases", new RegisterApplication(Food, ApplicantKind.Person, "钱七", "11010519491231002X", "13812340000", MaterialsProvided: provided) { Form = DemoApplicationForms.SampleAnswers(Food) }, Json.Options)).ReadAsync<CaseView>();
        return (clerk, c);
    }

    private DateOnly Today => ChinaTime.DateOf(app.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task The_window_accepts_with_a_deferred_material_on_a_commitment_and_the_notice_says_so_with_its_number_and_contact()
    {
        var (clerk, c) = await WithoutMinorAsync();
        Assert.True(c.MayAcceptWithDeferral);
        var seen = await clerk.GetFromJsonAsync<CaseView>($"/api/v1/cases/{c.Number}", Json.Options);
        Assert.Contains(CaseActionNames.Accept, seen!.AvailableActions!);

        var refused = await clerk.PostAsJsonAsync($"/api/v1/cases/{c.Number}/accept", new { revision = c.Revision }, Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("case.materials-missing", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unsigned = await clerk.PostAsJsonAsync($"/api/v1/cases/{c.Number}/accept", new { revision = c.Revision, deferredUntil = Today.AddDays(2) }, Json.Options);
        Assert.Contains("case.commitment-required", await unsigned.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var calendar = await app.Services.GetRequiredService<OneWindow.Web.Modules.Calendar.RegionCalendars>().ForRegionAsync("431025000000");
        var until = calendar.AddWorkingDays(Today, 2);
        c = await CaseApi.Act(clerk, c, "accept", new { deferredUntil = until, commitmentSigned = true });
        Assert.Equal(CaseStatus.Accepted, c.Status);
        Assert.Equal([Minor], c.DeferredMaterials);
        Assert.Contains(CaseActionNames.SupplyDeferred, c.AvailableActions!);

        var notice = await clerk.GetStringAsync($"/workbench/cases/{c.Number}/notice/acceptance");
        Assert.Contains("容缺受理", notice, StringComparison.Ordinal);
        Assert.Contains(Minor, notice, StringComparison.Ordinal);
        Assert.Contains(until.ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture), notice, StringComparison.Ordinal);
        Assert.Matches(@"受字〔\d{4}〕第\d{5}号", notice);
        Assert.Contains("已收取的申请材料", notice, StringComparison.Ordinal);
        Assert.Contains("食品经营许可申请书", notice, StringComparison.Ordinal);
        Assert.Contains("经办人：综合窗口 李芳", notice, StringComparison.Ordinal);

        var page = await clerk.GetStringAsync($"/workbench/cases/{c.Number}");
        Assert.Contains("尚未补齐，补齐后方可作出准予决定", page, StringComparison.Ordinal);

        c = await CaseApi.Act(clerk, c, "supply-deferred", new { provided = new[] { Minor } });
        Assert.Empty(c.DeferredMaterialsMissing);
    }

    [Fact]
    public async Task Each_acceptance_notice_of_a_department_gets_the_next_number_of_its_years_series()
    {
        var clerk = await app.SignedIn("clerk");
        var numbers = new List<int>();
        for (var i = 0; i < 2; i++)
        {
            var c = await CaseApi.Register(clerk, Food, "序号" + i);
            c = await CaseApi.Act(clerk, c, "accept", new { });
            var notice = await clerk.GetStringAsync($"/workbench/cases/{c.Number}/notice/acceptance");
            numbers.Add(int.Parse(System.Text.RegularExpressions.Regex.Match(notice, @"受字〔\d{4}〕第(\d{5})号").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
        Assert.Equal(numbers[0] + 1, numbers[1]);
    }

    [Fact]
    public async Task A_grant_names_its_business_items_and_validity_on_the_decision_and_in_verification()
    {
        var clerk = await app.SignedIn("clerk");
        var c = await CaseApi.Register(clerk, Food, "孙九");
        c = await CaseApi.Act(clerk, c, "accept", new { });
        var reviewer = await app.SignedIn("reviewer.sj");
        c = await CaseApi.Act(reviewer, c, "complete-node", new { opinion = "材料齐全，现场核查符合要求" });
        var approver = await app.SignedIn("approver.sj");
        var noScope = await approver.PostAsJsonAsync($"/api/v1/cases/{c.Number}/decide", new { revision = c.Revision, outcome = "Grant" }, Json.Options);
        Assert.Contains("case.scope-required", await noScope.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        c = await CaseApi.Act(approver, c, "decide", new { outcome = "Grant", scope = "热食类食品制售" });
        Assert.Equal("热食类食品制售", c.DecisionScope);
        Assert.Equal(Today.AddMonths(60).AddDays(-1), c.ValidUntil);

        var decision = await clerk.GetStringAsync($"/workbench/cases/{c.Number}/notice/decision");
        Assert.Contains("经营项目：热食类食品制售", decision, StringComparison.Ordinal);
        Assert.Contains("有效期：自", decision, StringComparison.Ordinal);
        Assert.Matches(@"决字〔\d{4}〕第\d{5}号", decision);

        c = await CaseApi.Act(clerk, c, "issue", new { resultNumber = "JY14310250099001" });
        var verified = await app.Anonymous().GetFromJsonAsync<VerifiedResult>($"/api/v1/verify?result=JY14310250099001", Json.Options);
        Assert.Equal("热食类食品制售", verified!.Scope);
        Assert.Equal("经营项目", verified.ScopeLabel);
        Assert.Equal(c.ValidUntil, verified.ValidUntil);
        Assert.False(verified.Expired);
    }

    [Fact]
    public async Task A_denial_notice_names_the_countys_government_for_review()
    {
        var clerk = await app.SignedIn("clerk.mz");
        var c = await CaseApi.Register(clerk, "431025-MZ-001", "李十");
        c = await CaseApi.Act(clerk, c, "reject", new { reason = "不属于本机关职权范围（《中华人民共和国行政许可法》第三十二条）" });
        var notice = await clerk.GetStringAsync($"/workbench/cases/{c.Number}/notice/rejection");
        Assert.Contains("临武县人民政府申请行政复议", notice, StringComparison.Ordinal);
        Assert.Matches(@"不受字〔\d{4}〕第\d{5}号", notice);
    }

    [Fact]
    public async Task A_part_of_a_joint_case_shows_and_opens_the_scans_of_its_own_items_materials_taken_in_at_the_joint_window()
    {
        const string Restaurant = "431025-YJS-002"; // 开办餐饮店一件事: 个体工商户登记, 食品经营许可, 门头招牌
        var clerk = await app.SignedIn("clerk");
        var form = await clerk.GetStringAsync($"/workbench/cases/new?item={Restaurant}");
        var listed = System.Text.RegularExpressions.Regex.Matches(form, @"name=""Provided"" value=""([^""]+)""").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        var foodForm = listed.IndexOf("食品经营许可申请书");
        var ownerForm = listed.IndexOf("个体工商户登记（备案）申请书");
        Assert.True(foodForm >= 0 && ownerForm >= 0, string.Join("、", listed));
        using var content = new MultipartFormDataContent
        {
            { new StringContent(OneWindowFactory.AntiforgeryToken(form)), "__RequestVerificationToken" },
            { new StringContent(Restaurant), "Item" }, { new StringContent("Person"), "ApplicantKind" }, { new StringContent("周店主"), "ApplicantName" },
            { new StringContent("11010519491231002X"), "IdentityNumber" }, { new StringContent("13812341234"), "Phone" },
        };
        foreach (var m in DemoCatalog.RequiredMaterials(Restaurant))
        {
            content.Add(new StringContent(m), "Provided");
        }
        foreach (var (field, answer) in FormAnswers.Of(Restaurant))
        {
            content.Add(new StringContent(answer), field);
        }
        content.Add(new ByteArrayContent(Png) { Headers = { ContentType = new("image/png") } }, "m" + foodForm, "food-form.png");
        content.Add(new ByteArrayContent(Png) { Headers = { ContentType = new("image/png") } }, "m" + ownerForm, "owner-form.png");
        var registered = await clerk.PostAsync("/workbench/cases/new", content);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var number = registered.Headers.Location!.OriginalString.Split('/')[^1];
        var joint = await clerk.GetFromJsonAsync<CaseView>($"/api/v1/cases/{number}", Json.Options);
        joint = await CaseApi.Act(clerk, joint!, "accept", new { });

        var market = await app.SignedIn("reviewer.sj");
        var foodPart = joint.Parts.Single(p => p.ItemCode == Food);
        var part = await market.GetFromJsonAsync<CaseView>($"/api/v1/cases/{foodPart.Number}", Json.Options);
        var file = Assert.Single(part!.Files);
        Assert.Equal("食品经营许可申请书", file.MaterialName);
        Assert.Contains("食品经营许可申请书", part.MaterialsReceived);
        Assert.Equal(HttpStatusCode.OK, (await market.GetAsync($"/case-files/{file.Id}")).StatusCode);
        var page = await market.GetStringAsync($"/workbench/cases/{foodPart.Number}");
        Assert.Contains("food-form.png", page, StringComparison.Ordinal);
        Assert.DoesNotContain("owner-form.png", page, StringComparison.Ordinal);

        // A department with no part asking for a material does not open its scan.
        var ownerFile = (await clerk.GetFromJsonAsync<CaseView>($"/api/v1/cases/{number}", Json.Options))!.Files.Single(f => f.FileName == "owner-form.png");
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedIn("clerk.mz")).GetAsync($"/case-files/{ownerFile.Id}")).StatusCode);
    }

    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
}
