using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Modules.Supervision;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Supervision;

/// <summary>证照上报: a department's system reports what it issued; one without a case in the platform is a red card.</summary>
public class CertificateTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private static object Report(string number, string? caseNumber = null, string item = "431025-MZ-004") =>
        new { number, itemCode = item, holderName = "张三", issuedAt = OneWindowFactory.DefaultNow.UtcDateTime.AddHours(-1), caseNumber };

    private async Task<List<SupervisionAlert>> RedCards(string number)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.SupervisionAlerts.AsNoTracking().Where(a => a.Key == "certificate/" + number).ToListAsync();
        }
    }

    [Fact]
    public async Task A_certificate_issued_on_a_platform_case_is_matched_and_raises_nothing()
    {
        var clerk = await app.SignedIn("clerk.mz");
        var c = await CaseApi.Register(clerk, "431025-MZ-004", "钱甲");
        await CaseApi.Act(clerk, c, "conclude-instantly", new { resultNumber = "JH-2026-0101" });

        var response = await clerk.PostAsJsonAsync("/api/v1/certificates", Report("JH-2026-0101"), Json.Options);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var result = await response.ReadAsync<CertificateChecked>();
        Assert.Equal(c.Number, result.MatchedCase);
        Assert.False(result.AlertRaised);
        Assert.Empty(await RedCards("JH-2026-0101"));
    }

    [Fact]
    public async Task A_certificate_with_no_case_behind_it_raises_a_red_card_for_the_department_once()
    {
        var clerk = await app.SignedIn("clerk.mz");
        var result = await (await clerk.PostAsJsonAsync("/api/v1/certificates", Report("JH-2026-0999"), Json.Options)).ReadAsync<CertificateChecked>();
        Assert.True(result.AlertRaised);
        var red = Assert.Single(await RedCards("JH-2026-0999"));
        Assert.Equal((SupervisionRule.CertificateWithoutCase, AlertSeverity.Red), (red.Rule, red.Severity));

        var again = await clerk.PostAsJsonAsync("/api/v1/certificates", Report("JH-2026-0999"), Json.Options);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("certificate.duplicate", (await again.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Single(await RedCards("JH-2026-0999"));
    }

    [Fact]
    public async Task Bad_reports_are_refused_with_problem_details_and_another_departments_items_are_forbidden()
    {
        var clerk = await app.SignedIn("clerk.mz");
        var noItem = await clerk.PostAsJsonAsync("/api/v1/certificates", Report("JH-X-1", item: "NO-SUCH-ITEM"), Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, noItem.StatusCode);
        var future = await clerk.PostAsJsonAsync("/api/v1/certificates", new { number = "JH-X-2", itemCode = "431025-MZ-004", holderName = "张三", issuedAt = "2099-01-01T00:00:00Z" }, Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        var other = await (await app.SignedIn("reviewer.sj")).PostAsJsonAsync("/api/v1/certificates", Report("JH-X-3"), Json.Options);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsJsonAsync("/api/v1/certificates", Report("JH-X-4"), Json.Options)).StatusCode);
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            Assert.False(await db.IssuedCertificates.AnyAsync(c => c.Number.StartsWith("JH-X-")));
        }
    }
}
