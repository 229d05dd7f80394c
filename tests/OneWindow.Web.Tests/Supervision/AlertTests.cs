using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Modules.Supervision;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Supervision;

/// <summary>
/// Alerts through the running app: raised on the action or by the sweep on the test clock, once; told to the right
/// people; answered by the department and closed by a supervisor on the pages; escalated when ignored.
/// </summary>
public class AlertTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private const string Item = "431025-MZ-002"; // promise 20 working days: 审查 10, 审批决定 10

    private async Task<CaseView> AcceptedCase(string applicant)
    {
        var clerk = await app.SignedIn("clerk.mz");
        var c = await CaseApi.Register(clerk, Item, applicant);
        return await CaseApi.Act(clerk, c, "accept", new { });
    }

    private async Task<List<SupervisionAlert>> AlertsOf(string number)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.SupervisionAlerts.AsNoTracking().Where(a => a.SubjectNumber == number).OrderBy(a => a.RaisedAt).ToListAsync();
        }
    }

    private async Task<SweepResult> Sweep(DateTime atUtc)
    {
        app.Clock.Set(new DateTimeOffset(atUtc, TimeSpan.Zero));
        return await app.Services.GetRequiredService<SupervisionSweep>().RunOnceAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Node_overdue_is_raised_by_the_sweep_at_the_node_limit_exactly_once_and_told_to_the_department()
    {
        var c = await AcceptedCase("钱一");
        var due = c.Nodes[1].DueAt!.Value;
        try
        {
            await Sweep(due.AddTicks(-1));
            Assert.DoesNotContain(await AlertsOf(c.Number), a => a.Rule == SupervisionRule.NodeOverdue);

            await Sweep(due);
            await Sweep(due.AddHours(1));
            var alert = Assert.Single(await AlertsOf(c.Number), a => a.Rule == SupervisionRule.NodeOverdue);
            Assert.Equal(AlertSeverity.Yellow, alert.Severity);
            Assert.Equal(AlertStatus.Notified, alert.Status);
            Assert.Equal(due, alert.TriggeredAt);

            // A yellow card is an order to the department: its approver (首席代表) is told in the workbench.
            var approver = await app.SignedIn("approver.mz");
            var page = await approver.GetStringAsync("/workbench/alerts");
            Assert.Contains(c.Number, page, StringComparison.Ordinal);
            Assert.Contains("环节超时", page, StringComparison.Ordinal);
        }
        finally
        {
            app.Clock.Set(OneWindowFactory.DefaultNow);
        }
    }

    [Fact]
    public async Task A_denial_without_a_cited_legal_basis_raises_its_alert_on_the_action_without_waiting_for_a_sweep()
    {
        var c = await AcceptedCase("孙二");
        var reviewer = await app.SignedIn("reviewer.mz");
        c = await CaseApi.Act(reviewer, c, "complete-node", new { opinion = "材料不实" });
        var approver = await app.SignedIn("approver.mz");
        await CaseApi.Act(approver, c, "decide", new { outcome = "Deny", reason = "不符合条件" });

        var alert = Assert.Single(await AlertsOf(c.Number));
        Assert.Equal(SupervisionRule.NoLegalBasis, alert.Rule);

        // The hotline's operators handle calls, not departments' cases: no alert is theirs to see, in a list or alone.
        var hotline = await app.SignedIn("hotline");
        var listed = await hotline.GetFromJsonAsync<AlertPage>("/api/v1/supervision/alerts", Json.Options);
        Assert.Empty(listed!.Items);
        Assert.DoesNotContain(c.Number, await hotline.GetStringAsync("/workbench/alerts?show=all"), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await hotline.GetAsync($"/api/v1/supervision/alerts/{alert.Id}")).StatusCode);
    }

    [Fact]
    public async Task The_department_answers_on_the_alert_page_and_a_supervisor_closes_it_while_another_department_is_refused()
    {
        var c = await AcceptedCase("李三");
        var reviewer = await app.SignedIn("reviewer.mz");
        c = await CaseApi.Act(reviewer, c, "complete-node", new { opinion = "材料不实" });
        await CaseApi.Act(await app.SignedIn("approver.mz"), c, "decide", new { outcome = "Deny", reason = "不符合条件" });
        var alert = Assert.Single(await AlertsOf(c.Number));
        var url = $"/workbench/alerts/{alert.Id}";

        var outsider = await app.SignedIn("reviewer.sj");
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync(url)).StatusCode);

        var supervisor = await app.SignedIn("supervisor");
        // The page offers no review before the answer; a crafted post is refused with the rule's message.
        var early = await Forms.PostAsync(supervisor, "/supervision/rules", new Dictionary<string, string> { ["Revision"] = alert.Revision.ToString(CultureInfo.InvariantCulture), ["Note"] = "x" }, url + "?handler=Close");
        Assert.Contains("部门尚未说明或整改", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var openPage = OneWindowFactory.AntiforgeryToken(await reviewer.GetStringAsync(url));
        var answered = await Forms.PostAsync(reviewer, url, new Dictionary<string, string>
        {
            ["Revision"] = alert.Revision.ToString(CultureInfo.InvariantCulture), ["Answer"] = "Rectified", ["Text"] = "已补充《民办非企业单位登记管理暂行条例》第十二条作为不予登记的依据并重新送达",
        }, url + "?handler=Respond");
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var responded = Assert.Single(await AlertsOf(c.Number));
        Assert.Equal(AlertStatus.Responded, responded.Status);

        // A second answer made from the page as it was before is refused, and nothing is overwritten.
        var stale = await Forms.PostWithTokenAsync(reviewer, openPage, url + "?handler=Respond", new Dictionary<string, string> { ["Revision"] = alert.Revision.ToString(CultureInfo.InvariantCulture), ["Answer"] = "Explained", ["Text"] = "另一说明" });
        Assert.Contains("刚刚被他人处理", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var closed = await Forms.PostAsync(supervisor, url, new Dictionary<string, string> { ["Revision"] = responded.Revision.ToString(CultureInfo.InvariantCulture), ["Note"] = "整改到位" }, url + "?handler=Close");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var final = Assert.Single(await AlertsOf(c.Number));
        Assert.Equal(AlertStatus.Closed, final.Status);
        Assert.Equal(["raised", "notified", "rectified", "closed"], final.History.Select(h => h.Action));
    }

    [Fact]
    public async Task A_reminder_closes_itself_when_the_applicant_withdraws_before_the_deadline()
    {
        var c = await AcceptedCase("冯六");
        var due = c.Promised.DueAt!.Value;
        try
        {
            await Sweep(due.AddTicks(-1));
            Assert.Equal(AlertStatus.Notified, Assert.Single(await AlertsOf(c.Number), a => a.Rule == SupervisionRule.PromisedReminder).Status);

            await CaseApi.Act(await app.SignedIn("clerk.mz"), c, "withdraw", new { reason = "申请人书面申请撤回" });

            var reminder = Assert.Single(await AlertsOf(c.Number), a => a.Rule == SupervisionRule.PromisedReminder);
            Assert.Equal(AlertStatus.Closed, reminder.Status);
            Assert.Equal("closed-met", reminder.History[^1].Action);
            Assert.Contains("撤回", reminder.History[^1].Note, StringComparison.Ordinal);
        }
        finally
        {
            app.Clock.Set(OneWindowFactory.DefaultNow);
        }
    }

    [Fact]
    public async Task A_reminder_closes_itself_when_the_case_is_then_decided_in_time()
    {
        var c = await AcceptedCase("冯五");
        var due = c.Promised.DueAt!.Value;
        try
        {
            await Sweep(due.AddTicks(-1)); // the last working day before the promised deadline
            var reminder = Assert.Single(await AlertsOf(c.Number), a => a.Rule == SupervisionRule.PromisedReminder);
            Assert.Equal(AlertStatus.Notified, reminder.Status);

            c = await CaseApi.Act(await app.SignedIn("reviewer.mz"), c, "complete-node", new { opinion = "符合条件" });
            await CaseApi.Act(await app.SignedIn("approver.mz"), c, "decide", new { outcome = "Grant" });

            reminder = Assert.Single(await AlertsOf(c.Number), a => a.Rule == SupervisionRule.PromisedReminder);
            Assert.Equal(AlertStatus.Closed, reminder.Status);
            Assert.Equal("closed-met", reminder.History[^1].Action);
        }
        finally
        {
            app.Clock.Set(OneWindowFactory.DefaultNow);
        }
    }

    [Fact]
    public async Task An_alert_nobody_answers_climbs_to_the_leadership_one_working_day_at_a_time()
    {
        var c = await AcceptedCase("周四");
        var due = c.Nodes[1].DueAt!.Value;
        try
        {
            await Sweep(due);
            var alert = Assert.Single(await AlertsOf(c.Number), a => a.Rule == SupervisionRule.NodeOverdue);
            Assert.Equal(EscalationLevel.Department, alert.Level);

            await Sweep(alert.EscalateAt!.Value);
            alert = Assert.Single(await AlertsOf(c.Number), a => a.Rule == SupervisionRule.NodeOverdue);
            Assert.Equal(EscalationLevel.Leadership, alert.Level);
            Assert.Null(alert.EscalateAt);

            var leader = await app.SignedIn("leader");
            Assert.Contains(c.Number, await leader.GetStringAsync("/workbench/alerts?show=all"), StringComparison.Ordinal);
        }
        finally
        {
            app.Clock.Set(OneWindowFactory.DefaultNow);
        }
    }

    [Fact]
    public async Task A_rule_switched_off_for_an_item_on_the_rules_page_raises_nothing_for_that_item()
    {
        const string item = "431025-MZ-001";
        var clerk = await app.SignedIn("clerk.mz");
        await CaseApi.Register(clerk, item, "吴四"); // the rule book is read (and kept) before the change
        var supervisor = await app.SignedIn("supervisor");
        var saved = await Forms.PostAsync(supervisor, "/supervision/rules", new Dictionary<string, string>
        {
            ["Rule"] = "NodeOverdue", ["Scope"] = "Item", ["ItemCode"] = item, ["Severity"] = "Yellow", ["Threshold"] = "0", ["Enabled"] = "false",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var setting = await db.SupervisionRuleSettings.SingleAsync(s => s.Rule == SupervisionRule.NodeOverdue && s.ScopeKey == item);
            Assert.False(setting.Enabled);
        }

        var c = await CaseApi.Register(clerk, item, "吴五");
        c = await CaseApi.Act(clerk, c, "accept", new { });
        try
        {
            await Sweep(c.Nodes[1].DueAt!.Value.AddHours(1));
            Assert.DoesNotContain(await AlertsOf(c.Number), a => a.Rule == SupervisionRule.NodeOverdue);
        }
        finally
        {
            app.Clock.Set(OneWindowFactory.DefaultNow);
        }
    }

    [Fact]
    public async Task A_threshold_out_of_range_is_refused_on_the_rules_page_with_a_readable_message()
    {
        var supervisor = await app.SignedIn("supervisor");
        var refused = await Forms.PostAsync(supervisor, "/supervision/rules", new Dictionary<string, string>
        {
            ["Rule"] = "PromisedReminder", ["Scope"] = "Default", ["Severity"] = "Reminder", ["Threshold"] = "99",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("阈值应在", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_supervision_pages_are_closed_to_window_staff_and_the_rules_to_leaders()
    {
        var clerk = await app.SignedIn("clerk.mz");
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.GetAsync("/supervision/rules")).StatusCode);
        var leader = await app.SignedIn("leader");
        Assert.Equal(HttpStatusCode.Redirect, (await leader.GetAsync("/supervision/rules")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await leader.GetAsync("/supervision/notices/new")).StatusCode);
    }
}
