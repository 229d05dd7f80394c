using OneWindow.Web.Modules.Catalog;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneWindow.Web.Modules.Calendar.Changes;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Tests.Infrastructure;
using static OneWindow.Web.Tests.Calendar.CalendarRecountTests;

namespace OneWindow.Web.Tests.Calendar;

/// <summary>
/// The applicants of the cases a calendar change moves are told by SMS, through the outbox, once per case per change,
/// with the old and new due dates; the change's list (API, page, CSV) shows who was told and whether the SMS went out.
/// </summary>
public class MovedApplicantsToldTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private const string Mobile = "13800000000"; // CaseApi.Register's applicant

    [Fact]
    public async Task Each_moved_applicant_with_a_mobile_gets_one_sms_with_the_old_and_new_dates_and_the_list_says_so()
    {
        app.Clock.Set(Bj(2027, 1, 25));
        var clerk = await app.SignedIn("clerk");
        var mobile = await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-SJ-003", "甲"), "accept", new { });
        var landline = await CaseApi.Act(clerk, await Register(clerk, "乙", "0735-6361888"), "accept", new { });
        app.Clock.Set(Bj(2027, 2, 3));
        clerk = await app.SignedIn("clerk");
        var caughtUp = await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-SJ-003", "丙"), "accept", new { });
        var before = app.Sms.Sent.Count;

        var admin = await app.SignedIn("admin");
        var change = await (await admin.PostAsJsonAsync("/api/v1/calendar/admin/notices", Notice2027(), Json.Options)).ReadAsync<CalendarChangeView>();
        // The reviewer acts on one case before the recount reaches it: the move is recorded, listed and told in that action.
        await CaseApi.Act(await app.SignedIn("reviewer.sj"), caughtUp, "complete-node", new { opinion = "材料齐全" });
        await app.Services.GetRequiredService<CalendarChangeWorker>().RunUntilDoneAsync(CancellationToken.None);

        // Written to the outbox with the move, not sent yet: the list says so.
        var waiting = await Records(admin, change.Id);
        Assert.Equal("Sms", waiting[mobile.Number].GetProperty("told").GetString());
        Assert.Equal("Pending", waiting[mobile.Number].GetProperty("sms").GetString());
        Assert.Equal("短信待发送", waiting[mobile.Number].GetProperty("toldText").GetString());

        var sent = app.Sms.Sent.Skip(before).Where(s => s.Mobile == Mobile).Select(s => s.Text).ToList(); // delivers the outbox
        Assert.Equal(
            $"【一窗通】您的办件{mobile.Number}（食品经营许可）因节假日安排调整，法定期限由2027年2月24日调整为2027年2月25日。",
            Assert.Single(sent, t => t.Contains(mobile.Number, StringComparison.Ordinal)));
        var toldInAction = Assert.Single(sent, t => t.Contains(caughtUp.Number, StringComparison.Ordinal));
        Assert.Contains("承诺期限由2027年2月12日调整为2027年2月15日", toldInAction, StringComparison.Ordinal);
        Assert.Contains("法定期限由2027年3月5日调整为2027年3月8日", toldInAction, StringComparison.Ordinal);
        Assert.DoesNotContain("环节", toldInAction, StringComparison.Ordinal); // a node's limit is the department's
        Assert.DoesNotContain(app.Sms.Sent, s => s.Text.Contains(landline.Number, StringComparison.Ordinal));

        // Counted again under another change: nothing moves, nobody is told twice.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Web.Data.OneWindowDbContext>();
            db.CalendarChanges.Add(new Web.Modules.Calendar.CalendarChange { Id = Guid.CreateVersion7(), Description = "再算一次", RegionCode = "", CreatedAt = app.Clock.GetUtcNow().UtcDateTime, CreatedBy = "test" });
            await db.SaveChangesAsync();
        }
        await app.Services.GetRequiredService<CalendarChangeWorker>().RunUntilDoneAsync(CancellationToken.None);
        Assert.Equal(2, app.Sms.Sent.Skip(before).Count(s => s.Mobile == Mobile));

        var records = await Records(admin, change.Id);
        Assert.Equal(3, records.Count);
        Assert.Equal(("Sms", "Sent", "已短信告知"), Told(records[mobile.Number]));
        Assert.Equal(("Sms", "Sent", "已短信告知"), Told(records[caughtUp.Number]));
        Assert.Equal(("NoMobile", null, "无手机号，请另行告知"), Told(records[landline.Number]));
        var page = await admin.GetStringAsync($"/admin/calendar/changes/{change.Id}");
        Assert.Contains("已短信告知", page, StringComparison.Ordinal);
        Assert.Contains("无手机号，请另行告知", page, StringComparison.Ordinal);
        var csv = (await admin.GetStringAsync($"/admin/calendar/changes/{change.Id}/export")).TrimStart('\uFEFF').Split("\r\n");
        Assert.EndsWith(",告知申请人", csv[0], StringComparison.Ordinal);
        Assert.Contains($"{landline.Number},食品经营许可,乙,********1888,法定期限,,2027-02-24,2027-02-25,无手机号，请另行告知", csv);
        Assert.Contains("已短信告知", await (await app.SignedIn("reviewer.sj")).GetStringAsync($"/workbench/calendar-changes/{change.Id}"), StringComparison.Ordinal);
    }

    private static async Task<CaseView> Register(HttpClient clerk, string name, string phone)
    {
        var response = await clerk.PostAsJsonAsync("/api/v1/cases",
            new RegisterApplication("431025-SJ-003", Domain.Cases.ApplicantKind.Person, name, "11010519491231002X", phone, MaterialsProvided: DemoCatalog.RequiredMaterials("431025-SJ-003")) { Form = DemoApplicationForms.SampleAnswers("431025-SJ-003") }, Json.Options);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<CaseView>();
    }

    /// <summary>The change's records by case number, as the API gives them (read as JSON, field by field).</summary>
    private static async Task<Dictionary<string, JsonElement>> Records(HttpClient admin, Guid change)
    {
        var page = await (await admin.GetAsync($"/api/v1/calendar/admin/changes/{change}/records")).ReadJsonAsync();
        return page.GetProperty("items").EnumerateArray().ToDictionary(r => r.GetProperty("number").GetString()!, r => r.Clone());
    }

    private static (string?, string?, string?) Told(JsonElement record) =>
        (Field(record, "told"), Field(record, "sms"), Field(record, "toldText"));

    private static string? Field(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
