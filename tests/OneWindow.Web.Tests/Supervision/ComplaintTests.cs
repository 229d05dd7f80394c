using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Supervision;

/// <summary>效能投诉 through the pages: filed anonymously online, followed with its code, accepted, concluded, answered.</summary>
public partial class ComplaintTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private async Task<string> FileAnonymously(string content)
    {
        var citizen = app.Anonymous();
        var filed = await Forms.PostAsync(citizen, "/complaints/new", new Dictionary<string, string>
        {
            ["About"] = "Window", ["Target"] = "B01 民政窗口", ["Details"] = content, ["Anonymous"] = "true",
        });
        var html = await filed.Content.ReadAsStringAsync();
        return Code().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException(html);
    }

    private async Task<EfficiencyComplaint> Load(string code)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.EfficiencyComplaints.AsNoTracking().SingleAsync(c => c.TrackingCode == code);
        }
    }

    [Fact]
    public async Task The_complainants_phone_is_masked_until_a_supervisor_asks_and_the_asking_is_audited()
    {
        var filed = await Forms.PostAsync(app.Anonymous(), "/complaints/new", new Dictionary<string, string>
        {
            ["About"] = "Window", ["Target"] = "B01 民政窗口", ["Details"] = "窗口态度生硬", ["Anonymous"] = "false", ["Name"] = "王五", ["Phone"] = "13912345678",
        });
        var code = Code().Match(await filed.Content.ReadAsStringAsync()).Groups[1].Value;
        var url = $"/supervision/complaints/{(await Load(code)).Id}";
        var supervisor = await app.SignedIn("supervisor");
        var page = await supervisor.GetStringAsync(url);
        Assert.Contains("*******5678", page, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", page, StringComparison.Ordinal);

        var leader = await app.SignedIn("leader");
        Assert.DoesNotContain("13912345678", await leader.GetStringAsync(url), StringComparison.Ordinal);
        // The leader's page has no reveal button; the token comes from the sign-out page.
        var token = OneWindowFactory.AntiforgeryToken(await leader.GetStringAsync("/account/logout"));
        var refused = await Forms.PostWithTokenAsync(leader, token, url + "?handler=Reveal", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/account/denied", new Uri(new Uri("http://localhost"), refused.Headers.Location!).AbsolutePath);

        // Without a reason nothing is shown and nothing recorded; with one, the phone, not cached, and the reason audited.
        var unexplained = await Forms.PostAsync(supervisor, url, new Dictionary<string, string>(), url + "?handler=Reveal");
        Assert.DoesNotContain("13912345678", await unexplained.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var revealed = await Forms.PostAsync(supervisor, url, new Dictionary<string, string> { ["RevealReason"] = "回访投诉人" }, url + "?handler=Reveal");
        Assert.Contains("13912345678", await revealed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(revealed.Headers.CacheControl?.NoStore, "the full phone must not be cached");
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var views = await db.AuditEntries.Where(a => a.Action == Web.Modules.Audit.PersonalData.ViewedAction && a.EntityType == "EfficiencyComplaint").ToListAsync();
            var view = Assert.Single(views);
            Assert.Equal("supervisor", view.Actor);
            Assert.Contains("回访投诉人", view.Details, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_anonymous_complaint_is_followed_by_its_code_accepted_concluded_and_answered()
    {
        var code = await FileAnonymously("窗口人员长时间离岗，群众排队无人受理");
        var citizen = app.Anonymous();
        Assert.Contains("待受理", await citizen.GetStringAsync($"/complaints/track?code={code}"), StringComparison.Ordinal);

        var supervisor = await app.SignedIn("supervisor");
        var complaint = await Load(code);
        var url = $"/supervision/complaints/{complaint.Id}";
        Assert.Contains(code, await supervisor.GetStringAsync("/supervision/complaints"), StringComparison.Ordinal);
        await Forms.PostAsync(supervisor, url, new Dictionary<string, string> { ["Revision"] = complaint.Revision.ToString(CultureInfo.InvariantCulture) }, url + "?handler=Accept");
        complaint = await Load(code);
        Assert.Equal(ComplaintStatus.Accepted, complaint.Status);
        Assert.Contains("已受理，调查中", await citizen.GetStringAsync($"/complaints/track?code={code}"), StringComparison.Ordinal);

        var concluded = await Forms.PostAsync(supervisor, url, new Dictionary<string, string>
        {
            ["Revision"] = complaint.Revision.ToString(CultureInfo.InvariantCulture), ["Upheld"] = "true", ["Findings"] = "经调取监控，查实离岗 40 分钟", ["Reply"] = "投诉属实，已对相关人员批评教育并落实 AB 岗",
        }, url + "?handler=Conclude");
        Assert.Equal(HttpStatusCode.Redirect, concluded.StatusCode);
        var tracked = await citizen.GetStringAsync($"/complaints/track?code={code}");
        Assert.Contains("已办结", tracked, StringComparison.Ordinal);
        Assert.Contains("落实 AB 岗", tracked, StringComparison.Ordinal);
        Assert.DoesNotContain("查实离岗", tracked, StringComparison.Ordinal); // the findings stay inside
        Assert.True((await Load(code)).Upheld);
    }

    [Fact]
    public async Task A_refused_complaint_tells_the_complainant_why()
    {
        var code = await FileAnonymously("对税率政策不满");
        var supervisor = await app.SignedIn("supervisor");
        var complaint = await Load(code);
        var url = $"/supervision/complaints/{complaint.Id}";
        await Forms.PostAsync(supervisor, url, new Dictionary<string, string> { ["Revision"] = complaint.Revision.ToString(CultureInfo.InvariantCulture), ["Reason"] = "属于政策咨询，不属于效能投诉受理范围，请拨打 12345" }, url + "?handler=Refuse");

        var tracked = await app.Anonymous().GetStringAsync($"/complaints/track?code={code}");
        Assert.Contains("不予受理", tracked, StringComparison.Ordinal);
        Assert.Contains("请拨打 12345", tracked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_complaint_about_an_unknown_case_is_refused_with_a_message_and_nothing_is_saved()
    {
        var citizen = app.Anonymous();
        var response = await Forms.PostAsync(citizen, "/complaints/new", new Dictionary<string, string>
        {
            ["About"] = "Case", ["CaseNumber"] = "431025-20991231-00042", ["Details"] = "办件拖延", ["Anonymous"] = "false", ["Name"] = "李四", ["Phone"] = "13800000000",
        });
        Assert.Contains("不存在，请核对办件编号", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            Assert.False(await db.EfficiencyComplaints.AnyAsync(c => c.CaseNumber == "431025-20991231-00042"));
        }
        Assert.Contains("没有找到", await citizen.GetStringAsync("/complaints/track?code=TSNOTACODE"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_supervisors_handle_complaints()
    {
        var code = await FileAnonymously("服务态度差");
        var complaint = await Load(code);
        var clerk = await app.SignedIn("clerk.mz");
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.GetAsync($"/supervision/complaints/{complaint.Id}")).StatusCode);
    }

    [GeneratedRegex("class=\"tracking-code\">(TS[0-9A-Z]{10})<")]
    private static partial Regex Code();
}
