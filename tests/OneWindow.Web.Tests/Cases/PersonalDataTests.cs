using System.Net;
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
    public async Task The_case_page_masks_until_the_clerk_asks_and_the_asking_is_audited()
    {
        var clerk = await app.SignedIn("clerk.mz");
        var c = await CaseApi.Register(clerk, "431025-MZ-002", "隐私");
        var page = await clerk.GetStringAsync("/workbench/cases/" + c.Number);
        Assert.DoesNotContain(FullId, page, StringComparison.Ordinal);
        Assert.Contains("110105********002X", page, StringComparison.Ordinal);
        Assert.DoesNotContain("13800000000", page, StringComparison.Ordinal);
        Assert.Equal(0, await ViewsAsync(c.Number));

        var revealed = await Forms.PostAsync(clerk, "/workbench/cases/" + c.Number, new Dictionary<string, string>(), $"/workbench/cases/{c.Number}?handler=Reveal");
        var html = await revealed.Content.ReadAsStringAsync();
        Assert.Contains(FullId, html, StringComparison.Ordinal);
        Assert.Contains("13800000000", html, StringComparison.Ordinal);
        Assert.Equal(1, await ViewsAsync(c.Number));

        // The API the same way: the case masks, the applicant endpoint gives the full values and is audited.
        Assert.Equal("110105********002X", (await (await clerk.GetAsync("/api/v1/cases/" + c.Number)).ReadAsync<CaseView>()).ApplicantIdNumber);
        var full = await (await clerk.GetAsync($"/api/v1/cases/{c.Number}/applicant")).ReadAsync<ApplicantInFull>();
        Assert.Equal((FullId, "13800000000"), (full.IdentityNumber, full.Phone));
        Assert.Equal(2, await ViewsAsync(c.Number));

        // Staff of another department may not, and their attempt reveals and records nothing.
        var other = await app.SignedIn("reviewer.sj");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/cases/{c.Number}/applicant")).StatusCode);
        Assert.Equal(2, await ViewsAsync(c.Number));
        var audit = await (await app.SignedIn("admin")).GetStringAsync("/admin/audit");
        Assert.Contains(PersonalData.ViewedAction, audit, StringComparison.Ordinal);
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
