using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Operations;

/// <summary>
/// The fuzz targets of the supervision records and the ratings: every POST of <c>/api/v1/supervision/alerts</c>,
/// <c>/notices</c>, <c>/rules</c>, <c>/api/v1/complaints</c> and <c>/api/v1/ratings</c>, each aimed at a record of its own in the state
/// its action needs, so that the valid request sent at the end acts; and their lists and lookups as queries.
/// </summary>
public sealed partial class BadInputFuzzTests
{
    private async Task<(List<Target> Targets, List<(HttpClient Client, string Url)> Queries)> RecordTargetsAsync()
    {
        var clerk = await app.SignedIn("clerk.mz");
        var reviewer = await app.SignedIn("reviewer.mz");
        var approver = await app.SignedIn("approver.mz");
        var supervisor = await app.SignedIn("supervisor");
        var citizen = app.Anonymous();

        // Alerts: one to answer, two answered for a supervisor to close or send back.
        var toAnswer = await DeniedAlertAsync(clerk, reviewer, approver, "模糊测试甲");
        var toClose = await AnsweredAsync(reviewer, await DeniedAlertAsync(clerk, reviewer, approver, "模糊测试乙"));
        var toSendBack = await AnsweredAsync(reviewer, await DeniedAlertAsync(clerk, reviewer, approver, "模糊测试丙"));

        // Notices: one to reply to, one replied for a supervisor to close, and a case to issue them about.
        var about = await CaseApi.Register(clerk, "431025-MZ-002", "模糊测试丁");
        var toReply = await PostOkAsync(supervisor, "/api/v1/supervision/notices", new { caseNumber = about.Number, title = "办理缓慢", requirement = "请说明", replyWorkingDays = 2 });
        var replied = await PostOkAsync(supervisor, "/api/v1/supervision/notices", new { caseNumber = about.Number, title = "办理缓慢", requirement = "请说明", replyWorkingDays = 2 });
        replied = await PostOkAsync(reviewer, $"/api/v1/supervision/notices/{Id(replied)}/reply", new { revision = Revision(replied), reply = "已核实" });

        // Complaints: two filed (to accept, to refuse), one accepted (to conclude), one named (to see the complainant).
        var complaint = new { about = "Window", target = "B01 民政窗口", content = "窗口人员离岗", anonymous = true };
        var toAccept = await ComplaintIdAsync(await PostOkAsync(citizen, "/api/v1/complaints", complaint));
        var toRefuse = await ComplaintIdAsync(await PostOkAsync(citizen, "/api/v1/complaints", complaint));
        var toConclude = await ComplaintIdAsync(await PostOkAsync(citizen, "/api/v1/complaints", complaint));
        var accepted = await PostOkAsync(supervisor, $"/api/v1/complaints/{toConclude}/accept", new { revision = 1 });
        var named = await PostOkAsync(citizen, "/api/v1/complaints", new { about = "Other", content = "服务态度差", name = "王五", phone = "13912345678" });
        var department = await DepartmentIdAsync("临武县民政局");

        // Ratings: a concluded case to rate online, and three bad ratings to rectify, to appeal and (appealed) to review.
        var toRate = await ConcludedCaseAsync(clerk, "模糊测试戊");
        var toRectify = await BadRatingAsync(clerk, citizen, "模糊测试己");
        var toAppeal = await BadRatingAsync(clerk, citizen, "模糊测试庚");
        var toReview = await BadRatingAsync(clerk, citizen, "模糊测试辛");
        await PostOkAsync(clerk, $"/api/v1/ratings/{toReview}/appeal", new { revision = 0, reason = "恶意差评，有录像为证" });

        var targets = new List<Target>
        {
            new(reviewer, $"/api/v1/supervision/alerts/{toAnswer.Id}/answer", $$"""{"revision":{{toAnswer.Revision}},"response":"Explained","text":"申请人材料不全导致延误，已补充依据"}"""),
            new(supervisor, $"/api/v1/supervision/alerts/{toClose.Id}/close", $$"""{"revision":{{toClose.Revision}},"note":"整改到位"}"""),
            new(supervisor, $"/api/v1/supervision/alerts/{toSendBack.Id}/send-back", $$"""{"revision":{{toSendBack.Revision}},"note":"未说明所依据的法律条款"}"""),
            new(supervisor, "/api/v1/supervision/notices", $$"""{"caseNumber":"{{about.Number}}","title":"群众反映办理缓慢","requirement":"请核实办理进度并书面说明","replyWorkingDays":2}"""),
            new(reviewer, $"/api/v1/supervision/notices/{Id(toReply)}/reply", $$"""{"revision":{{Revision(toReply)}},"reply":"已核实，将于本周作出决定"}"""),
            new(supervisor, $"/api/v1/supervision/notices/{Id(replied)}/close", $$"""{"revision":{{Revision(replied)}},"note":"回复属实"}"""),
            new(citizen, "/api/v1/complaints", $$"""{"about":"Case","caseNumber":"{{about.Number}}","content":"办件拖延","anonymous":false,"name":"李四","phone":"13800000000"}"""),
            new(supervisor, $"/api/v1/complaints/{toAccept}/accept", $$"""{"revision":1,"departmentId":"{{department}}"}"""),
            new(supervisor, $"/api/v1/complaints/{toRefuse}/refuse", """{"revision":1,"reason":"属于政策咨询，请拨打 12345"}"""),
            new(supervisor, $"/api/v1/complaints/{toConclude}/conclude", $$"""{"revision":{{Revision(accepted)}},"upheld":true,"findings":"查实离岗 40 分钟","reply":"已批评教育"}"""),
            new(supervisor, $"/api/v1/complaints/{await ComplaintIdAsync(named)}/complainant", """{"reason":"回访投诉人"}"""),
            new(citizen, "/api/v1/ratings/online", $$"""{"number":"{{toRate}}","tail":"0000","level":"Satisfied","comment":"办事很快"}"""),
            new(clerk, $"/api/v1/ratings/{toRectify}/rectify", """{"revision":0,"callbackNote":"已电话回访致歉","rectificationNote":"推行一次性告知"}"""),
            new(clerk, $"/api/v1/ratings/{toAppeal}/appeal", """{"revision":0,"reason":"申请人当场表示满意，有录像为证"}"""),
            new(supervisor, $"/api/v1/ratings/{toReview}/review", """{"revision":1,"upheld":false,"review":"录像显示确有等待，申诉不成立"}"""),
            new(supervisor, "/api/v1/supervision/rules/settings", """{"rule":"PromisedReminder","scope":"Item","scopeKey":"431025-MZ-004","enabled":true,"severity":"Reminder","threshold":1}"""),
        };
        var queries = new List<(HttpClient, string)>
        {
            (reviewer, "/api/v1/supervision/alerts?status=Notified&severity=Yellow&after="),
            (supervisor, $"/api/v1/supervision/alerts/{toAnswer.Id}"),
            (supervisor, "/api/v1/supervision/notices?after="),
            (supervisor, "/api/v1/complaints?status=Filed"),
            (citizen, $"/api/v1/complaints/track/{(await ComplaintTrackingAsync(toAccept))}"),
            (clerk, "/api/v1/ratings?rectification=Open"),
        };
        return (targets, queries);
    }

