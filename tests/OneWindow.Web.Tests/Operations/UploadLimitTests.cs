using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Operations;

/// <summary>What one request may carry: beyond the size limit the answer is 413 saying the upload is too large.</summary>
public sealed class UploadLimitTests : IDisposable
{
    private const string FoodLicence = "431025-SJ-003";

    private readonly OneWindowFactory _app = OneWindowFactory.WithSettings(new Dictionary<string, string>
    {
        ["Uploads:MaxRequestMegabytes"] = "1",
    });

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
    public void A_body_Kestrel_stops_for_its_size_is_titled_too_large_not_malformed()
    {
        // A body without Content-Length is stopped by Kestrel while it is read; the answer must say the same.
        var problem = ProblemMapping.ToProblem(new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge))!;
        Assert.Equal(413, problem.Status);
        Assert.StartsWith("上传内容过大", problem.Title);
    }
}
