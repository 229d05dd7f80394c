using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Operations;

/// <summary>
/// What one request may carry (beyond the size limit 413, saying the upload is too large) and how many files one upload
/// may have (one limit at the window and online).
/// </summary>
public sealed class UploadLimitTests : IDisposable
{
    private const string FoodLicence = "431025-SJ-003";
    private const string Material = "食品经营许可申请书";

    private readonly OneWindowFactory _app = OneWindowFactory.WithSettings(new Dictionary<string, string>
    {
        ["Uploads:MaxRequestMegabytes"] = "1",
        ["Uploads:MaxFilesPerUpload"] = "3",
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
        Assert.Contains("上传内容过大", html);
        Assert.DoesNotContain("出错了", html);

        var json = $$"""{"itemCode":"{{FoodLicence}}","phone":"13907350001","files":[{"material":"食品经营许可申请书","fileName":"a.pdf","contentBase64":"{{Convert.ToBase64String(big)}}"}]}""";
        var api = await applicant.PostAsync("/api/v1/my/cases", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, api.StatusCode);
        var problem = await api.ReadJsonAsync();
        Assert.StartsWith("上传内容过大", problem.GetProperty("title").GetString());
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
        Assert.Contains("一次最多上传 3 个文件", await intake.Content.ReadAsStringAsync());
        Assert.Equal(before, await CountAsync());

        var applicant = await _app.SignedIn(Modules.Organization.DemoCounty.DemoApplicant.Phone);
        var api = await StartAsync(applicant, Files(4, Png));
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("file.too-many", (await api.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(before, await CountAsync());
    }

    private static List<object> Files(int count, byte[] content) =>
        [.. Enumerable.Range(0, count).Select(i => (object)new { material = Material, fileName = $"f{i}{(content[0] == '%' ? ".pdf" : ".png")}", contentBase64 = Convert.ToBase64String(content) })];

    private static Task<HttpResponseMessage> StartAsync(HttpClient applicant, List<object> files) =>
        applicant.PostAsJsonAsync("/api/v1/my/cases", new { itemCode = FoodLicence, phone = "13907350001", files });

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
        Assert.StartsWith("上传内容过大", problem.Title);
    }
}
