using OneWindow.Web.Modules.Catalog;
using System.Net;
using System.Net.Http.Json;
using OneWindow.Domain.Cases;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Cases;

public class TrackingAndNoticeTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private async Task<(HttpClient Clerk, CaseView Case)> CorrectionCaseAsync()
    {
        var clerk = await app.SignedIn("clerk.mz");
        var c = await (await clerk.PostAsJsonAsync("/api/v1/cases", new RegisterApplication("431025-MZ-001", ApplicantKind.Person, "孙八", "11010519491231002X", "13812345678", MaterialsProvided: DemoCatalog.RequiredMaterials("431025-MZ-001")), Json.Options)).ReadAsync<CaseView>();
        c = await (await clerk.PostAsJsonAsync($"/api/v1/cases/{c.Number}/correction", new { revision = c.Revision, missing = new[] { "验资报告", "住所使用权证明" } }, Json.Options)).ReadAsync<CaseView>();
        return (clerk, c);
    }

    [Fact]
    public async Task Anyone_tracks_a_case_with_its_number_and_the_last_four_digits_of_the_phone()
    {
        var (_, c) = await CorrectionCaseAsync();
        var html = await app.Anonymous().GetStringAsync($"/track?number={c.Number}&tail=5678");
        Assert.Contains("待补正", html, StringComparison.Ordinal);
        Assert.Contains("验资报告", html, StringComparison.Ordinal);
        Assert.DoesNotContain("王敏", html, StringComparison.Ordinal); // no staff names for the public
        var byId = await app.Anonymous().GetStringAsync($"/track?number={c.Number}&tail=002x");
        Assert.Contains("待补正", byId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_tail_answers_exactly_like_an_unknown_number()
    {
        var (_, c) = await CorrectionCaseAsync();
        var wrong = await app.Anonymous().GetStringAsync($"/track?number={c.Number}&tail=0000");
        var unknown = await app.Anonymous().GetStringAsync("/track?number=431025-20000101-00001&tail=5678");
        Assert.Contains("没有查到该办件", wrong, StringComparison.Ordinal);
        Assert.Contains("没有查到该办件", unknown, StringComparison.Ordinal);
        Assert.DoesNotContain(c.ItemName, wrong, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_one_time_notice_lists_everything_missing_with_the_case_number_and_a_QR_code()
    {
        var (clerk, c) = await CorrectionCaseAsync();
        var html = await clerk.GetStringAsync($"/workbench/cases/{c.Number}/notice/correction");
        Assert.Contains("补正材料一次性告知书", html, StringComparison.Ordinal);
        Assert.Contains("第三十二条第一款第（四）项", html, StringComparison.Ordinal);
        Assert.Contains("住所使用权证明", html, StringComparison.Ordinal);
        Assert.Contains(c.Number, html, StringComparison.Ordinal);
        Assert.Contains("src=\"data:image/png;base64,", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/workbench/cases/{c.Number}/notice/decision")).StatusCode); // not decided
    }

    [Fact]
    public async Task A_granted_licence_is_verified_through_the_QR_page_and_a_forged_number_is_not()
    {
        var clerk = await app.SignedIn("clerk.mz");
        var c = await (await clerk.PostAsJsonAsync("/api/v1/cases", new RegisterApplication("431025-MZ-004", ApplicantKind.Person, "周九", "11010519491231002X", "13800000000", MaterialsProvided: DemoCatalog.RequiredMaterials("431025-MZ-004")), Json.Options)).ReadAsync<CaseView>();
        await clerk.PostAsJsonAsync($"/api/v1/cases/{c.Number}/conclude-instantly", new { revision = c.Revision, resultNumber = "J431025-2026-009999" }, Json.Options);
        var decision = await clerk.GetStringAsync($"/workbench/cases/{c.Number}/notice/decision");
        Assert.Contains("准予行政许可决定书", decision, StringComparison.Ordinal);
        var ok = await app.Anonymous().GetStringAsync($"/verify/{c.Number}?result=J431025-2026-009999");
        Assert.Contains("核验通过", ok, StringComparison.Ordinal);
        Assert.Contains("周*", ok, StringComparison.Ordinal);
        var forged = await app.Anonymous().GetStringAsync($"/verify/{c.Number}?result=J431025-2026-000000");
        Assert.Contains("未查到", forged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_citizen_verifies_a_certificate_by_typing_its_number_and_the_API_answers_the_same()
    {
        var empty = await app.Anonymous().GetStringAsync("/verify");
        Assert.Contains("name=\"result\"", empty, StringComparison.Ordinal); // a form to type into, not a 404
        var clerk = await app.SignedIn("clerk.mz");
        var c = await (await clerk.PostAsJsonAsync("/api/v1/cases", new RegisterApplication("431025-MZ-004", ApplicantKind.Person, "周九", "11010519491231002X", "13800000000", MaterialsProvided: DemoCatalog.RequiredMaterials("431025-MZ-004")), Json.Options)).ReadAsync<CaseView>();
        await clerk.PostAsJsonAsync($"/api/v1/cases/{c.Number}/conclude-instantly", new { revision = c.Revision, resultNumber = "J431025-2026-007777" }, Json.Options);

        var typed = await app.Anonymous().GetStringAsync("/verify?result=J431025-2026-007777");
        Assert.Contains("核验通过", typed, StringComparison.Ordinal);
        Assert.Contains(c.Number, typed, StringComparison.Ordinal);
        var api = await app.Anonymous().GetFromJsonAsync<VerifiedResult>("/api/v1/verify?result=J431025-2026-007777", Json.Options);
        Assert.Equal(c.Number, api!.Number);
        Assert.Equal("周*", api.HolderName);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/api/v1/verify?result=J431025-2026-000001")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/api/v1/verify?result=J431025-2026-007777&number=431025-20000101-00001")).StatusCode);
    }
}
