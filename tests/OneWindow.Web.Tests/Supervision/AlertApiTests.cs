using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Modules.Supervision;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Supervision;

/// <summary>
/// <c>/api/v1/supervision/alerts</c> drives the alert page's flow — the department answers, a supervisor closes or
/// sends back — with the page's scope, revisions and rules.
/// </summary>
public class AlertApiTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private const string Alerts = "/api/v1/supervision/alerts";

    /// <summary>A denial without a cited legal basis: a NoLegalBasis card for 民政局 at once.</summary>
    private async Task<SupervisionAlert> DeniedWithoutLegalBasis(string applicant)
    {
        var clerk = await app.SignedIn("clerk.mz");
        var c = await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-MZ-002", applicant), "accept", new { });
        c = await CaseApi.Act(await app.SignedIn("reviewer.mz"), c, "complete-node", new { opinion = "材料不实" });
        await CaseApi.Act(await app.SignedIn("approver.mz"), c, "decide", new { outcome = "Deny", reason = "不符合条件" });
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.SupervisionAlerts.AsNoTracking().SingleAsync(a => a.SubjectNumber == c.Number);
        }
    }

    private static async Task<AlertView> Ok(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<AlertView>();
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task The_department_answers_through_the_api_and_a_supervisor_closes_while_another_department_is_refused()
    {
        var alert = await DeniedWithoutLegalBasis("李三");
        var url = $"{Alerts}/{alert.Id}";
        var reviewer = await app.SignedIn("reviewer.mz");

        // Another department's staff neither see nor answer it (403, as the page answers).
        var outsider = await app.SignedIn("reviewer.sj");
        Assert.Equal("alert.out-of-scope", (await Problem(await outsider.GetAsync(url), HttpStatusCode.Forbidden)).GetProperty("code").GetString());
        Assert.Equal("alert.out-of-scope", (await Problem(await outsider.PostAsJsonAsync(url + "/answer",
            new AlertAnswerRequest(alert.Revision, AlertResponse.Explained, "越权说明"), Json.Options), HttpStatusCode.Forbidden)).GetProperty("code").GetString());

        var seen = await Ok(await reviewer.GetAsync(url));
        Assert.Equal(SupervisionRule.NoLegalBasis, seen.Rule);
        Assert.Equal("临武县民政局", seen.DepartmentName);
        Assert.Equal(["answer"], seen.AvailableActions);
        // About a case: the subject's fields name it, and the case's fields stay for the clients that read them.
        Assert.Equal((alert.SubjectNumber, alert.SubjectTitle), (seen.CaseNumber, seen.ItemName));
        Assert.Equal((SubjectKind.Case, seen.CaseNumber, seen.ItemName), (seen.SubjectKind!.Value, seen.SubjectNumber, seen.SubjectTitle));
        var listed = (await reviewer.GetStringAsync(Alerts)).Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains($"\"caseNumber\":\"{seen.CaseNumber}\"", listed, StringComparison.Ordinal);
        Assert.Contains($"\"subjectKind\":\"Case\",\"subjectNumber\":\"{seen.CaseNumber}\"", listed, StringComparison.Ordinal);

        // A supervisor may not close before the answer: the rule's code, nothing changed.
        var supervisor = await app.SignedIn("supervisor");
        Assert.Equal(["raised", "notified"], (await Ok(await supervisor.GetAsync(url))).History.Select(h => h.Action));
        Assert.Equal("alert.not-responded", (await Problem(await supervisor.PostAsJsonAsync(url + "/close", new AlertReviewRequest(seen.Revision, "x"), Json.Options), HttpStatusCode.Conflict))
            .GetProperty("code").GetString());

        // Bad input: a blank answer is a 400 for the field, an answer without its kind a 400 from the binder.
        var blank = await Problem(await reviewer.PostAsJsonAsync(url + "/answer", new AlertAnswerRequest(seen.Revision, AlertResponse.Rectified, "  "), Json.Options), HttpStatusCode.BadRequest);
        Assert.True(blank.GetProperty("errors").TryGetProperty("text", out _), blank.ToString());
        await Problem(await reviewer.PostAsJsonAsync(url + "/answer", new { revision = seen.Revision, text = "缺少类型" }, Json.Options), HttpStatusCode.BadRequest);

        var answered = await Ok(await reviewer.PostAsJsonAsync(url + "/answer",
            new AlertAnswerRequest(seen.Revision, AlertResponse.Rectified, "已补充《民办非企业单位登记管理暂行条例》第十二条作为依据并重新送达"), Json.Options));
        Assert.Equal(AlertStatus.Responded, answered.Status);
        Assert.Equal(AlertResponse.Rectified, answered.Response);
        Assert.Empty(answered.AvailableActions);

        // An answer made from what was read before is stale: 409, and the first answer stands.
        Assert.Equal("concurrency.conflict", (await Problem(await reviewer.PostAsJsonAsync(url + "/answer",
            new AlertAnswerRequest(seen.Revision, AlertResponse.Explained, "另一说明"), Json.Options), HttpStatusCode.Conflict)).GetProperty("code").GetString());

        // A leader watches but does not review; the door says so before the alert is read.
        var leader = await app.SignedIn("leader");
        Assert.Empty((await Ok(await leader.GetAsync(url))).AvailableActions);
        await Problem(await leader.PostAsJsonAsync(url + "/close", new AlertReviewRequest(answered.Revision), Json.Options), HttpStatusCode.Forbidden);

        Assert.Equal(["close", "send-back"], (await Ok(await supervisor.GetAsync(url))).AvailableActions);
        var closed = await Ok(await supervisor.PostAsJsonAsync(url + "/close", new AlertReviewRequest(answered.Revision, "整改到位"), Json.Options));
        Assert.Equal(AlertStatus.Closed, closed.Status);
        Assert.Equal("整改到位", closed.ReviewNote);
        Assert.Equal(["raised", "notified", "rectified", "closed"], closed.History.Select(h => h.Action));
    }

    [Fact]
    public async Task An_answer_sent_back_needs_a_reason_and_is_answered_again()
    {
        var alert = await DeniedWithoutLegalBasis("王五");
        var url = $"{Alerts}/{alert.Id}";
        var approver = await app.SignedIn("approver.mz");
        var answered = await Ok(await approver.PostAsJsonAsync(url + "/answer", new AlertAnswerRequest(alert.Revision, AlertResponse.Explained, "申请材料确不符合条件"), Json.Options));

        var supervisor = await app.SignedIn("supervisor");
        var noReason = await Problem(await supervisor.PostAsJsonAsync(url + "/send-back", new AlertReviewRequest(answered.Revision), Json.Options), HttpStatusCode.BadRequest);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("note", out _), noReason.ToString());
        var tooLong = await Problem(await supervisor.PostAsJsonAsync(url + "/send-back", new AlertReviewRequest(answered.Revision, new string('长', 2001)), Json.Options), HttpStatusCode.BadRequest);
        Assert.Equal("input.too-long", tooLong.GetProperty("code").GetString());

        var sentBack = await Ok(await supervisor.PostAsJsonAsync(url + "/send-back", new AlertReviewRequest(answered.Revision, "未写明所依据的法律条款"), Json.Options));
        Assert.Equal(AlertStatus.Notified, sentBack.Status);
        Assert.Equal(["answer"], (await Ok(await approver.GetAsync(url))).AvailableActions);
    }

    [Fact]
    public async Task The_list_is_the_pages_list_a_departments_own_alerts_for_its_staff_and_all_for_supervisors_paged_by_key()
    {
        var alert = await DeniedWithoutLegalBasis("赵六");
        var own = await (await (await app.SignedIn("reviewer.mz")).GetAsync($"{Alerts}?status=Notified")).ReadAsync<AlertPage>();
        var mine = Assert.Single(own.Items, a => a.Id == alert.Id);
        Assert.Equal("不予受理或不予许可未引用法律依据", mine.RuleName);
        Assert.Equal("临武县民政局", mine.DepartmentName);
        Assert.DoesNotContain((await (await (await app.SignedIn("reviewer.sj")).GetAsync(Alerts)).ReadAsync<AlertPage>()).Items, a => a.Id == alert.Id);
        Assert.DoesNotContain((await (await (await app.SignedIn("reviewer.mz")).GetAsync($"{Alerts}?status=Closed")).ReadAsync<AlertPage>()).Items, a => a.Id == alert.Id);

        // Supervisors see every department; by one department, and a page at a time with the `next` key.
        var supervisor = await app.SignedIn("supervisor");
        var byDepartment = await (await supervisor.GetAsync($"{Alerts}?department={alert.DepartmentId}&severity={alert.Severity}")).ReadAsync<AlertPage>();
        Assert.Contains(byDepartment.Items, a => a.Id == alert.Id);
        Assert.All(byDepartment.Items, a => Assert.Equal(alert.DepartmentId, a.DepartmentId));
        await DeniedWithoutLegalBasis("赵七");
        var seen = new List<Guid>();
        string? next = null;
        do
        {
            var page = await (await supervisor.GetAsync($"{Alerts}?after={Uri.EscapeDataString(next ?? "")}")).ReadAsync<AlertPage>();
            seen.AddRange(page.Items.Select(a => a.Id));
            next = page.Next;
        }
        while (next is not null);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Contains(alert.Id, seen);

        // A status that is none of the alert's states is refused.
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync($"{Alerts}?status=Martian")).StatusCode);
    }

    [Fact]
    public async Task A_town_halls_clerk_and_an_applicant_are_kept_out_while_the_county_halls_comprehensive_window_sees_its_venues_alert()
    {
        var alert = await DeniedWithoutLegalBasis("孙八");
        // The comprehensive window of the county hall answers for the cases received at its venue, as on the page.
        Assert.Equal(["answer"], (await Ok(await (await app.SignedIn("clerk")).GetAsync($"{Alerts}/{alert.Id}"))).AvailableActions);
        var clerk = await app.SignedIn("clerk.town");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync($"{Alerts}/{alert.Id}")).StatusCode);
        Assert.DoesNotContain((await (await clerk.GetAsync(Alerts)).ReadAsync<AlertPage>()).Items, a => a.Id == alert.Id);
        var applicant = await app.SignedIn(Modules.Organization.DemoCounty.DemoApplicant.Phone);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync(Alerts)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync(Alerts)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedIn("supervisor")).GetAsync($"{Alerts}/{Guid.NewGuid()}")).StatusCode);
    }
}
