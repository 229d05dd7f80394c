using System.Net;
using System.Net.Http.Json;
using OneWindow.Domain.Organization;
using OneWindow.Web.Modules.Ledger;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Ledger;

/// <summary>The service ledger (服务台帐, ADR 0031): entry by API and page, the day's list paged by key, its kept figures and who may keep it.</summary>
public class ServiceLedgerTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    [Fact]
    public async Task A_consultation_entered_at_the_counter_is_listed_masked_and_counted_and_an_intake_cannot_be_entered_by_hand()
    {
        var agent = await app.SignedIn("agent.dutou");
        var leader = await app.SignedIn("leader");
        var month = OneWindow.Domain.Calendar.ChinaTime.DateOf(app.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        async Task<TierFigures> Dutou() => (await (await leader.GetAsync($"/api/v1/ledger/assessment?period={month}&town=431025106000")).ReadAsync<TierAssessmentResult>())
            .Rows.Single(r => r.VenueName == "渡头村便民服务站").Figures;
        var before = await Dutou();

        var created = await agent.PostAsJsonAsync("/api/v1/ledger", new LedgerRequest(LedgerKind.Consultation, LedgerOutcome.Answered, "431025-RS-002", "询问养老保险缴费档次", "王秀英", "13907351234"), Json.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var help = await agent.PostAsJsonAsync("/api/v1/ledger", new LedgerRequest(LedgerKind.Help, LedgerOutcome.Done, null, "帮助网上申报医保缴费"), Json.Options);
        Assert.Equal(HttpStatusCode.Created, help.StatusCode);

        var page = await (await agent.GetAsync("/api/v1/ledger")).ReadAsync<LedgerPage>();
        var entry = page.Items.Single(e => e.Summary == "询问养老保险缴费档次");
        Assert.Equal(("城乡居民基本养老保险参保登记", "王**", "*******1234"), (entry.ItemName, entry.ApplicantName, entry.ApplicantPhone));
        var after = await Dutou();
        Assert.Equal((before.Services + 2, before.Consultations + 1, before.Help + 1), (after.Services, after.Consultations, after.Help));

        var byHand = await agent.PostAsJsonAsync("/api/v1/ledger", new LedgerRequest(LedgerKind.Intake, LedgerOutcome.TakenIn, "431025-RS-002", "收件"), Json.Options);
        Assert.Equal("ledger.intake-by-case", (await byHand.ReadJsonAsync()).GetProperty("code").GetString());
        var empty = await agent.PostAsJsonAsync("/api/v1/ledger", new LedgerRequest(LedgerKind.Consultation, LedgerOutcome.Answered, null, " "), Json.Options);
        Assert.Equal("ledger.summary-required", (await empty.ReadJsonAsync()).GetProperty("code").GetString());

        // The county center's staff keep no ledger; an applicant may not read one.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedIn("clerk")).GetAsync("/api/v1/ledger")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/v1/ledger")).StatusCode);
    }

    [Fact]
    public async Task The_days_list_is_paged_by_key_with_nothing_lost_or_repeated()
    {
        var clerk = await app.SignedIn("clerk.shunfeng");
        for (var i = 0; i < ListLedger.PageSize + 5; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await clerk.PostAsJsonAsync("/api/v1/ledger", new LedgerRequest(LedgerKind.Consultation, LedgerOutcome.Answered, null, $"咨询 {i}"), Json.Options)).StatusCode);
            app.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        var first = await (await clerk.GetAsync("/api/v1/ledger")).ReadAsync<LedgerPage>();
        Assert.Equal(ListLedger.PageSize, first.Items.Count);
        Assert.NotNull(first.Next);
        var second = await (await clerk.GetAsync("/api/v1/ledger?after=" + first.Next)).ReadAsync<LedgerPage>();
        var all = first.Items.Concat(second.Items).Select(e => e.Summary).Where(s => s.StartsWith("咨询 ", StringComparison.Ordinal)).ToList();
        Assert.Equal(ListLedger.PageSize + 5, all.Distinct().Count());
        Assert.Equal($"咨询 {ListLedger.PageSize + 4}", first.Items[0].Summary); // newest first
    }

    [Fact]
    public async Task The_ledger_page_enters_a_service_and_keeps_what_was_typed_when_it_is_refused()
    {
        var agent = await app.SignedIn("agent.baishi");
        var page = await agent.GetStringAsync("/ledger");
        Assert.Contains("白石村便民服务站", page, StringComparison.Ordinal);
        var ok = await Forms.PostAsync(agent, "/ledger", new Dictionary<string, string> { ["Kind"] = "Consultation", ["Outcome"] = "Referred", ["ItemCode"] = "", ["Summary"] = "问身份证补办，引导到镇中心" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Contains("问身份证补办，引导到镇中心", await agent.GetStringAsync("/ledger"), StringComparison.Ordinal);

        var refused = await Forms.PostAsync(agent, "/ledger", new Dictionary<string, string> { ["Kind"] = "Help", ["Outcome"] = "Done", ["Summary"] = "", ["ApplicantName"] = "赵大爷", ["ApplicantPhone"] = "12ab" });
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("请填写服务内容或选择事项", html, StringComparison.Ordinal);
        Assert.Contains("value=\"赵大爷\"", html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedIn("clerk.mz")).GetAsync("/ledger")).StatusCode);
        var assessment = await (await app.SignedIn("leader")).GetStringAsync("/tiers/assessment?town=431025106000");
        Assert.Contains("白石村便民服务站", assessment, StringComparison.Ordinal);
        Assert.Contains("按期办结率", assessment, StringComparison.Ordinal);
        Assert.Contains("汾市镇便民服务中心", await (await app.SignedIn("leader")).GetStringAsync("/tiers/assessment"), StringComparison.Ordinal);
    }
}
