using OneWindow.Web.Modules.Catalog;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Cases;

/// <summary>An applicant signs up, applies online with uploads, is pre-reviewed, corrected, supplements and is accepted.</summary>
public partial class OnlineApplicationTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private const string FoodLicence = "431025-SJ-003";
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

    [Fact]
    public async Task Sign_up_checks_the_real_name_fields_and_makes_no_second_account_for_one_phone()
    {
        var client = app.Anonymous();
        await Accounts.SendSignUpCodeAsync(client, "13907359901");
        var bad = await Accounts.CompleteSignUpAsync(client, "13907359901", app.Sms.LatestCode("13907359901"), "王五", "431025198512150041"); // wrong check character
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badPage = await bad.Content.ReadAsStringAsync();
        Assert.True(badPage.Contains("居民身份证号码有误", StringComparison.Ordinal) && !badPage.Contains("GB 11643", StringComparison.Ordinal), badPage[badPage.IndexOf("<main", StringComparison.Ordinal)..]);

        // The code was not spent on a form with a mistake.
        var ok = await Accounts.CompleteSignUpAsync(client, "13907359901", app.Sms.LatestCode("13907359901"), "王五", "431025198512150040");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal("/account/login?UserName=13907359901", ok.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await Register(app.Anonymous(), "13907359901", "王五", "431025198512150040", signUp: false)).StatusCode);

        // A second sign-up with the ID number and another phone makes a second account: nothing at sign-up proves the ID
        // number, so the first to name it must not keep anyone out (ADR 0015). The first account's phone is told.
        var sameId = await Accounts.SignUpAsync(app, app.Anonymous(), "13907359909", "王五", "431025198512150040");
        Assert.Equal("/account/login?UserName=13907359909", sameId.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.TrySignInAsync(app.Anonymous(), "13907359909", Accounts.Password)).StatusCode);
        Assert.Contains("身份证号码注册了另一个一窗通账户", app.Sms.To("13907359901")[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_applicant_cannot_open_the_workbench_or_the_staff_api()
    {
        var citizen = await app.SignedIn(Modules.Organization.DemoCounty.DemoApplicant.Phone);
        var page = await citizen.GetAsync("/workbench/cases");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/denied", page.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/api/v1/cases/431025-20261122-00001")).StatusCode);
        // And staff cannot open the applicants' pages.
        Assert.Equal(HttpStatusCode.Redirect, (await (await app.SignedIn("clerk")).GetAsync("/my")).StatusCode);
    }

    [Fact]
    public async Task A_citizen_applies_online_is_pre_reviewed_corrected_supplements_and_is_accepted()
    {
        var citizen = app.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await Register(citizen, "13907359902", "李秀英", "431025199506170031")).StatusCode);

        // A draft with one of the required files: submitting it is refused, and the draft with its file is kept.
        var form = await citizen.GetStringAsync($"/my/apply?item={FoodLicence}");
        var inputs = MaterialInputs().Matches(form).Select(m => m.Groups[1].Value).ToList();
        Assert.True(inputs.Count >= 3);
        var draft = await citizen.PostAsync($"/my/apply?item={FoodLicence}", Multipart(form, new() { ["Intent"] = "submit", ["Form.ApplicantKind"] = "Person", ["Form.Phone"] = "13907359902" }, inputs.Take(1)));
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        var casePath = draft.Headers.Location!.OriginalString;
        var page = await citizen.GetStringAsync(casePath);
        Assert.Contains("请上传以下必需材料后再提交", page, StringComparison.Ordinal);
        Assert.Contains("已上传 1 个文件", page, StringComparison.Ordinal);
        Assert.Contains("草稿", page, StringComparison.Ordinal);

        // Every required file, submitted: a case number, in the center's inbox for pre-review.
        var submitted = await citizen.PostAsync(casePath + "?handler=submit", Multipart(page, new() { ["Form.ApplicantKind"] = "Person", ["Form.Phone"] = "13907359902" }, inputs.Skip(1)));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var c = await LoadAsync(Guid.Parse(casePath.Split('/')[^1]));
        Assert.Equal(CaseStatus.Submitted, c.Status);
        Assert.Matches(@"^431025-20261122-\d{5}$", c.Number);
        Assert.Equal(CaseChannel.Online, c.Channel);

        var clerk = await app.SignedIn("clerk");
        Assert.Contains(c.Number, await clerk.GetStringAsync("/workbench/cases"), StringComparison.Ordinal);
        var view = await CaseApi.Act(clerk, c.Number, c.Revision, "pre-review-return", new { missing = new[] { "申请书未签名" } });
        Assert.Equal(CaseStatus.ReturnedForCorrection, view.Status);
        Assert.Contains("申请书未签名", await citizen.GetStringAsync(casePath), StringComparison.Ordinal);

        page = await citizen.GetStringAsync(casePath);
        Assert.Equal(HttpStatusCode.Redirect, (await citizen.PostAsync(casePath + "?handler=submit", Multipart(page, new() { ["Form.ApplicantKind"] = "Person", ["Form.Phone"] = "13907359902" }, inputs.Take(1)))).StatusCode);
        c = await LoadAsync(c.Id);
        Assert.Equal(CaseStatus.Submitted, c.Status);
        view = await CaseApi.Act(clerk, c.Number, c.Revision, "pre-review-pass", new { });
        Assert.Equal(CaseStatus.Received, view.Status);
        view = await CaseApi.Act(clerk, c.Number, view.Revision, "correction", new { missing = new[] { "从业人员健康证明" } });
        Assert.Equal(CaseStatus.AwaitingCorrection, view.Status);

        // The one-time notice on the citizen's page, answered with an upload.
        page = await citizen.GetStringAsync(casePath);
        Assert.Contains("从业人员健康证明", page, StringComparison.Ordinal);
        var supplement = await citizen.PostAsync(casePath + "?handler=supplement", Multipart(page, [], ["m0"]));
        Assert.Equal(HttpStatusCode.Redirect, supplement.StatusCode);
        c = await LoadAsync(c.Id);
        Assert.Equal(CaseStatus.Received, c.Status);
        view = await CaseApi.Act(clerk, c.Number, c.Revision, "accept", new { });
        Assert.Equal(CaseStatus.Accepted, view.Status);
        Assert.Equal(["drafted", "draft-saved", "draft-saved", "submitted", "pre-review-returned", "draft-saved", "submitted", "pre-review-passed", "correction-requested", "supplemented", "accepted"],
            view.Events.Select(e => e.Action));
        Assert.True(view.Chain.IsIntact);
        Assert.Equal(5, view.Files.Count);
        Assert.Contains(view.Files, f => f.MaterialName == "从业人员健康证明");

        // The citizen's list shows it; another applicant sees neither the case nor its files.
        Assert.Contains(c.Number, await citizen.GetStringAsync("/my"), StringComparison.Ordinal);
        var stranger = await app.SignedIn(Modules.Organization.DemoCounty.DemoApplicant.Phone);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(casePath)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/case-files/{view.Files[0].Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync($"/case-files/{view.Files[0].Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync($"/case-files/{view.Files[0].Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedIn("clerk.mz")).GetAsync($"/case-files/{view.Files[0].Id}")).StatusCode);
    }

    [Fact]
    public async Task A_file_that_is_not_a_document_is_refused_by_name_and_the_rest_of_the_save_is_kept()
    {
        var citizen = app.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await Register(citizen, "13907359903", "赵六", "431025200102200041")).StatusCode);
        var form = await citizen.GetStringAsync($"/my/apply?item={FoodLicence}");
        var content = Multipart(form, new() { ["Intent"] = "save", ["Form.ApplicantKind"] = "Person", ["Form.Phone"] = "13907359903" }, []);
        content.Add(new ByteArrayContent(Encoding.ASCII.GetBytes("MZ\x90\x00 not a document")), "m0", "申请书.pdf");
        content.Add(new ByteArrayContent(Pdf), "m1", "营业执照.pdf");
        var response = await citizen.PostAsync($"/my/apply?item={FoodLicence}", content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode); // to the draft, which holds what was valid
        var page = await citizen.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("“申请书.pdf”不是可接受的文件", page, StringComparison.Ordinal);
        Assert.Contains("其余内容已保存", page, StringComparison.Ordinal);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.OneWindowDbContext>();
        var draft = await db.Cases.SingleAsync(c => c.Applicant.Phone == "13907359903");
        Assert.Equal(["营业执照.pdf"], await db.CaseFiles.Where(f => f.CaseId == draft.Id).Select(f => f.FileName).ToListAsync());
    }

    [Fact]
    public async Task Cases_handed_in_at_a_window_under_the_applicants_id_and_phone_are_theirs_too()
    {
        var citizen = Modules.Organization.DemoCounty.DemoApplicant;
        var clerk = await app.SignedIn("clerk.mz");
        var walkIn = await (await clerk.PostAsJsonAsync("/api/v1/cases", new RegisterApplication("431025-MZ-004", ApplicantKind.Person, citizen.Name, citizen.IdentityNumber, citizen.Phone, MaterialsProvided: DemoCatalog.RequiredMaterials("431025-MZ-004")), Json.Options)).ReadAsync<CaseView>();
        var otherPhone = await (await clerk.PostAsJsonAsync("/api/v1/cases", new RegisterApplication("431025-MZ-004", ApplicantKind.Person, citizen.Name, citizen.IdentityNumber, "13800000000", MaterialsProvided: DemoCatalog.RequiredMaterials("431025-MZ-004")), Json.Options)).ReadAsync<CaseView>();
        var list = await (await app.SignedIn(citizen.Phone)).GetStringAsync("/my");
        Assert.Contains(walkIn.Number, list, StringComparison.Ordinal);
        Assert.DoesNotContain(otherPhone.Number, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_applicant_api_drafts_submits_and_withdraws_with_files_sent_as_json()
    {
        var citizen = app.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await Register(citizen, "13907359904", "钱七", "431025196611090056")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/v1/my/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedIn("clerk")).GetAsync("/api/v1/my/cases")).StatusCode);

        var file = (string material) => new { material, fileName = "scan.pdf", contentBase64 = Convert.ToBase64String(Pdf) };
        var bad = await citizen.PostAsJsonAsync("/api/v1/my/cases", new { itemCode = FoodLicence, phone = "13907359904", files = new[] { new { material = "食品经营许可申请书", fileName = "a.pdf", contentBase64 = "not base64!" } } }, Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("file.base64", (await bad.ReadJsonAsync()).GetProperty("code").GetString());

        var created = await citizen.PostAsJsonAsync("/api/v1/my/cases", new { itemCode = FoodLicence, phone = "13907359904", files = new[] { file("食品经营许可申请书") },
            form = DemoApplicationForms.SampleAnswers(FoodLicence) }, Json.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = await created.ReadJsonAsync();
        var id = draft.GetProperty("id").GetGuid();
        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, draft.GetProperty("number").ValueKind);

        var refused = await citizen.PostAsJsonAsync($"/api/v1/my/cases/{id}/submit", new { revision = draft.GetProperty("revision").GetInt32(), phone = "13907359904" }, Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.ReadJsonAsync()).GetProperty("errors").TryGetProperty("files", out _));

        var current = await (await citizen.GetAsync($"/api/v1/my/cases/{id}")).ReadJsonAsync();
        var submitted = await citizen.PostAsJsonAsync($"/api/v1/my/cases/{id}/submit", new
        {
            revision = current.GetProperty("revision").GetInt32(), phone = "13907359904",
            files = new[] { file("与食品经营相适应的主要设备设施布局、操作流程等文件"), file("食品安全自查、从业人员健康管理等制度") },
        }, Json.Options);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var view = await submitted.ReadJsonAsync();
        Assert.Equal("Submitted", view.GetProperty("status").GetString());
        Assert.Matches(@"^431025-20261122-\d{5}$", view.GetProperty("number").GetString());
        Assert.Equal(3, view.GetProperty("files").GetArrayLength());

        var list = await (await citizen.GetAsync("/api/v1/my/cases")).ReadJsonAsync();
        Assert.Contains(list.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
        var stale = await citizen.PostAsJsonAsync($"/api/v1/my/cases/{id}/withdraw", new { revision = 1, reason = "不办了" }, Json.Options);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var withdrawn = await citizen.PostAsJsonAsync($"/api/v1/my/cases/{id}/withdraw", new { revision = view.GetProperty("revision").GetInt32(), reason = "改为窗口办理" }, Json.Options);
        Assert.Equal("Withdrawn", (await withdrawn.ReadJsonAsync()).GetProperty("status").GetString());
    }

    private async Task<Case> LoadAsync(Guid id)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Data.OneWindowDbContext>().Cases.AsNoTracking().FirstAsync(c => c.Id == id);
    }

    /// <summary>Signs up with the code the phone received (unless <paramref name="signUp"/> is false), then signs in: the sign-in's answer.</summary>
    private async Task<HttpResponseMessage> Register(HttpClient client, string phone, string name, string id, bool signUp = true)
    {
        if (signUp && await Accounts.SignUpAsync(app, client, phone, name, id) is { StatusCode: not HttpStatusCode.Redirect } refused)
        {
            return refused;
        }
        return await Accounts.TrySignInAsync(client, phone, Accounts.Password);
    }

    private static MultipartFormDataContent Multipart(string page, Dictionary<string, string> fields, IEnumerable<string> fileInputs)
    {
        var content = new MultipartFormDataContent { { new StringContent(OneWindowFactory.AntiforgeryToken(page)), "__RequestVerificationToken" } };
        if (RevisionField().Match(page) is { Success: true } revision)
        {
            content.Add(new StringContent(revision.Groups[1].Value), "Revision");
        }
        foreach (var (name, value) in fields.Concat(FormAnswers.OnPage(page, fields)))
        {
            content.Add(new StringContent(value), name);
        }
        foreach (var input in fileInputs)
        {
            content.Add(new ByteArrayContent(Pdf), input, $"{input}.pdf");
        }
        return content;
    }

    [GeneratedRegex(@"<input type=""file"" id=""(m\d+)""")]
    private static partial Regex MaterialInputs();

    [GeneratedRegex(@"name=""Revision"" value=""(\d+)""")]
    private static partial Regex RevisionField();
}
