using OneWindow.Web.Modules.Catalog;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Cases;

/// <summary>The clerk's case pages driven through their HTML forms, as a browser without JavaScript would.</summary>
public partial class CaseWorkbenchTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    [Fact]
    public async Task A_clerk_registers_a_walk_in_instant_case_and_concludes_it_on_the_spot()
    {
        var clerk = await app.SignedIn("clerk.mz");
        var form = await clerk.GetStringAsync("/workbench/cases/new?item=431025-MZ-004");
        Assert.Contains("本人户口簿", form, StringComparison.Ordinal); // the guide's checklist
        var registered = await clerk.PostAsync("/workbench/cases/new", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", OneWindowFactory.AntiforgeryToken(form)),
            new("Item", "431025-MZ-004"), new("ApplicantKind", "Person"), new("ApplicantName", "王五"),
            new("IdentityNumber", "44011320141005001x"), new("Phone", "13700000000"),
            .. DemoCatalog.RequiredMaterials("431025-MZ-004").Select(m => new KeyValuePair<string, string>("Provided", m)),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var url = registered.Headers.Location!.OriginalString;
        Assert.Matches(@"^/workbench/cases/431025-\d{8}-\d{5}$", url);

        var page = await clerk.GetStringAsync(url);
        Assert.Contains("即办：当场办结", page, StringComparison.Ordinal);
        Assert.Contains("440113********001X", page, StringComparison.Ordinal); // masked, normalized
        var concluded = await clerk.PostAsync(url, new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", OneWindowFactory.AntiforgeryToken(page)),
            new("action", "conclude-instantly"), new("Revision", Revision(page)), new("ResultNumber", "J431025-2026-000777"),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, concluded.StatusCode);
        var done = await clerk.GetStringAsync(url);
        Assert.Contains("已办结", done, StringComparison.Ordinal);
        Assert.Contains("记录链校验通过（5 条", done, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_id_number_is_shown_next_to_the_field_and_nothing_is_registered()
    {
        var clerk = await app.SignedIn("clerk.mz");
        var form = await clerk.GetStringAsync("/workbench/cases/new?item=431025-MZ-004");
        var response = await clerk.PostAsync("/workbench/cases/new", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", OneWindowFactory.AntiforgeryToken(form)),
            new("Item", "431025-MZ-004"), new("ApplicantKind", "Person"), new("ApplicantName", "王五"),
            new("IdentityNumber", "11010519491231001X"), new("Phone", "13700000000"),
        ]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("居民身份证号码有误", html, StringComparison.Ordinal);
        Assert.Contains("value=\"王五\"", html, StringComparison.Ordinal); // what was typed is kept
    }

    [Fact]
    public async Task A_refused_action_says_why_and_a_stale_form_does_not_act_twice()
    {
        var clerk = await app.SignedIn("clerk.mz");
        var c = await (await clerk.PostAsJsonAsync("/api/v1/cases", new RegisterApplication("431025-MZ-001", ApplicantKind.Person, "赵六", "11010519491231002X", "13600000000", MaterialsProvided: DemoCatalog.RequiredMaterials("431025-MZ-001")), Json.Options)).ReadAsync<CaseView>();
        var url = "/workbench/cases/" + c.Number;
        var page = await clerk.GetStringAsync(url);
        var token = OneWindowFactory.AntiforgeryToken(page);
        var rejectWithoutReason = await clerk.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("action", "reject"), new("Revision", Revision(page)), new("Reason", " ")]));
        Assert.Contains("不予受理须写明理由", await rejectWithoutReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var accepted = await clerk.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("action", "accept"), new("Revision", Revision(page))]));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var again = await clerk.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("action", "accept"), new("Revision", Revision(page))]));
        Assert.Contains("该案件刚刚被他人办理", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_inbox_pages_through_every_open_case_by_deadline_without_repeats()
    {
        var clerk = await app.SignedIn("clerk.mz");
        for (var i = 0; i < 90; i++) // pages of the inbox (30 a page), and over a page of the received ones alone (50)
        {
            var item = i % 2 == 0 ? "431025-MZ-001" : "431025-MZ-002";
            var response = await clerk.PostAsJsonAsync("/api/v1/cases", new RegisterApplication(item, ApplicantKind.Enterprise, $"协会{i}", "91350100M000100Y43", "0735-6361888", MaterialsProvided: DemoCatalog.RequiredMaterials(item)) { Form = DemoApplicationForms.SampleAnswers(item) }, Json.Options);
            var c = await response.ReadAsync<CaseView>();
            if (i % 3 == 0)
            {
                await clerk.PostAsJsonAsync($"/api/v1/cases/{c.Number}/accept", new { revision = c.Revision }, Json.Options);
            }
        }
        var seen = new List<string>();
        string? next = "/workbench/cases";
        var pages = 0;
        while (next is not null)
        {
            var html = await clerk.GetStringAsync(next);
            seen.AddRange(CaseLink().Matches(html).Select(m => m.Groups[1].Value));
            next = NextLink().Match(html) is { Success: true } m ? System.Net.WebUtility.HtmlDecode(m.Groups[1].Value) : null;
            pages++;
        }
        Assert.True(pages >= 2);
        Assert.True(seen.Count >= 90);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(await OpenNumbersAsync("clerk.mz", null), seen.Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await (await app.SignedIn("admin")).GetAsync("/workbench/cases")).StatusCode); // no case role

        // The supervisors' drill-down filtered by department and state pages the same way, each case once.
        var supervisor = await app.SignedIn("supervisor");
        var department = await DepartmentOfAsync("clerk.mz");
        var drilled = new List<string>();
        next = $"/supervision/cases?department={department}&status=Received";
        while (next is not null)
        {
            var html = await supervisor.GetStringAsync(next);
            drilled.AddRange(DrillLink().Matches(html).Select(m => m.Groups[1].Value));
            next = DrillNext().Match(html) is { Success: true } m ? System.Net.WebUtility.HtmlDecode(m.Groups[1].Value) : null;
        }
        Assert.True(drilled.Count > OneWindow.Web.Modules.Supervision.Center.OpenCasesModel.PageSize);
        Assert.Equal(await OpenNumbersAsync("clerk.mz", CaseStatus.Received), drilled.Order(StringComparer.Ordinal));
    }

    private async Task<Guid?> DepartmentOfAsync(string user)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Users.Where(u => u.UserName == user).Select(u => u.DepartmentId).SingleAsync();
        }
    }

    /// <summary>The open cases of the user's department (in a state), from the database: what paging must show, all of it.</summary>
    private async Task<List<string>> OpenNumbersAsync(string user, CaseStatus? status)
    {
        var department = await DepartmentOfAsync(user);
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var numbers = await db.Cases.Where(c => c.Open && c.DepartmentId == department && (status == null || c.Status == status)).Select(c => c.Number).ToListAsync();
            return [.. numbers.Order(StringComparer.Ordinal)];
        }
    }

    [Fact]
    public async Task Each_person_sees_only_the_actions_of_their_role_at_the_current_node()
    {
        var clerk = await app.SignedIn("clerk.mz");
        var c = await (await clerk.PostAsJsonAsync("/api/v1/cases", new RegisterApplication("431025-MZ-002", ApplicantKind.Person, "钱七", "11010519491231002X", "13600000000", MaterialsProvided: DemoCatalog.RequiredMaterials("431025-MZ-002")), Json.Options)).ReadAsync<CaseView>();
        await clerk.PostAsJsonAsync($"/api/v1/cases/{c.Number}/accept", new { revision = c.Revision }, Json.Options);
        var clerkPage = await clerk.GetStringAsync("/workbench/cases/" + c.Number);
        var reviewerPage = await (await app.SignedIn("reviewer.mz")).GetStringAsync("/workbench/cases/" + c.Number);
        var approverPage = await (await app.SignedIn("approver.mz")).GetStringAsync("/workbench/cases/" + c.Number);
        Assert.DoesNotContain("value=\"complete-node\"", clerkPage, StringComparison.Ordinal);
        Assert.Contains("value=\"complete-node\"", reviewerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"extend\"", reviewerPage, StringComparison.Ordinal);
        Assert.Contains("value=\"extend\"", approverPage, StringComparison.Ordinal);
    }

    private static string Revision(string html) => RevisionField().Match(html).Groups[1].Value;

    [GeneratedRegex(@"name=""Revision"" value=""(\d+)""")]
    private static partial Regex RevisionField();

    [GeneratedRegex(@"<a href=""/workbench/cases/(431025-\d{8}-\d{5})"">")]
    private static partial Regex CaseLink();

    [GeneratedRegex(@"<a href=""(/workbench/cases\?after=[^""]+)"">")]
    private static partial Regex NextLink();

    [GeneratedRegex(@"<a href=""/supervision/cases/(431025-\d{8}-\d{5})"">")]
    private static partial Regex DrillLink();

    [GeneratedRegex(@"<a class=""btn secondary"" href=""(/supervision/cases\?[^""]*after=[^""]+)"">")]
    private static partial Regex DrillNext();
}
