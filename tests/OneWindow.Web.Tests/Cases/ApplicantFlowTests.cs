using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Modules.Catalog;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Cases;

/// <summary>
/// What a new applicant trips over in the online flow (issue 18): a file over the limit named with its limit while the
/// rest of the save is kept; files removed or replaced before submitting; the delivery method chosen when applying and
/// used by the clerk; an SMS at each step that concerns the applicant.
/// </summary>
public sealed partial class ApplicantFlowTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private const string FoodLicence = "431025-SJ-003";
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

    /// <summary>A PDF just over the 10 MB a file may have.</summary>
    private static byte[] Big()
    {
        var big = new byte[10 * 1024 * 1024 + 1];
        "%PDF-1.4\n"u8.CopyTo(big);
        return big;
    }

    [Fact]
    public async Task A_file_over_the_limit_is_named_with_the_limit_in_the_pages_language_and_the_other_files_of_the_save_are_kept()
    {
        var citizen = await Accounts.SignedUpAsync(app, "13907358801", "林一", "431025198001010011");
        var form = await citizen.GetStringAsync($"/my/apply?item={FoodLicence}");
        var materials = MaterialLabels(form);
        var started = await citizen.PostAsync($"/my/apply?item={FoodLicence}", Multipart(form,
            new() { ["Intent"] = "submit", ["Form.ApplicantKind"] = "Person", ["Form.Phone"] = "13907358801", ["Form.Delivery"] = "WindowPickup" },
            ("m0", "big.pdf", Big()), ("m1", "small.pdf", Pdf)));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var draftUrl = started.Headers.Location!.OriginalString;
        var page = await citizen.GetStringAsync(draftUrl);
        Assert.Contains("“big.pdf”过大（每个文件不超过 10 MB），未保存。", page, StringComparison.Ordinal);
        Assert.Contains("其余内容已保存", page, StringComparison.Ordinal);
        Assert.Contains("申请尚未提交", page, StringComparison.Ordinal); // the applicant meant to send big.pdf: nothing is submitted without it
        var id = Guid.Parse(draftUrl[(draftUrl.LastIndexOf('/') + 1)..]);
        Assert.Equal([(materials[1], "small.pdf")], await FilesAsync(id));
        Assert.Equal(CaseStatus.Draft, await StatusAsync(id));

        // In English, the same in English.
        await citizen.GetAsync("/lang/en?returnUrl=/my");
        var saved = await citizen.PostAsync(draftUrl + "?handler=save", Multipart(page,
            new() { ["Form.ApplicantKind"] = "Person", ["Form.Phone"] = "13907358801" }, ("m0", "scan.pdf", Big()), ("m2", "other.pdf", Pdf)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("“scan.pdf” is too large (at most 10 MB per file) and was not saved.", await citizen.GetStringAsync(draftUrl), StringComparison.Ordinal);
        Assert.Equal([(materials[1], "small.pdf"), (materials[2], "other.pdf")], await FilesAsync(id));
        await citizen.GetAsync("/lang/zh-CN?returnUrl=/my");

        // The API twin: the same rule, answered as problem details with a stable code, the saved draft's revision and each refused file.
        var revision = await RevisionAsync(id);
        var api = await citizen.PostAsJsonAsync($"/api/v1/my/cases/{id}/save", new
        {
            revision, phone = "13907358801",
            files = new[] { File(materials[0], "huge.pdf", Big()), File(materials[^1], "fine.pdf", Pdf) },
        }, Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var problem = await api.ReadJsonAsync();
        Assert.Equal("file.too-large", problem.GetProperty("code").GetString());
        Assert.Contains("“huge.pdf”过大（每个文件不超过 10 MB）", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(id, problem.GetProperty("id").GetGuid());
        Assert.Equal(await RevisionAsync(id), problem.GetProperty("revision").GetInt32());
        Assert.Equal("huge.pdf", Assert.Single(problem.GetProperty("refused").EnumerateArray()).GetProperty("fileName").GetString());
        Assert.Contains((materials[^1], "fine.pdf"), await FilesAsync(id));
        Assert.DoesNotContain(await FilesAsync(id), f => f.File == "huge.pdf");
    }

    [Fact]
    public async Task The_pages_tell_the_browser_the_limits_and_a_request_over_the_limit_leads_back_to_the_form()
    {
        var citizen = await app.SignedIn(Modules.Organization.DemoCounty.DemoApplicant.Phone);
        var form = await citizen.GetStringAsync($"/my/apply?item={FoodLicence}");
        // The script's data: each file input's limit and message, the form's request limit; the script itself.
        Assert.Contains($"data-max-bytes=\"{10 * 1024 * 1024}\"", form, StringComparison.Ordinal);
        Assert.Contains($"data-upload-limit=\"{30 * 1024 * 1024}\"", form, StringComparison.Ordinal);
        Assert.Contains("/js/uploads.js", form, StringComparison.Ordinal);

        using var small = OneWindowFactory.WithSettings(new Dictionary<string, string> { ["Uploads:MaxRequestMegabytes"] = "1" });
        var applicant = await small.SignedIn(Modules.Organization.DemoCounty.DemoApplicant.Phone);
        var page = await applicant.GetStringAsync($"/my/apply?item={FoodLicence}");
        var big = new byte[1_200_000];
        "%PDF-1.4\n"u8.CopyTo(big);
        var refused = await applicant.PostAsync($"/my/apply?item={FoodLicence}", Multipart(page, new() { ["Form.Phone"] = "13907350001" }, ("m0", "scan.pdf", big)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("一次上传的内容合计不能超过 1 MB，每个文件不能超过 10 MB", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/my/apply?item={FoodLicence}\"", html, StringComparison.Ordinal);
        Assert.Contains("返回重新上传", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_can_be_removed_or_replaced_before_submitting_on_the_page_and_through_the_api()
    {
        var citizen = await Accounts.SignedUpAsync(app, "13907358802", "林二", "431025198002020027");
        var materials = DemoCatalog.RequiredMaterials(FoodLicence);
        var created = await (await citizen.PostAsJsonAsync("/api/v1/my/cases", new
        {
            itemCode = FoodLicence, phone = "13907358802", files = new[] { File(materials[0], "a.pdf", Pdf), File(materials[1], "b.pdf", Pdf) }, form = DemoApplicationForms.SampleAnswers(FoodLicence),
        }, Json.Options)).ReadJsonAsync();
        var id = created.GetProperty("id").GetGuid();
        var fileA = await FileIdAsync(id, "a.pdf");

        // The page: remove a.pdf.
        var page = await citizen.GetStringAsync($"/my/cases/{id}");
        Assert.Contains("?handler=RemoveFile", page, StringComparison.Ordinal);
        var removed = await Forms.PostWithTokenAsync(citizen, OneWindowFactory.AntiforgeryToken(page), $"/my/cases/{id}?handler=RemoveFile",
            new Dictionary<string, string> { ["Revision"] = (await RevisionAsync(id)).ToString(System.Globalization.CultureInfo.InvariantCulture), ["FileId"] = fileA.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Contains("文件已删除", await citizen.GetStringAsync($"/my/cases/{id}"), StringComparison.Ordinal);
        Assert.Equal([(materials[1], "b.pdf")], await FilesAsync(id));
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"/case-files/{fileA}")).StatusCode);

        // The page: replace b.pdf by c.pdf, for the same material.
        page = await citizen.GetStringAsync($"/my/cases/{id}");
        var replace = new MultipartFormDataContent
        {
            { new StringContent(OneWindowFactory.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent((await RevisionAsync(id)).ToString(System.Globalization.CultureInfo.InvariantCulture)), "Revision" },
            { new StringContent((await FileIdAsync(id, "b.pdf")).ToString()), "FileId" },
            { new ByteArrayContent(Pdf), "replacement", "c.pdf" },
        };
        Assert.Equal(HttpStatusCode.Redirect, (await citizen.PostAsync($"/my/cases/{id}?handler=ReplaceFile", replace)).StatusCode);
        Assert.Equal([(materials[1], "c.pdf")], await FilesAsync(id));

        // The API twins: replace c.pdf by d.pdf, then remove d.pdf.
        var fileC = await FileIdAsync(id, "c.pdf");
        var replaced = await citizen.PostAsJsonAsync($"/api/v1/my/cases/{id}/files/{fileC}/replace",
            new { revision = await RevisionAsync(id), fileName = "d.pdf", contentBase64 = Convert.ToBase64String(Pdf) }, Json.Options);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var view = await replaced.ReadJsonAsync();
        Assert.Equal("d.pdf", Assert.Single(view.GetProperty("files").EnumerateArray()).GetProperty("fileName").GetString());
        var fileD = await FileIdAsync(id, "d.pdf");

        // Someone else's draft file is not found; a stale revision is a conflict.
        var stranger = await app.SignedIn(Modules.Organization.DemoCounty.DemoApplicant.Phone);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/v1/my/cases/{id}/files/{fileD}/remove", new { revision = await RevisionAsync(id) }, Json.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await citizen.PostAsJsonAsync($"/api/v1/my/cases/{id}/files/{fileD}/remove", new { revision = 1 }, Json.Options)).StatusCode);

        var gone = await citizen.PostAsJsonAsync($"/api/v1/my/cases/{id}/files/{fileD}/remove", new { revision = await RevisionAsync(id) }, Json.Options);
        Assert.Equal(HttpStatusCode.OK, gone.StatusCode);
        Assert.Empty((await gone.ReadJsonAsync()).GetProperty("files").EnumerateArray());

        // Each removal is in the record; the removed rows stay (the day's upload count sees them), their contents are deleted.
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            Assert.Equal(4, await db.CaseEvents.CountAsync(e => e.CaseId == id && e.Action == "files-removed"));
            var rows = await db.CaseFiles.Where(f => f.CaseId == id).ToListAsync();
            Assert.Equal(4, rows.Count);
            Assert.All(rows, f => Assert.NotNull(f.RemovedAt));
            var stored = rows.Select(f => f.StoredFileId).ToList();
            Assert.False(await db.StoredFiles.AnyAsync(s => stored.Contains(s.Id)));
        }
    }

    [Fact]
    public async Task The_applicant_chooses_the_delivery_mail_needs_an_address_and_the_clerk_sees_it_and_delivers_by_it()
    {
        const string Phone = "13907358803";
        var citizen = await Accounts.SignedUpAsync(app, Phone, "林三", "431025198003030032");
        var form = await citizen.GetStringAsync($"/my/apply?item={FoodLicence}");
        Assert.Contains("name=\"Form.Delivery\" value=\"WindowPickup\" checked=\"checked\"", form, StringComparison.Ordinal);
        Assert.Contains("name=\"Form.Delivery\" value=\"Mail\"", form, StringComparison.Ordinal);
        Assert.Contains("name=\"Form.DeliveryAddress\"", form, StringComparison.Ordinal);

        // Mail without an address: the draft keeps the choice, the submission is refused with a readable message.
        var materials = DemoCatalog.RequiredMaterials(FoodLicence);
        var created = await (await citizen.PostAsJsonAsync("/api/v1/my/cases", new
        {
            itemCode = FoodLicence, phone = Phone, delivery = "Mail", files = materials.Select((m, i) => File(m, $"{i}.pdf", Pdf)).ToArray(), form = DemoApplicationForms.SampleAnswers(FoodLicence),
        }, Json.Options)).ReadJsonAsync();
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("Mail", created.GetProperty("deliveryRequested").GetString());
        var noAddress = await citizen.PostAsJsonAsync($"/api/v1/my/cases/{id}/submit", new { revision = await RevisionAsync(id), phone = Phone }, Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, noAddress.StatusCode);
        Assert.Equal("case.delivery-address-required", (await noAddress.ReadJsonAsync()).GetProperty("code").GetString());
        var page = await citizen.GetStringAsync($"/my/cases/{id}");
        var refused = await citizen.PostAsync($"/my/cases/{id}?handler=submit", Multipart(page, new() { ["Form.Phone"] = Phone, ["Form.Delivery"] = "Mail" }));
        Assert.Contains("请填写收件地址", Accounts.AlertOf(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Draft, await StatusAsync(id));

        // With the address it goes.
        const string Address = "湖南省郴州市临武县舜峰镇建设路8号 林三 13907358803";
        page = await citizen.GetStringAsync($"/my/cases/{id}");
        var submitted = await citizen.PostAsync($"/my/cases/{id}?handler=submit", Multipart(page, new() { ["Form.Phone"] = Phone, ["Form.Delivery"] = "Mail", ["Form.DeliveryAddress"] = Address }));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(CaseStatus.Submitted, await StatusAsync(id));
        var number = await NumberAsync(id);

        // The clerk sees the choice with the address, and the delivery step defaults to it.
        var clerk = await app.SignedIn("clerk");
        var staffPage = await clerk.GetStringAsync($"/workbench/cases/{number}");
        Assert.Contains("申请人选择的送达方式：<strong>邮政寄递</strong>", staffPage, StringComparison.Ordinal);
        Assert.Contains(Address, staffPage, StringComparison.Ordinal);
        var c = await CaseApi.Act(clerk, number, await RevisionAsync(id), "pre-review-pass", new { });
        c = await CaseApi.Act(clerk, c, "accept", new { });
        c = await CaseApi.Act(await app.SignedIn("reviewer.sj"), c, "complete-node", new { opinion = "符合条件" });
        c = await CaseApi.Act(await app.SignedIn("approver.sj"), c, "decide", new { outcome = "Grant", scope = "热食类食品制售" });
        c = await CaseApi.Act(clerk, c, "issue", new { resultNumber = "JY24310250009001" });
        Assert.Contains("name=\"Method\" value=\"Mail\" checked=\"checked\"", await clerk.GetStringAsync($"/workbench/cases/{number}"), StringComparison.Ordinal);
        c = await CaseApi.Act(clerk, c, "deliver", new { reference = "EMS1234567890" }); // no method: the applicant's
        Assert.Equal(DeliveryMethod.Mail, c.DeliveryMethod);
        Assert.True(c.Chain.IsIntact, c.Chain.Problem);
    }

    [Fact]
    public async Task Each_step_that_concerns_the_applicant_sends_exactly_one_sms_through_the_outbox_and_a_landline_gets_none()
    {
        const string Phone = "13907358804";
        var citizen = await Accounts.SignedUpAsync(app, Phone, "林四", "431025198004040048");
        var materials = DemoCatalog.RequiredMaterials(FoodLicence);
        var created = await (await citizen.PostAsJsonAsync("/api/v1/my/cases", new
        {
            itemCode = FoodLicence, phone = Phone, delivery = "WindowPickup", files = materials.Select((m, i) => File(m, $"{i}.pdf", Pdf)).ToArray(), form = DemoApplicationForms.SampleAnswers(FoodLicence),
        }, Json.Options)).ReadJsonAsync();
        var id = created.GetProperty("id").GetGuid();
        var told = 0;
        async Task<string> Next(string expected)
        {
            var all = app.Sms.To(Phone).Where(t => t.Contains("您的办件", StringComparison.Ordinal)).ToList();
            Assert.Equal(told + 1, all.Count);
            told++;
            Assert.Contains(expected, all[^1], StringComparison.Ordinal);
            return all[^1];
        }

        await citizen.PostAsJsonAsync($"/api/v1/my/cases/{id}/submit", new { revision = await RevisionAsync(id), phone = Phone }, Json.Options);
        Assert.DoesNotContain(app.Sms.To(Phone), t => t.Contains("您的办件", StringComparison.Ordinal)); // the applicant's own submission: the page said it
        var number = await NumberAsync(id);
        var clerk = await app.SignedIn("clerk");
        var c = await CaseApi.Act(clerk, number, await RevisionAsync(id), "pre-review-pass", new { });
        var received = await Next("已收件");
        Assert.StartsWith($"【一窗通】您的办件{number}（食品经营许可）已收件", received, StringComparison.Ordinal);
        c = await CaseApi.Act(clerk, c, "correction", new { missing = new[] { "从业人员健康证明" } });
        Assert.Contains("需补正材料：从业人员健康证明", await Next("需补正"), StringComparison.Ordinal);
        var view = await (await citizen.GetAsync($"/api/v1/my/cases/{id}")).ReadJsonAsync();
        await citizen.PostAsJsonAsync($"/api/v1/my/cases/{id}/supplement", new { revision = view.GetProperty("revision").GetInt32(), files = new[] { File("从业人员健康证明", "health.pdf", Pdf) } }, Json.Options);
        c = await CaseApi.Act(clerk, number, await RevisionAsync(id), "accept", new { });
        Assert.Contains("前办结", await Next("已受理"), StringComparison.Ordinal);
        c = await CaseApi.Act(await app.SignedIn("reviewer.sj"), c, "claim", new { }); // staff-only moves tell nobody
        c = await CaseApi.Act(await app.SignedIn("reviewer.sj"), c, "complete-node", new { opinion = "符合条件" });
        c = await CaseApi.Act(await app.SignedIn("approver.sj"), c, "decide", new { outcome = "Grant", scope = "热食类食品制售" });
        await Next("决定准予");
        c = await CaseApi.Act(clerk, c, "issue", new { resultNumber = "JY24310250009002" });
        Assert.Contains("到政务服务中心窗口领取", await Next("办理结果已出具"), StringComparison.Ordinal);
        await CaseApi.Act(clerk, c, "deliver", new { method = "WindowPickup" });
        Assert.Equal(5, app.Sms.To(Phone).Count(t => t.Contains(number, StringComparison.Ordinal))); // collected in person: nothing more

        // One message per step, by its event: the outbox holds each once.
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var keys = await db.OutboxMessages.Where(m => m.Recipient == Phone && m.DedupKey.StartsWith("case-step/")).Select(m => m.DedupKey).ToListAsync();
            Assert.Equal(5, keys.Count);
            Assert.Equal(5, keys.Distinct().Count());
        }

        // A window case with a landline: every step, and nothing is sent.
        var landline = await (await clerk.PostAsJsonAsync("/api/v1/cases", new RegisterApplication("431025-SJ-003", ApplicantKind.Person, "林五", "11010519491231002X", "0735-6361999",
            MaterialsProvided: materials) { Form = DemoApplicationForms.SampleAnswers("431025-SJ-003") }, Json.Options)).ReadAsync<CaseView>();
        await CaseApi.Act(clerk, landline, "accept", new { });
        Assert.DoesNotContain(app.Sms.Sent, s => s.Text.Contains(landline.Number, StringComparison.Ordinal));
        db = app.NewDbContext(out scope);
        using (scope)
        {
            Assert.False(await db.OutboxMessages.AnyAsync(m => m.Text.Contains(landline.Number)));
        }
    }

    [Fact]
    public async Task The_applicant_reads_and_prints_the_notices_issued_on_their_case_the_same_documents_the_clerk_prints_and_nobody_else_does()
    {
        var citizen = Modules.Organization.DemoCounty.DemoApplicant;
        var clerk = await app.SignedIn("clerk.mz");
        var walkIn = await (await clerk.PostAsJsonAsync("/api/v1/cases", new RegisterApplication("431025-MZ-004", ApplicantKind.Person, citizen.Name, citizen.IdentityNumber, citizen.Phone,
            MaterialsProvided: DemoCatalog.RequiredMaterials("431025-MZ-004")), Json.Options)).ReadAsync<CaseView>();
        var applicant = await app.SignedIn(citizen.Phone);
        var id = await IdOfAsync(walkIn.Number);
        Assert.DoesNotContain("办理文书", await applicant.GetStringAsync($"/my/cases/{id}"), StringComparison.Ordinal); // nothing issued yet
        Assert.Equal(HttpStatusCode.NotFound, (await applicant.GetAsync($"/my/cases/{id}/notice/acceptance")).StatusCode);

        await CaseApi.Act(clerk, walkIn, "accept", new { });
        var page = await applicant.GetStringAsync($"/my/cases/{id}");
        Assert.Contains("办理文书", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/my/cases/{id}/notice/acceptance\"", page, StringComparison.Ordinal);
        var notices = (await (await applicant.GetAsync($"/api/v1/my/cases/{id}")).ReadJsonAsync()).GetProperty("notices");
        var acceptance = Assert.Single(notices.EnumerateArray());
        Assert.Equal("acceptance", acceptance.GetProperty("kind").GetString());
        Assert.Equal($"/my/cases/{id}/notice/acceptance", acceptance.GetProperty("url").GetString());

        // The applicant's document is the clerk's, word for word.
        var mine = await applicant.GetAsync($"/my/cases/{id}/notice/acceptance");
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Contains("no-store", mine.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var minesText = Article(await mine.Content.ReadAsStringAsync());
        Assert.Contains("受理通知书", minesText, StringComparison.Ordinal);
        Assert.Contains(walkIn.Number, minesText, StringComparison.Ordinal);
        Assert.Equal(Article(await clerk.GetStringAsync($"/workbench/cases/{walkIn.Number}/notice/acceptance")), minesText);
        Assert.Equal(HttpStatusCode.NotFound, (await applicant.GetAsync($"/my/cases/{id}/notice/decision")).StatusCode); // not decided yet

        // Nobody else: another applicant, the public, staff on the applicant's page.
        var other = await Accounts.SignedUpAsync(app, "13907358805", "林六", "431025198005050053");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/my/cases/{id}/notice/acceptance")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().GetAsync($"/my/cases/{id}/notice/acceptance")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await clerk.GetAsync($"/my/cases/{id}/notice/acceptance")).StatusCode);
    }

    private static string Article(string html) => html[html.IndexOf("<article", StringComparison.Ordinal)..(html.IndexOf("</article>", StringComparison.Ordinal) + 10)];

    private async Task<Guid> IdOfAsync(string number)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Cases.Where(c => c.Number == number).Select(c => c.Id).SingleAsync();
        }
    }

    private static object File(string material, string fileName, byte[] content) => new { material, fileName, contentBase64 = Convert.ToBase64String(content) };

    private async Task<List<(string Material, string File)>> FilesAsync(Guid id)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return [.. (await db.CaseFiles.Where(f => f.CaseId == id && f.RemovedAt == null).OrderBy(f => f.UploadedAt).Select(f => new { f.MaterialName, f.FileName }).ToListAsync())
                .Select(f => (f.MaterialName, f.FileName))];
        }
    }

    private async Task<Guid> FileIdAsync(Guid id, string fileName)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.CaseFiles.Where(f => f.CaseId == id && f.FileName == fileName && f.RemovedAt == null).Select(f => f.Id).SingleAsync();
        }
    }

    private async Task<int> RevisionAsync(Guid id) => (await CaseAsync(id)).Revision;

    private async Task<CaseStatus> StatusAsync(Guid id) => (await CaseAsync(id)).Status;

    private async Task<string> NumberAsync(Guid id) => (await CaseAsync(id)).Number;

    private async Task<Case> CaseAsync(Guid id)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id);
        }
    }

    /// <summary>The materials of the online form, in the order of its inputs m0, m1 …</summary>
    private static List<string> MaterialLabels(string form) =>
        [.. MaterialLabel().Matches(form).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim())];

    private static MultipartFormDataContent Multipart(string page, Dictionary<string, string> fields, params (string Input, string Name, byte[] Content)[] files)
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
        foreach (var (input, name, bytes) in files)
        {
            content.Add(new ByteArrayContent(bytes), input, name);
        }
        return content;
    }

    [GeneratedRegex(@"<label for=""m\d+"">([^<（]+)")]
    private static partial Regex MaterialLabel();

    [GeneratedRegex(@"name=""Revision"" value=""(\d+)""")]
    private static partial Regex RevisionField();

}
