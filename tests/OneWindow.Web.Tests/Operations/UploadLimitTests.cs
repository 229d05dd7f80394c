using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Operations;

/// <summary>
/// What one request may carry (beyond the size limit 413, saying the upload is too large), how many files one upload
/// may have (one limit at the window and online), and what one applicant may keep: drafts, files per application,
/// megabytes over the applications in their hands.
/// </summary>
public sealed class UploadLimitTests : IDisposable
{
    private const string FoodLicence = "431025-SJ-003";
    private const string Material = "食品经营许可申请书";

    private readonly OneWindowFactory _app = OneWindowFactory.WithSettings(new Dictionary<string, string>
    {
        ["Uploads:MaxRequestMegabytes"] = "1",
        ["Uploads:MaxFilesPerUpload"] = "3",
        ["Uploads:MaxFilesPerCase"] = "5",
        ["Uploads:MaxMegabytesPerApplicant"] = "1",
        ["Uploads:MaxOpenDrafts"] = "2",
    });

    /// <summary>A real 1×1 PNG, so that an upload passes the content check.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_request_over_the_size_limit_is_413_saying_the_upload_is_too_large_on_the_page_and_the_api()
    {
        var applicant = await _app.SignedIn(Modules.Organization.DemoCounty.DemoApplicant.Phone);
        var big = new byte[1_200_000];
        "%PDF-1.4\n"u8.CopyTo(big);

        var form = await applicant.GetStringAsync($"/my/apply?item={FoodLicence}");
        var page = await applicant.PostAsync($"/my/apply?item={FoodLicence}", new MultipartFormDataContent
        {
            { new StringContent(OneWindowFactory.AntiforgeryToken(form)), "__RequestVerificationToken" },
            { new StringContent("13907350001"), "Form.Phone" },
            { new ByteArrayContent(big), "m0", "scan.pdf" },
        });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("上传内容过大", html, StringComparison.Ordinal);
        Assert.DoesNotContain("出错了", html, StringComparison.Ordinal);

        var json = $$"""{"itemCode":"{{FoodLicence}}","phone":"13907350001","files":[{"material":"食品经营许可申请书","fileName":"a.pdf","contentBase64":"{{Convert.ToBase64String(big)}}"}]}""";
        var api = await applicant.PostAsync("/api/v1/my/cases", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, api.StatusCode);
        var problem = await api.ReadJsonAsync();
        Assert.StartsWith("上传内容过大", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal("request.too-large", problem.GetProperty("code").GetString());

        // Nothing was started.
        var db = _app.NewDbContext(out var scope);
        using (scope)
        {
            Assert.Equal(0, await db.Cases.CountAsync(c => c.Status == Domain.Cases.CaseStatus.Draft));
            Assert.Equal(0, await db.CaseFiles.CountAsync());
        }
    }

    [Fact]
    public async Task The_window_intake_and_the_api_share_one_limit_on_the_files_of_one_upload()
    {
        var clerk = await _app.SignedIn("clerk.mz");
        var before = await CountAsync();
        var page = await clerk.GetStringAsync("/workbench/cases/new?item=431025-MZ-002");
        var form = new MultipartFormDataContent
        {
            { new StringContent(OneWindowFactory.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent("431025-MZ-002"), "Item" }, { new StringContent("Person"), "ApplicantKind" }, { new StringContent("张三"), "ApplicantName" },
            { new StringContent("11010519491231002X"), "IdentityNumber" }, { new StringContent("13800000000"), "Phone" },
        };
        for (var i = 0; i < 4; i++)
        {
            form.Add(new ByteArrayContent(Png), "m0", $"scan{i}.png");
        }
        var intake = await clerk.PostAsync("/workbench/cases/new?item=431025-MZ-002", form);
        Assert.Equal(HttpStatusCode.OK, intake.StatusCode); // the form again, with the message, not a new case
        Assert.Contains("一次最多上传 3 个文件", await intake.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());

        var applicant = await _app.SignedIn(Modules.Organization.DemoCounty.DemoApplicant.Phone);
        var api = await StartAsync(applicant, Files(4, Png));
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("file.too-many", (await api.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task An_applicant_keeps_only_so_many_drafts_even_when_starting_them_all_at_once()
    {
        var applicant = await _app.SignedIn(Modules.Organization.DemoCounty.DemoApplicant.Phone);
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => StartAsync(applicant, Files(1, Png))));
        Assert.Equal(2, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        var refused = answers.First(a => a.StatusCode != HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.ReadJsonAsync();
        Assert.Equal("applicant.too-many-drafts", problem.GetProperty("code").GetString());
        Assert.Contains("未提交的草稿", problem.GetProperty("title").GetString(), StringComparison.Ordinal);

        // The page says the same in words.
        var form = await applicant.GetStringAsync($"/my/apply?item={FoodLicence}");
        var page = await applicant.PostAsync($"/my/apply?item={FoodLicence}", new MultipartFormDataContent
        {
            { new StringContent(OneWindowFactory.AntiforgeryToken(form)), "__RequestVerificationToken" }, { new StringContent("13907350001"), "Form.Phone" },
        });
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("请先提交或删除不需要的草稿", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A discarded draft frees its place.
        var draft = await answers.First(a => a.StatusCode == HttpStatusCode.Created).ReadJsonAsync();
        var discarded = await applicant.PostAsJsonAsync($"/api/v1/my/cases/{draft.GetProperty("id").GetString()}/withdraw",
            new { revision = draft.GetProperty("revision").GetInt32(), reason = "不办了" });
        Assert.Equal(HttpStatusCode.OK, discarded.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await StartAsync(applicant, [])).StatusCode);
    }

    [Fact]
    public async Task An_application_holds_only_so_many_files_and_an_applicant_only_so_many_megabytes()
    {
        var applicant = await _app.SignedIn(Modules.Organization.DemoCounty.DemoApplicant.Phone);
        var draft = await (await StartAsync(applicant, Files(3, Png))).ReadJsonAsync();
        var id = draft.GetProperty("id").GetString();
        var revision = draft.GetProperty("revision").GetInt32();
        var saved = await SaveAsync(applicant, id, revision, Files(2, Png));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode); // five: as many as one application may hold
        var sixth = await SaveAsync(applicant, id, (await saved.ReadJsonAsync()).GetProperty("revision").GetInt32(), Files(1, Png));
        Assert.Equal(HttpStatusCode.BadRequest, sixth.StatusCode);
        var problem = await sixth.ReadJsonAsync();
        Assert.Equal("file.case-quota", problem.GetProperty("code").GetString());
        Assert.Contains("一件申请最多上传 5 个文件", problem.GetProperty("title").GetString(), StringComparison.Ordinal);

        // 600 KB in a second draft fits the applicant's megabyte; another 600 KB does not, and is not kept.
        var scan = new byte[600 * 1024];
        "%PDF-1.4\n"u8.CopyTo(scan);
        var second = await StartAsync(applicant, Files(1, scan));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var more = await StartAsync(applicant, []); // a third draft is refused anyway: two at most
        Assert.Equal(HttpStatusCode.Conflict, more.StatusCode);
        var secondDraft = await second.ReadJsonAsync();
        var over = await SaveAsync(applicant, secondDraft.GetProperty("id").GetString(), secondDraft.GetProperty("revision").GetInt32(), Files(1, scan));
        Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
        Assert.Equal("file.applicant-quota", (await over.ReadJsonAsync()).GetProperty("code").GetString());
        var db = _app.NewDbContext(out var scope);
        using (scope)
        {
            Assert.Equal(6, await db.CaseFiles.CountAsync());
        }
    }

    private static List<object> Files(int count, byte[] content) =>
        [.. Enumerable.Range(0, count).Select(i => (object)new { material = Material, fileName = $"f{i}{(content[0] == '%' ? ".pdf" : ".png")}", contentBase64 = Convert.ToBase64String(content) })];

    private static Task<HttpResponseMessage> StartAsync(HttpClient applicant, List<object> files) =>
        applicant.PostAsJsonAsync("/api/v1/my/cases", new { itemCode = FoodLicence, phone = "13907350001", files });

    private static Task<HttpResponseMessage> SaveAsync(HttpClient applicant, string? id, int revision, List<object> files) =>
        applicant.PostAsJsonAsync($"/api/v1/my/cases/{id}/save", new { revision, phone = "13907350001", files });

    private async Task<int> CountAsync()
    {
        var db = _app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Cases.CountAsync();
        }
    }

    [Fact]
    public void A_body_Kestrel_stops_for_its_size_is_titled_too_large_not_malformed()
    {
        // A body without Content-Length is stopped by Kestrel while it is read; the answer must say the same.
        var problem = ProblemMapping.ToProblem(new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge))!;
        Assert.Equal(413, problem.Status);
        Assert.StartsWith("上传内容过大", problem.Title, StringComparison.Ordinal);
    }
}

/// <summary>
/// What an applicant holds is not all they may upload: a discarded draft frees its place but keeps its files, so
/// discarding and starting again must not reset the quota. Applications started, files and megabytes uploaded in 24
/// hours are bounded too.
/// </summary>
public sealed class DailyUploadQuotaTests : IDisposable
{
    private const string FoodLicence = "431025-SJ-003";
    private const string Material = "食品经营许可申请书";

    private readonly OneWindowFactory _app = OneWindowFactory.WithSettings(new Dictionary<string, string>
    {
        ["Uploads:MaxRequestMegabytes"] = "2",
        ["Uploads:MaxMegabytesPerApplicant"] = "1",
        ["Uploads:MaxOpenDrafts"] = "1",
        ["Uploads:MaxDraftsPerDay"] = "4",
        ["Uploads:MaxMegabytesPerApplicantPerDay"] = "2",
        ["Uploads:MaxFilesPerApplicantPerDay"] = "100",
    });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Discarding_drafts_and_starting_again_does_not_reset_what_an_applicant_may_upload_in_a_day()
    {
        var applicant = await _app.SignedIn(Modules.Organization.DemoCounty.DemoApplicant.Phone);
        var scan = new byte[600 * 1024];
        "%PDF-1.4\n"u8.CopyTo(scan);

        // Three drafts of 600 KB, each discarded before the next: each fits what the applicant holds (1 MB, one draft).
        for (var i = 0; i < 3; i++)
        {
            var started = await StartAsync(applicant, scan);
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);
            await DiscardAsync(applicant, await started.ReadJsonAsync());
        }
        // A fourth 600 KB would make 2.4 MB in a day: refused, and nothing of it is kept.
        var over = await StartAsync(applicant, scan);
        Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
        var problem = await over.ReadJsonAsync();
        Assert.Equal("file.daily-quota", problem.GetProperty("code").GetString());
        Assert.Contains("24 小时内上传的文件", problem.GetProperty("title").GetString(), StringComparison.Ordinal);

        // Without files a fourth application may start, but not a fifth, though none is kept.
        var fourth = await StartAsync(applicant, null);
        Assert.Equal(HttpStatusCode.Created, fourth.StatusCode);
        await DiscardAsync(applicant, await fourth.ReadJsonAsync());
        var fifth = await StartAsync(applicant, null);
        Assert.Equal(HttpStatusCode.Conflict, fifth.StatusCode);
        Assert.Equal("applicant.daily-drafts", (await fifth.ReadJsonAsync()).GetProperty("code").GetString());

        // A day later the applicant may start and upload again.
        _app.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        applicant = await _app.SignedIn(Modules.Organization.DemoCounty.DemoApplicant.Phone); // the sign-in lasted eight hours
        Assert.Equal(HttpStatusCode.Created, (await StartAsync(applicant, scan)).StatusCode);
    }

    private static Task<HttpResponseMessage> StartAsync(HttpClient applicant, byte[]? content) =>
        applicant.PostAsJsonAsync("/api/v1/my/cases", new
        {
            itemCode = FoodLicence, phone = "13907350001",
            files = content is null ? [] : new[] { new { material = Material, fileName = "scan.pdf", contentBase64 = Convert.ToBase64String(content) } },
        });

    private static async Task DiscardAsync(HttpClient applicant, System.Text.Json.JsonElement draft)
    {
        var discarded = await applicant.PostAsJsonAsync($"/api/v1/my/cases/{draft.GetProperty("id").GetString()}/withdraw",
            new { revision = draft.GetProperty("revision").GetInt32(), reason = "不办了" });
        Assert.Equal(HttpStatusCode.OK, discarded.StatusCode);
    }
}
