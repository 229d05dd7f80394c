using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using OneWindow.Domain.Cases;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Modules.Catalog;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Cases;

/// <summary>
/// 一表通: the guide's application form asked at the window and online, checked, kept with the case, merged for a package
/// and given to each part, printed blank and filled; a founder registers an enterprise that has no credit code yet.
/// </summary>
public class ApplicationFormTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private const string Founding = "431025-SJ-001";      // 企业设立登记
    private const string StartBusiness = "431025-YJS-001"; // 开办企业一件事: 设立登记, 刻章, 涉税, 社保

    private static RegisterApplication Founder(string item, Dictionary<string, string?> form) =>
        new(item, ApplicantKind.Person, "张三", "11010519491231002X", "13907351234", MaterialsProvided: DemoCatalog.RequiredMaterials(item)) { Form = form };

    [Fact]
    public async Task A_founder_registers_an_enterprise_by_its_name_without_a_credit_code_and_a_bad_form_saves_nothing()
    {
        var clerk = await app.SignedIn("clerk");
        var form = DemoApplicationForms.SampleAnswers(Founding);
        form["enterprise.capital"] = "五十万";
        form["legalRepresentative.idNumber"] = "110105194912310021";
        form.Remove("business.scope");
        var refused = await clerk.PostAsJsonAsync("/api/v1/cases", Founder(Founding, form), Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.ReadJsonAsync();
        Assert.Equal("case.form-invalid", problem.GetProperty("code").GetString());
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("form.enterprise.capital", out _) && errors.TryGetProperty("form.legalRepresentative.idNumber", out _) && errors.TryGetProperty("form.business.scope", out _),
            errors.ToString());

        var registered = await clerk.PostAsJsonAsync("/api/v1/cases", Founder(Founding, DemoApplicationForms.SampleAnswers(Founding)), Json.Options);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var c = await registered.ReadAsync<CaseView>();
        // The refused registration took no number: the day's series has no gap.
        Assert.EndsWith("-00001", c.Number, StringComparison.Ordinal);
        var seen = await clerk.GetFromJsonAsync<CaseView>($"/api/v1/cases/{c.Number}", Json.Options);
        Assert.Equal("临武县舜峰香芋食品有限公司", seen!.EnterpriseName);
        Assert.Equal("50", seen.Form["enterprise.capital"]);
        Assert.True(seen.Chain.IsIntact);

        var page = await clerk.GetStringAsync($"/workbench/cases/{c.Number}");
        Assert.Contains("临武县舜峰香芋食品有限公司", page, StringComparison.Ordinal);
        var printed = await clerk.GetStringAsync($"/workbench/cases/{c.Number}/application-form");
        Assert.Contains("企业设立登记 申请表", printed, StringComparison.Ordinal);
        Assert.Contains("食品生产；食品销售；农产品初加工", printed, StringComparison.Ordinal);
        Assert.Contains("注册资本（万元）", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_package_asks_each_shared_question_once_and_every_part_keeps_the_answers_to_its_own_questions()
    {
        var clerk = await app.SignedIn("clerk");
        var intake = await clerk.GetStringAsync($"/workbench/cases/new?item={StartBusiness}");
        Assert.Single(Regex.Matches(intake, Regex.Escape("name=\"Form[enterprise.name]\"")));
        Assert.Single(Regex.Matches(intake, Regex.Escape("name=\"Form[legalRepresentative.name]\"")));
        Assert.Contains("name=\"Form[finance.name]\"", intake, StringComparison.Ordinal);   // the tax office's own question
        Assert.Contains("name=\"Form[seal.kinds]\"", intake, StringComparison.Ordinal);     // the police's own question
        Assert.Contains("企业尚未设立的", intake, StringComparison.Ordinal);

        // A mistake is shown at its field, with what was typed kept.
        var fields = new Dictionary<string, string>(FormAnswers.Of(StartBusiness))
        {
            ["Item"] = StartBusiness, ["ApplicantKind"] = "Person", ["ApplicantName"] = "张三", ["IdentityNumber"] = "11010519491231002X", ["Phone"] = "13907351234",
            ["Form[taxAgent.idNumber]"] = "123",
        };
        var withMaterials = fields.Concat(DemoCatalog.RequiredMaterials(StartBusiness).Select(m => new KeyValuePair<string, string>("Provided", m))).ToList();
        var wrong = await clerk.PostAsync("/workbench/cases/new", new FormUrlEncodedContent([new("__RequestVerificationToken", OneWindowFactory.AntiforgeryToken(intake)), .. withMaterials]));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var shown = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("办税人员身份证号码", Accounts.AlertOf(shown) ?? "", StringComparison.Ordinal);
        Assert.Matches("name=\"Form\\[taxAgent.idNumber\\]\" value=\"123\"[^>]*class=\"input-invalid\"", shown);
        Assert.Contains("value=\"临武县舜峰香芋食品有限公司\"", shown, StringComparison.Ordinal);

        var c = await CaseApi.Register(clerk, StartBusiness, "张三");
        var accepted = await CaseApi.Act(clerk, c, "accept", new { });
        Assert.Equal(4, accepted.Parts.Count);
        var tax = accepted.Parts.Single(p => p.ItemCode == "431025-SW-001");
        var taxPart = await clerk.GetFromJsonAsync<CaseView>($"/api/v1/cases/{tax.Number}", Json.Options);
        Assert.Equal("王五", taxPart!.Form["finance.name"]);
        Assert.Equal("临武县舜峰香芋食品有限公司", taxPart.EnterpriseName);
        Assert.False(taxPart.Form.ContainsKey("enterprise.capital")); // the founding's question, not the tax office's
        Assert.True(taxPart.Chain.IsIntact);
    }

    [Fact]
    public async Task Online_a_draft_keeps_the_answers_given_and_submission_asks_for_the_rest()
    {
        var citizen = await Accounts.SignedUpAsync(app, "13907357701", "李四", "431025198512150040");
        var page = await citizen.GetStringAsync("/my/apply?item=431025-SJ-003");
        Assert.Contains("name=\"Form.Answers[food.mainBusiness]\"", page, StringComparison.Ordinal);

        var created = await citizen.PostAsJsonAsync("/api/v1/my/cases", new { itemCode = "431025-SJ-003", phone = "13907357701", form = new Dictionary<string, string> { ["enterprise.name"] = "临武县李四小吃店" } }, Json.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = await created.ReadJsonAsync();
        var id = draft.GetProperty("id").GetGuid();
        Assert.Equal("临武县李四小吃店", draft.GetProperty("form").GetProperty("enterprise.name").GetString());

        var files = DemoCatalog.RequiredMaterials("431025-SJ-003").Select(m => new { material = m, fileName = "a.pdf", contentBase64 = Convert.ToBase64String("%PDF-1.4\n%%EOF\n"u8.ToArray()) }).ToArray();
        var incomplete = await citizen.PostAsJsonAsync($"/api/v1/my/cases/{id}/submit", new { revision = draft.GetProperty("revision").GetInt32(), phone = "13907357701", files }, Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        var problem = await incomplete.ReadJsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty("form.food.area", out _), problem.ToString());

        var now = await (await citizen.GetAsync($"/api/v1/my/cases/{id}")).ReadJsonAsync();
        Assert.Equal("Draft", now.GetProperty("status").GetString()); // the files were saved, nothing submitted
        var submitted = await citizen.PostAsJsonAsync($"/api/v1/my/cases/{id}/submit", new
        {
            revision = now.GetProperty("revision").GetInt32(), phone = "13907357701", form = DemoApplicationForms.SampleAnswers("431025-SJ-003"),
        }, Json.Options);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal("Submitted", (await submitted.ReadJsonAsync()).GetProperty("status").GetString());

        var printed = await citizen.GetStringAsync($"/my/cases/{id}/application-form");
        Assert.Contains("热食类食品制售；冷食类食品制售", printed, StringComparison.Ordinal);
        var stranger = await Accounts.SignedUpAsync(app, "13907357702", "王五", "11010519491231002X");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/my/cases/{id}/application-form")).StatusCode);
    }

    [Fact]
    public async Task The_public_prints_a_blank_form_and_the_admin_cannot_save_a_form_that_cannot_be_answered()
    {
        var guide = await app.Anonymous().GetStringAsync($"/guides/{Founding}");
        Assert.Contains($"/guides/{Founding}/application-form", guide, StringComparison.Ordinal);
        var blank = await app.Anonymous().GetStringAsync($"/guides/{Founding}/application-form");
        Assert.Contains("法定代表人身份证号码", blank, StringComparison.Ordinal);
        Assert.Contains("□有限责任公司（自然人独资）", blank, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/guides/431025-MZ-002/application-form")).StatusCode); // no form defined

        var admin = await app.SignedIn("admin");
        var current = await (await admin.GetAsync($"/api/v1/catalog/items/{Founding}")).ReadJsonAsync();
        var started = await admin.PostAsync($"/api/v1/catalog/admin/items/{Founding}/drafts", null);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var draft = await started.ReadJsonAsync();
        var body = System.Text.Json.Nodes.JsonNode.Parse(current.GetProperty("guide").GetRawText())!.AsObject();
        var form = body["form"]!.AsArray();
        form.Add(System.Text.Json.Nodes.JsonNode.Parse(form[0]!.ToJsonString())); // the same key twice
        var saved = await admin.PutAsJsonAsync($"/api/v1/catalog/admin/items/{Founding}/versions/{draft.GetProperty("versionNumber").GetInt32()}",
            new { revision = draft.GetProperty("revision").GetInt32(), guide = body }, Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, saved.StatusCode);
        Assert.Contains("guide.form-key-repeated", (await saved.ReadJsonAsync()).GetProperty("codes").ToString(), StringComparison.Ordinal);
    }
}