    private async Task<(Guid Id, int Revision)> DeniedAlertAsync(HttpClient clerk, HttpClient reviewer, HttpClient approver, string applicant)
    {
        var c = await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-MZ-002", applicant), "accept", new { });
        c = await CaseApi.Act(reviewer, c, "complete-node", new { opinion = "材料不实" });
        await CaseApi.Act(approver, c, "decide", new { outcome = "Deny", reason = "不符合条件" });
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var alert = await db.SupervisionAlerts.AsNoTracking().SingleAsync(a => a.SubjectNumber == c.Number);
            return (alert.Id, alert.Revision);
        }
    }

    private static async Task<(Guid Id, int Revision)> AnsweredAsync(HttpClient department, (Guid Id, int Revision) alert)
    {
        var answered = await PostOkAsync(department, $"/api/v1/supervision/alerts/{alert.Id}/answer", new { revision = alert.Revision, response = "Rectified", text = "已整改" });
        return (alert.Id, Revision(answered));
    }

    private static async Task<string> ConcludedCaseAsync(HttpClient clerk, string applicant)
    {
        var c = await CaseApi.Register(clerk, "431025-MZ-004", applicant);
        return (await CaseApi.Act(clerk, c, "conclude-instantly", new { resultNumber = "J-" + c.Number })).Number;
    }

    /// <summary>A very dissatisfied online rating of a new concluded case (the applicant's phone ends in 0000); its id.</summary>
    private async Task<Guid> BadRatingAsync(HttpClient clerk, HttpClient citizen, string applicant)
    {
        var number = await ConcludedCaseAsync(clerk, applicant);
        await PostOkAsync(citizen, "/api/v1/ratings/online", new { number, tail = "0000", level = "VeryDissatisfied", comment = "等了很久" });
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Ratings.Where(r => r.CaseNumber == number).Select(r => r.Id).SingleAsync();
        }
    }

    private async Task<Guid> ComplaintIdAsync(JsonElement tracking)
    {
        var code = tracking.GetProperty("trackingCode").GetString();
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.EfficiencyComplaints.Where(c => c.TrackingCode == code).Select(c => c.Id).SingleAsync();
        }
    }

    private async Task<string> ComplaintTrackingAsync(Guid id)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.EfficiencyComplaints.Where(c => c.Id == id).Select(c => c.TrackingCode).SingleAsync();
        }
    }

    private async Task<Guid> DepartmentIdAsync(string name)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Departments.Where(d => d.Name == name).Select(d => d.Id).SingleAsync();
        }
    }

    private static async Task<JsonElement> PostOkAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body, Json.Options);
        Assert.True(response.IsSuccessStatusCode, $"POST {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    private static Guid Id(JsonElement record) => record.GetProperty("id").GetGuid();

    private static int Revision(JsonElement record) => record.GetProperty("revision").GetInt32();

    /// <summary>The revisions of the supervision records and ratings: an action that slipped through shows here.</summary>
    private static async Task<string> RecordRevisionsAsync(Web.Data.OneWindowDbContext db) =>
        $"alertRevisions={await db.SupervisionAlerts.SumAsync(a => (long)a.Revision)};noticeRevisions={await db.SupervisionNotices.SumAsync(n => (long)n.Revision)};"
        + $"complaintRevisions={await db.EfficiencyComplaints.SumAsync(c => (long)c.Revision)};ratingRevisions={await db.Ratings.SumAsync(r => (long)r.Revision)}";
}
