using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Modules.Supervision;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Supervision;

/// <summary>督办单: issued on a case with a reply date in working days, answered by the department, closed; a late reply is a red card.</summary>
public class NoticeTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private async Task<(SupervisionNotice Notice, CaseView Case)> IssueAsync(string applicant)
    {
        var clerk = await app.SignedIn("clerk.mz");
        var c = await CaseApi.Register(clerk, "431025-MZ-002", applicant);
        var supervisor = await app.SignedIn("supervisor");
        var issued = await Forms.PostAsync(supervisor, "/supervision/notices/new?case=" + c.Number, new Dictionary<string, string>
        {
            ["Case"] = c.Number, ["Title"] = "群众反映办理缓慢", ["Requirement"] = "请核实办理进度并书面说明", ["ReplyWorkingDays"] = "2",
        });
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return (await db.SupervisionNotices.AsNoTracking().SingleAsync(n => n.SubjectNumber == c.Number), c);
        }
    }

    private async Task<SupervisionNotice> Reload(Guid id)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.SupervisionNotices.AsNoTracking().SingleAsync(n => n.Id == id);
        }
    }

    private async Task<List<SupervisionAlert>> RedCards(Guid noticeId)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.SupervisionAlerts.AsNoTracking().Where(a => a.NoticeId == noticeId).ToListAsync();
        }
    }

    [Fact]
    public async Task A_notice_unanswered_past_its_date_raises_one_red_card_and_the_late_reply_is_marked_late_then_closed()
    {
        var (notice, c) = await IssueAsync("郑六");
        // Issued Sunday 22 November: two working days are Monday and Tuesday.
        Assert.Equal(new DateOnly(2026, 11, 24), notice.ReplyDueDate);
        var department = await app.SignedIn("reviewer.mz");
        Assert.Contains(notice.Number, await department.GetStringAsync("/workbench/notices"), StringComparison.Ordinal);
        Assert.DoesNotContain(notice.Number, await (await app.SignedIn("reviewer.sj")).GetStringAsync("/workbench/notices"), StringComparison.Ordinal);
        var sweep = app.Services.GetRequiredService<SupervisionSweep>();
        try
        {
            app.Clock.Set(new DateTimeOffset(notice.ReplyDueAt.AddTicks(-1), TimeSpan.Zero));
            await sweep.RunOnceAsync(CancellationToken.None);
            Assert.Empty(await RedCards(notice.Id));

            app.Clock.Set(new DateTimeOffset(notice.ReplyDueAt, TimeSpan.Zero));
            await sweep.RunOnceAsync(CancellationToken.None);
            await sweep.RunOnceAsync(CancellationToken.None);
            var red = Assert.Single(await RedCards(notice.Id));
            Assert.Equal(AlertSeverity.Red, red.Severity);
            Assert.Equal(SupervisionRule.NoticeUnanswered, red.Rule);

            var url = $"/workbench/notices/{notice.Id}";
            department = await app.SignedIn("reviewer.mz"); // days later: a new sign-in
            var replied = await Forms.PostAsync(department, url, new Dictionary<string, string> { ["Revision"] = notice.Revision.ToString(CultureInfo.InvariantCulture), ["Reply"] = "已核实，材料齐全，将于本周作出决定" }, url + "?handler=Reply");
            Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);
            var answered = await Reload(notice.Id);
            Assert.Equal(NoticeStatus.Replied, answered.Status);
            Assert.True(answered.RepliedLate);
            Assert.Single(await RedCards(notice.Id));

            var supervisor = await app.SignedIn("supervisor");
            var closed = await Forms.PostAsync(supervisor, url, new Dictionary<string, string> { ["Revision"] = answered.Revision.ToString(CultureInfo.InvariantCulture), ["Note"] = "回复属实" }, url + "?handler=Close");
            Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
            Assert.Equal(NoticeStatus.Closed, (await Reload(notice.Id)).Status);
        }
        finally
        {
            app.Clock.Set(OneWindowFactory.DefaultNow);
        }
    }

    [Fact]
    public async Task A_notice_answered_in_time_raises_nothing_when_its_date_passes()
    {
        var (notice, _) = await IssueAsync("王七");
        var department = await app.SignedIn("approver.mz");
        var url = $"/workbench/notices/{notice.Id}";
        await Forms.PostAsync(department, url, new Dictionary<string, string> { ["Revision"] = notice.Revision.ToString(CultureInfo.InvariantCulture), ["Reply"] = "已办结" }, url + "?handler=Reply");
        try
        {
            app.Clock.Set(new DateTimeOffset(notice.ReplyDueAt.AddDays(3), TimeSpan.Zero));
            await app.Services.GetRequiredService<SupervisionSweep>().RunOnceAsync(CancellationToken.None);
            Assert.Empty(await RedCards(notice.Id));
            Assert.False((await Reload(notice.Id)).RepliedLate);
        }
        finally
        {
            app.Clock.Set(OneWindowFactory.DefaultNow);
        }
    }

    [Fact]
    public async Task A_notice_needs_its_reason_and_a_known_case_and_says_so()
    {
        var supervisor = await app.SignedIn("supervisor");
        var unknown = await Forms.PostAsync(supervisor, "/supervision/notices/new", new Dictionary<string, string>
        {
            ["Case"] = "431025-20991231-99999", ["Title"] = "t", ["Requirement"] = "r", ["ReplyWorkingDays"] = "2",
        });
        Assert.Contains("不存在", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var tooLong = await Forms.PostAsync(supervisor, "/supervision/notices/new", new Dictionary<string, string>
        {
            ["Title"] = "t", ["Requirement"] = "r", ["ReplyWorkingDays"] = "99",
        });
        Assert.Contains("请选择被督办的部门", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
