using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Modules.Supervision;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Supervision;

/// <summary><c>/api/v1/supervision/rules</c> sets what the rules page sets, with its checks, for supervisors only.</summary>
public class RuleApiTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private const string Rules = "/api/v1/supervision/rules";

    [Fact]
    public async Task A_rule_switched_off_for_an_item_through_the_api_raises_nothing_for_that_item_and_its_removal_restores_the_default()
    {
        const string item = "431025-MZ-001";
        var clerk = await app.SignedIn("clerk.mz");
        await CaseApi.Register(clerk, item, "吴六"); // the rule book is read (and kept) before the change
        var supervisor = await app.SignedIn("supervisor");
        var saved = await supervisor.PostAsJsonAsync($"{Rules}/settings", new RuleSettingRequest(SupervisionRule.NodeOverdue, RuleScope.Item, false, AlertSeverity.Yellow, 0, item), Json.Options);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var setting = await saved.ReadAsync<RuleSettingView>();
        Assert.Equal(("supervisor", false), (setting.UpdatedBy, setting.Enabled));
        var rule = Assert.Single(await (await supervisor.GetAsync(Rules)).ReadAsync<List<RuleView>>(), r => r.Rule == SupervisionRule.NodeOverdue);
        Assert.Equal("环节超时", rule.RuleName);
        Assert.Contains(rule.Settings, s => s.Id == setting.Id && s.ScopeKey == item);
        Assert.Contains(item, await supervisor.GetStringAsync("/supervision/rules"), StringComparison.Ordinal);

        var c = await CaseApi.Act(clerk, await CaseApi.Register(clerk, item, "吴七"), "accept", new { });
        try
        {
            app.Clock.Set(new DateTimeOffset(c.Nodes[1].DueAt!.Value.AddHours(1), TimeSpan.Zero));
            await app.Services.GetRequiredService<SupervisionSweep>().RunOnceAsync(CancellationToken.None);
            var db = app.NewDbContext(out var scope);
            using (scope)
            {
                Assert.False(await db.SupervisionAlerts.AnyAsync(a => a.SubjectNumber == c.Number && a.Rule == SupervisionRule.NodeOverdue));
            }
        }
        finally
        {
            app.Clock.Set(OneWindowFactory.DefaultNow);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.PostAsync($"{Rules}/settings/{setting.Id}/remove", null)).StatusCode);
        Assert.DoesNotContain((await (await supervisor.GetAsync(Rules)).ReadAsync<List<RuleView>>()).SelectMany(r => r.Settings), s => s.Id == setting.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.PostAsync($"{Rules}/settings/{setting.Id}/remove", null)).StatusCode);
    }

    [Fact]
    public async Task A_threshold_out_of_range_or_an_unknown_scope_is_refused_for_its_field_and_a_department_has_one_key()
    {
        var supervisor = await app.SignedIn("supervisor");
        var threshold = await (await supervisor.PostAsJsonAsync($"{Rules}/settings", new RuleSettingRequest(SupervisionRule.PromisedReminder, RuleScope.Default, true, AlertSeverity.Reminder, 99), Json.Options)).ReadJsonAsync();
        Assert.Equal("supervision.threshold-invalid", threshold.GetProperty("code").GetString());
        Assert.True(threshold.GetProperty("errors").TryGetProperty("threshold", out _));
        var unknown = await supervisor.PostAsJsonAsync($"{Rules}/settings", new RuleSettingRequest(SupervisionRule.PromisedReminder, RuleScope.Item, true, AlertSeverity.Reminder, 1, "NO-SUCH-ITEM"), Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.ReadJsonAsync()).GetProperty("errors").TryGetProperty("scopeKey", out _));

        Guid department;
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            department = await db.Departments.Where(d => d.Name == "临武县民政局").Select(d => d.Id).SingleAsync();
        }
        var upper = await (await supervisor.PostAsJsonAsync($"{Rules}/settings",
            new RuleSettingRequest(SupervisionRule.PromisedReminder, RuleScope.Department, true, AlertSeverity.Reminder, 2, department.ToString("N").ToUpperInvariant()), Json.Options)).ReadAsync<RuleSettingView>();
        Assert.Equal(department.ToString(), upper.ScopeKey);

        var leader = await app.SignedIn("leader");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync(Rules)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsJsonAsync($"{Rules}/settings", new RuleSettingRequest(SupervisionRule.PromisedReminder, RuleScope.Default, true, AlertSeverity.Reminder, 1), Json.Options)).StatusCode);
    }
}
