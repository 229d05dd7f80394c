using OneWindow.Web.Modules.Audit;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Cases;

/// <summary>ID numbers and phones are masked wherever shown; the full value is an explicit, audited request by staff entitled to it.</summary>
public class PersonalDataTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private const string FullId = "11010519491231002X";

    [Fact]
    public async Task The_case_page_masks_until_the_clerk_asks_with_a_reason_and_the_asking_is_audited()
    {
        var clerk = await app.SignedIn("clerk.mz");
        var c = await CaseApi.Register(clerk, "431025-MZ-002", "隐私");
        var page = await clerk.GetStringAsync("/workbench/cases/" + c.Number);
        Assert.DoesNotContain(FullId, page, StringComparison.Ordinal);
        Assert.Contains("110105********002X", page, StringComparison.Ordinal);
        Assert.DoesNotContain("13800000000", page, StringComparison.Ordinal);
        Assert.Equal(0, await ViewsAsync(c.Number));

        // Without a reason: refused, nothing shown, nothing recorded.
        var unexplained = await Forms.PostAsync(clerk, "/workbench/cases/" + c.Number, new Dictionary<string, string>(), $"/workbench/cases/{c.Number}?handler=Reveal");
        Assert.DoesNotContain(FullId, await unexplained.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await ViewsAsync(c.Number));

        var revealed = await Forms.PostAsync(clerk, "/workbench/cases/" + c.Number, new Dictionary<string, string> { ["RevealReason"] = "电话联系申请人补正" },
            $"/workbench/cases/{c.Number}?handler=Reveal");
        var html = await revealed.Content.ReadAsStringAsync();
        Assert.Contains(FullId, html, StringComparison.Ordinal);
        Assert.Contains("13800000000", html, StringComparison.Ordinal);
        Assert.True(revealed.Headers.CacheControl?.NoStore, "a page with the full values must not be cached");
        Assert.Equal(1, await ViewsAsync(c.Number));
        Assert.Contains("电话联系申请人补正", (await LastViewAsync(c.Number)).Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_gives_the_full_applicant_only_to_a_post_with_a_reason_never_to_a_get()
    {
        var clerk = await app.SignedIn("clerk.mz");
        var c = await CaseApi.Register(clerk, "431025-MZ-002", "隐私接口");
        Assert.Equal("110105********002X", (await (await clerk.GetAsync("/api/v1/cases/" + c.Number)).ReadAsync<CaseView>()).ApplicantIdNumber);

        // A GET (a link from another site, a prefetch) never looks anyone up and never writes an audit entry.
        var get = await clerk.GetAsync($"/api/v1/cases/{c.Number}/applicant");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.DoesNotContain(FullId, await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var body in new[] { "{}", """{"reason":""}""", """{"reason":"   "}""" })
        {
            var refused = await clerk.PostAsync($"/api/v1/cases/{c.Number}/applicant", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }
        Assert.Equal(0, await ViewsAsync(c.Number));

        var answer = await clerk.PostAsJsonAsync($"/api/v1/cases/{c.Number}/applicant", new { reason = "核对申请人身份" });
        var full = await answer.ReadAsync<ApplicantInFull>();
        Assert.Equal((FullId, "13800000000"), (full.IdentityNumber, full.Phone));
        Assert.True(answer.Headers.CacheControl?.NoStore, "the full values must not be cached");
        Assert.Equal(1, await ViewsAsync(c.Number));
        Assert.Contains("核对申请人身份", (await LastViewAsync(c.Number)).Details, StringComparison.Ordinal);

        // Staff of another department may not, and their attempt reveals and records nothing.
        var other = await app.SignedIn("reviewer.sj");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync($"/api/v1/cases/{c.Number}/applicant", new { reason = "好奇" })).StatusCode);
        Assert.Equal(1, await ViewsAsync(c.Number));
        var audit = await (await app.SignedIn("admin")).GetStringAsync("/admin/audit");
        Assert.Contains(PersonalData.ViewedAction, audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_staff_list_masks_the_citizens_accounts()
    {
        var page = await (await app.SignedIn("admin")).GetStringAsync("/admin/org/staff");
        var citizen = Modules.Organization.DemoCounty.DemoApplicant;
        Assert.DoesNotContain(citizen.Phone, page, StringComparison.Ordinal);
        Assert.DoesNotContain(citizen.Name, page, StringComparison.Ordinal);
        Assert.Contains("*******" + citizen.Phone[^4..], page, StringComparison.Ordinal);
        Assert.Contains(citizen.Name[..1] + new string('*', citizen.Name.Length - 1), page, StringComparison.Ordinal);
        // Staff are listed by their working names as before.
        Assert.Contains("clerk.mz", page, StringComparison.Ordinal);
    }

    private async Task<OneWindow.Web.Modules.Audit.AuditEntry> LastViewAsync(string number)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.AuditEntries.Where(a => a.EntityKey == number && a.Action == PersonalData.ViewedAction).OrderByDescending(a => a.Id).FirstAsync();
        }
    }

    private async Task<int> ViewsAsync(string number)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.AuditEntries.CountAsync(a => a.EntityKey == number && a.Action == PersonalData.ViewedAction);
        }
    }
}
