using OneWindow.Web.Modules.Catalog;
using System.Net;
using System.Net.Http.Json;
using OneWindow.Domain.Cases;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Cases;

/// <summary>开办企业一件事 end to end: one intake, four departments in parallel, one decision, one issue and delivery.</summary>
public class JointCaseTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private static readonly RegisterApplication StartBusiness = new("431025-YJS-001", ApplicantKind.Enterprise, "临武县舜峰香芋食品有限公司", "91350100M000100Y43", "13907351234",
        MaterialsProvided: DemoCatalog.RequiredMaterials("431025-YJS-001")) { Form = DemoApplicationForms.SampleAnswers("431025-YJS-001") };

    [Fact]
    public async Task A_combined_application_fans_out_to_four_departments_and_is_decided_issued_and_delivered_once()
    {
        var clerk = await app.SignedIn("clerk");
        var created = await clerk.PostAsJsonAsync("/api/v1/cases", StartBusiness, Json.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var joint = await created.ReadAsync<CaseView>();
        Assert.True(joint.IsJoint);
        Assert.Equal(1, joint.PromisedLimitDays); // the package's own promise
        Assert.Equal(45, joint.StatutoryLimitDays);
        // The registration's answer names the lead department as every later read does (it is not read with the clerk).
        Assert.NotEqual("", joint.DepartmentName);
        Assert.Equal((await (await clerk.GetAsync("/api/v1/cases/" + joint.Number)).ReadAsync<CaseView>()).DepartmentName, joint.DepartmentName);

        joint = await CaseApi.Act(clerk, joint, "accept", new { });
        Assert.Equal(4, joint.Parts.Count);
        Assert.Equal(["临武县市场监督管理局", "临武县公安局", "国家税务总局临武县税务局", "临武县人力资源和社会保障局"], joint.Parts.Select(p => p.DepartmentName));
        Assert.Equal(["received", "accepted", "fanned-out"], joint.Events.Select(e => e.Action));

        // Each department finds its part in its own inbox and decides it; the others see nothing of it.
        var deciders = new[] { "approver.sj", "clerk.ga", "clerk.sw", "clerk.rs" };
        for (var i = 0; i < 4; i++)
        {
            var person = await app.SignedIn(deciders[i]);
            var number = joint.Parts[i].Number;
            Assert.Contains(number, await person.GetStringAsync("/workbench/cases"), StringComparison.Ordinal);
            var part = await (await person.GetAsync($"/api/v1/cases/{number}")).ReadAsync<CaseView>();
            Assert.Equal(joint.Number, part.JointNumber);
            var outcome = i == 3 ? new { outcome = "Deny", reason = "单位已在外县参保，不予重复登记；可依法申请行政复议或提起行政诉讼" } : new { outcome = "Grant", reason = (string?)null! };
            part = await CaseApi.Act(person, part, "decide", outcome);
            Assert.Equal(CaseStatus.Decided, part.Status);
            var forbidden = await (await app.SignedIn(deciders[(i + 1) % 4])).GetAsync($"/api/v1/cases/{number}");
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        joint = await (await clerk.GetAsync($"/api/v1/cases/{joint.Number}")).ReadAsync<CaseView>();
        Assert.Equal(CaseStatus.Decided, joint.Status);
        Assert.Equal(DecisionOutcome.PartlyGranted, joint.Decision);
        Assert.Contains("单位已在外县参保", joint.DecisionReason, StringComparison.Ordinal);
        Assert.Equal(DecisionOutcome.Deny, joint.Parts[3].Decision);

        // A part is not issued on its own; the joint case is, once, and delivered once.
        var partIssue = await (await app.SignedIn("clerk.ga")).PostAsJsonAsync($"/api/v1/cases/{joint.Parts[1].Number}/issue", new { revision = 99, resultNumber = "X" }, Json.Options);
        Assert.Equal(HttpStatusCode.Conflict, partIssue.StatusCode);
        var noPartNumbers = await clerk.PostAsJsonAsync($"/api/v1/cases/{joint.Number}/issue", new { revision = joint.Revision, resultNumber = "LW-YJS-2026-0001" }, Json.Options);
        Assert.Contains("case.part-result-number-required", await noPartNumbers.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        joint = await CaseApi.Act(clerk, joint, "issue", new
        {
            resultNumber = "LW-YJS-2026-0001",
            partResultNumbers = joint.Parts.Select((p, i) => (p.Number, Result: $"PART-{i + 1}-{joint.Number}")).ToDictionary(p => p.Number, p => p.Result),
        });
        joint = await CaseApi.Act(clerk, joint, "deliver", new { method = "WindowPickup" });
        Assert.Equal(CaseStatus.Concluded, joint.Status);
        Assert.All(joint.Parts, p => Assert.Equal(CaseStatus.Concluded, p.Status));

        // Each department's decider is credited with its part in the staff's assessment (ADR 0043), the clerk with the
        // acceptance, the system with nothing; as the record counts them.
        await app.SettleFiguresAsync();
        using (var scope = app.Services.CreateScope())
        {
            var assess = scope.ServiceProvider.GetRequiredService<Modules.Assessment.AssessUnits>();
            var today = Domain.Calendar.ChinaTime.DateOf(app.Clock.GetUtcNow().UtcDateTime);
            var quarter = new Domain.Assessment.AssessmentPeriod(Domain.Assessment.PeriodKind.Quarter, today.Year, (today.Month + 2) / 3);
            var kept = (await assess.StaffFactsFromKeptFiguresAsync(quarter, CancellationToken.None)).OrderBy(f => f.Key).ToList();
            Assert.Equal((await assess.FactsFromRecordAsync(Modules.Assessment.AssessedKind.Staff, quarter, CancellationToken.None)).OrderBy(f => f.Key), kept);
            var users = scope.ServiceProvider.GetRequiredService<Data.OneWindowDbContext>().Users.Where(u => deciders.Contains(u.UserName) || u.UserName == "clerk")
                .ToDictionary(u => u.UserName!, u => u.Id);
            Assert.All(deciders, d => Assert.True(kept.Single(f => f.Key == users[d]).Concluded >= 1, d));
            Assert.True(kept.Single(f => f.Key == users["clerk"]).Accepted >= 1);
        }
        var first = await (await app.SignedIn("approver.sj")).GetAsync($"/api/v1/cases/{joint.Parts[0].Number}");
        var firstPart = await first.ReadAsync<CaseView>();
        Assert.Equal($"PART-1-{joint.Number}", firstPart.ResultNumber);
        Assert.Equal($"PART-1-{joint.Number}", joint.Parts[0].ResultNumber);
        Assert.True(firstPart.Chain.IsIntact);
        Assert.True(joint.Chain.IsIntact);

        // The public tracking page shows every department's part and the denied one's reason.
        var track = await app.Anonymous().GetStringAsync($"/track?number={joint.Number}&tail=1234");
        Assert.Contains("临武县公安局", track, StringComparison.Ordinal);
        Assert.Contains("单位已在外县参保", track, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_department_window_cannot_take_in_another_departments_package()
    {
        var response = await (await app.SignedIn("clerk.mz")).PostAsJsonAsync("/api/v1/cases", StartBusiness, Json.Options);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Withdrawing_a_joint_case_withdraws_every_part()
    {
        var clerk = await app.SignedIn("clerk");
        var joint = await (await clerk.PostAsJsonAsync("/api/v1/cases", StartBusiness, Json.Options)).ReadAsync<CaseView>();
        joint = await CaseApi.Act(clerk, joint, "accept", new { });
        joint = await CaseApi.Act(clerk, joint, "withdraw", new { reason = "申请人决定暂缓开办" });
        Assert.Equal(CaseStatus.Withdrawn, joint.Status);
        Assert.All(joint.Parts, p => Assert.Equal(CaseStatus.Withdrawn, p.Status));
        var part = await (await app.SignedIn("clerk.sw")).GetAsync($"/api/v1/cases/{joint.Parts[2].Number}");
        Assert.Contains("申请人决定暂缓开办", (await part.ReadAsync<CaseView>()).ClosingReason, StringComparison.Ordinal);
    }
}
