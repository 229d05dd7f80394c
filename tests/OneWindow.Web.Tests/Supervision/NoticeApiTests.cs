using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Modules.Supervision;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Supervision;

/// <summary>
/// <c>/api/v1/supervision/notices</c> drives the notice pages' flow — issued on a case, replied to by the department,
/// closed — with the pages' scope and revisions; a reply after the date is late and its red card is named.
/// </summary>
public class NoticeApiTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private const string Notices = "/api/v1/supervision/notices";

    private async Task<NoticeView> IssueAsync(string applicant)
    {
        var clerk = await app.SignedIn("clerk.mz");
        var c = await CaseApi.Register(clerk, "431025-MZ-002", applicant);
        var supervisor = await app.SignedIn("supervisor");
        var response = await supervisor.PostAsJsonAsync(Notices, new NoticeIssueRequest("群众反映办理缓慢", "请核实办理进度并书面说明", 2, c.Number), Json.Options);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var notice = await response.ReadAsync<NoticeView>();
        Assert.Equal($"{Notices}/{notice.Id}", response.Headers.Location?.OriginalString);
        return notice;
    }

    private static async Task<NoticeView> Ok(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<NoticeView>();
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task A_notice_issued_through_the_api_is_answered_late_marked_with_its_red_card_and_closed()
    {
        var notice = await IssueAsync("郑六");
        // Issued Sunday 22 November: two working days are Monday and Tuesday.
        Assert.Equal(new DateOnly(2026, 11, 24), notice.ReplyDueDate);
        Assert.Equal("临武县民政局", notice.DepartmentName);
        Assert.Empty(notice.AvailableActions); // the supervisor waits for the reply
        Assert.Equal((SubjectKind.Case, notice.CaseNumber), (notice.SubjectKind!.Value, notice.SubjectNumber));

        var department = await app.SignedIn("reviewer.mz");
        Assert.Contains((await (await department.GetAsync(Notices)).ReadAsync<NoticePage>()).Items, n => n.Id == notice.Id);
        var outsider = await app.SignedIn("reviewer.sj");
        Assert.DoesNotContain((await (await outsider.GetAsync(Notices)).ReadAsync<NoticePage>()).Items, n => n.Id == notice.Id);
        Assert.Equal("notice.out-of-scope", (await Problem(await outsider.GetAsync($"{Notices}/{notice.Id}"), HttpStatusCode.Forbidden)).GetProperty("code").GetString());

        var url = $"{Notices}/{notice.Id}";
        try
        {
            app.Clock.Set(new DateTimeOffset(notice.ReplyDueAt, TimeSpan.Zero));
            await app.Services.GetRequiredService<SupervisionSweep>().RunOnceAsync(CancellationToken.None);
            department = await app.SignedIn("reviewer.mz"); // days later: a new sign-in
            var seen = await Ok(await department.GetAsync(url));
            Assert.NotNull(seen.RedCardId);
            Assert.Equal(["reply"], seen.AvailableActions);

            var blank = await Problem(await department.PostAsJsonAsync(url + "/reply", new NoticeReplyRequest(seen.Revision, " "), Json.Options), HttpStatusCode.BadRequest);
            Assert.True(blank.GetProperty("errors").TryGetProperty("reply", out _), blank.ToString());
            var replied = await Ok(await department.PostAsJsonAsync(url + "/reply", new NoticeReplyRequest(seen.Revision, "已核实，材料齐全，将于本周作出决定"), Json.Options));
            Assert.Equal(NoticeStatus.Replied, replied.Status);
            Assert.True(replied.RepliedLate);
            Assert.Equal(seen.RedCardId, replied.RedCardId);
            Assert.Equal("concurrency.conflict", (await Problem(await department.PostAsJsonAsync(url + "/reply", new NoticeReplyRequest(seen.Revision, "再次回复"), Json.Options),
                HttpStatusCode.Conflict)).GetProperty("code").GetString());

            // The department does not close its own notice; a supervisor does.
            await Problem(await department.PostAsJsonAsync(url + "/close", new NoticeCloseRequest(replied.Revision), Json.Options), HttpStatusCode.Forbidden);
            var supervisor = await app.SignedIn("supervisor");
            Assert.Equal(["close"], (await Ok(await supervisor.GetAsync(url))).AvailableActions);
            var closed = await Ok(await supervisor.PostAsJsonAsync(url + "/close", new NoticeCloseRequest(replied.Revision, "回复属实"), Json.Options));
            Assert.Equal(NoticeStatus.Closed, closed.Status);
            Assert.Equal("回复属实", closed.CloseNote);
            Assert.Equal("notice.not-replied", (await Problem(await supervisor.PostAsJsonAsync(url + "/close", new NoticeCloseRequest(closed.Revision), Json.Options),
                HttpStatusCode.Conflict)).GetProperty("code").GetString());
        }
        finally
        {
            app.Clock.Set(OneWindowFactory.DefaultNow);
        }
    }

    [Fact]
    public async Task A_notice_needs_a_known_case_a_department_and_a_reply_date_in_range_and_only_a_supervisor_issues_one()
    {
        var supervisor = await app.SignedIn("supervisor");
        var unknown = await Problem(await supervisor.PostAsJsonAsync(Notices, new NoticeIssueRequest("t", "r", 2, "431025-20991231-99999"), Json.Options), HttpStatusCode.BadRequest);
        Assert.Equal("notice.case-unknown", unknown.GetProperty("code").GetString());
        Assert.True(unknown.GetProperty("errors").TryGetProperty("caseNumber", out _));
        Assert.Equal("notice.department-required", (await Problem(await supervisor.PostAsJsonAsync(Notices, new NoticeIssueRequest("t", "r", 2), Json.Options),
            HttpStatusCode.BadRequest)).GetProperty("code").GetString());
        Guid department;
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            department = await db.Departments.Where(d => d.Name == "临武县民政局").Select(d => d.Id).SingleAsync();
        }
        Assert.Equal("notice.reply-days", (await Problem(await supervisor.PostAsJsonAsync(Notices, new NoticeIssueRequest("t", "r", 99, DepartmentId: department), Json.Options),
            HttpStatusCode.BadRequest)).GetProperty("code").GetString());
        await Problem(await supervisor.PostAsJsonAsync(Notices, new { requirement = "r", replyWorkingDays = 2, departmentId = department }, Json.Options), HttpStatusCode.BadRequest);

        // A matter of the department itself, without a case.
        var matter = await Ok(await supervisor.PostAsJsonAsync(Notices, new NoticeIssueRequest("窗口午间无人值守", "请落实午间轮岗并报送排班表", 3, DepartmentId: department), Json.Options));
        Assert.Null(matter.CaseNumber);
        Assert.Equal((null, null), (matter.SubjectKind, matter.SubjectNumber));
        Assert.Equal(department, matter.DepartmentId);

        var leader = await app.SignedIn("leader");
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"{Notices}/{matter.Id}")).StatusCode);
        await Problem(await leader.PostAsJsonAsync(Notices, new NoticeIssueRequest("t", "r", 2, DepartmentId: department), Json.Options), HttpStatusCode.Forbidden);
        await Problem(await (await app.SignedIn("reviewer.mz")).PostAsJsonAsync(Notices, new NoticeIssueRequest("t", "r", 2, DepartmentId: department), Json.Options), HttpStatusCode.Forbidden);
    }
}
