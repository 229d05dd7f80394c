using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Modules.Complaints;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Supervision;

/// <summary>
/// <c>/api/v1/complaints</c> drives the complaint pages' flow: filed by anyone (anonymous if wished) and followed with
/// its code; accepted or refused, concluded and answered by a supervisor; the complainant shown in full only on an
/// audited request.
/// </summary>
public class ComplaintApiTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private const string Complaints = "/api/v1/complaints";

    private static async Task<ComplaintTracking> FileAsync(HttpClient client, object complaint)
    {
        var response = await client.PostAsJsonAsync(Complaints, complaint, Json.Options);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var tracking = await response.ReadAsync<ComplaintTracking>();
        Assert.Equal($"{Complaints}/track/{tracking.TrackingCode}", response.Headers.Location?.OriginalString);
        return tracking;
    }

    private async Task<Guid> IdOf(string code)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.EfficiencyComplaints.Where(c => c.TrackingCode == code).Select(c => c.Id).SingleAsync();
        }
    }

    private static async Task<ComplaintView> Ok(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<ComplaintView>();
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task An_anonymous_complaint_filed_through_the_api_is_followed_accepted_concluded_and_answered()
    {
        var citizen = app.Anonymous();
        var filed = await FileAsync(citizen, new ComplaintRequest(ComplaintAbout.Window, "窗口人员长时间离岗，群众排队无人受理", Anonymous: true, Target: "B01 民政窗口"));
        Assert.Equal(ComplaintStatus.Filed, filed.Status);
        Assert.Equal(new DateOnly(2026, 11, 27), filed.AcceptDueDate); // five working days after Sunday 22 November
        Assert.Equal(ComplaintStatus.Filed, (await (await citizen.GetAsync($"{Complaints}/track/{filed.TrackingCode}")).ReadAsync<ComplaintTracking>()).Status);

        var supervisor = await app.SignedIn("supervisor");
        Assert.Contains((await (await supervisor.GetAsync($"{Complaints}?status=Filed")).ReadAsync<ComplaintPage>()).Items, c => c.TrackingCode == filed.TrackingCode);
        var url = $"{Complaints}/{await IdOf(filed.TrackingCode)}";
        var seen = await Ok(await supervisor.GetAsync(url));
        Assert.Equal(ComplaintChannel.Online, seen.Channel);
        Assert.Equal(["accept", "refuse"], seen.AvailableActions);

        // A department that does not exist is refused for its field; a stale revision is a conflict.
        var noSuchDepartment = await Problem(await supervisor.PostAsJsonAsync(url + "/accept", new ComplaintAcceptRequest(seen.Revision, Guid.NewGuid()), Json.Options), HttpStatusCode.BadRequest);
        Assert.True(noSuchDepartment.GetProperty("errors").TryGetProperty("departmentId", out _));
        var accepted = await Ok(await supervisor.PostAsJsonAsync(url + "/accept", new ComplaintAcceptRequest(seen.Revision), Json.Options));
        Assert.Equal(ComplaintStatus.Accepted, accepted.Status);
        Assert.Equal("concurrency.conflict", (await Problem(await supervisor.PostAsJsonAsync(url + "/refuse", new ComplaintRefuseRequest(seen.Revision, "迟到的不予受理"), Json.Options),
            HttpStatusCode.Conflict)).GetProperty("code").GetString());
        Assert.Equal(ComplaintStatus.Accepted, (await (await citizen.GetAsync($"{Complaints}/track/{filed.TrackingCode}")).ReadAsync<ComplaintTracking>()).Status);

        var noFindings = await Problem(await supervisor.PostAsJsonAsync(url + "/conclude", new ComplaintConcludeRequest(accepted.Revision, true, "", "答复"), Json.Options), HttpStatusCode.BadRequest);
        Assert.True(noFindings.GetProperty("errors").TryGetProperty("findings", out _));
        var concluded = await Ok(await supervisor.PostAsJsonAsync(url + "/conclude",
            new ComplaintConcludeRequest(accepted.Revision, true, "经调取监控，查实离岗 40 分钟", "投诉属实，已对相关人员批评教育并落实 AB 岗"), Json.Options));
        Assert.Equal(ComplaintStatus.Concluded, concluded.Status);
        Assert.True(concluded.Upheld);
        Assert.Empty(concluded.AvailableActions);

        var tracked = await (await citizen.GetAsync($"{Complaints}/track/{filed.TrackingCode}")).ReadJsonAsync();
        Assert.Equal("投诉属实，已对相关人员批评教育并落实 AB 岗", tracked.GetProperty("reply").GetString());
        Assert.Equal("Concluded", tracked.GetProperty("status").GetString());
        // The findings and everything about anyone stay inside.
        Assert.Equal(["trackingCode", "filedAt", "status", "acceptDueDate", "reply"], tracked.EnumerateObject().Select(p => p.Name));
        Assert.Equal("not-found", (await Problem(await citizen.GetAsync($"{Complaints}/track/TSNOTACODE"), HttpStatusCode.NotFound)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_refused_complaint_tells_the_complainant_why_and_a_supervisor_filing_at_the_hall_files_for_the_visitor()
    {
        var supervisor = await app.SignedIn("supervisor");
        var filed = await FileAsync(supervisor, new ComplaintRequest(ComplaintAbout.Other, "对税率政策不满", Anonymous: true));
        var url = $"{Complaints}/{await IdOf(filed.TrackingCode)}";
        var seen = await Ok(await supervisor.GetAsync(url));
        Assert.Equal(ComplaintChannel.Hall, seen.Channel);
        await Problem(await supervisor.PostAsJsonAsync(url + "/refuse", new { revision = seen.Revision }, Json.Options), HttpStatusCode.BadRequest);
        await Ok(await supervisor.PostAsJsonAsync(url + "/refuse", new ComplaintRefuseRequest(seen.Revision, "属于政策咨询，不属于效能投诉受理范围，请拨打 12345"), Json.Options));

        var tracked = await (await app.Anonymous().GetAsync($"{Complaints}/track/{filed.TrackingCode}")).ReadAsync<ComplaintTracking>();
        Assert.Equal(ComplaintStatus.Refused, tracked.Status);
        Assert.Contains("请拨打 12345", tracked.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_complaint_about_an_unknown_case_or_without_contact_is_refused_for_its_field_and_nothing_is_saved()
    {
        var citizen = app.Anonymous();
        var unknown = await Problem(await citizen.PostAsJsonAsync(Complaints,
            new ComplaintRequest(ComplaintAbout.Case, "办件拖延", CaseNumber: "431025-20991231-00043", Name: "李四", Phone: "13800000000"), Json.Options), HttpStatusCode.BadRequest);
        Assert.Equal("complaint.case-unknown", unknown.GetProperty("code").GetString());
        var noContact = await Problem(await citizen.PostAsJsonAsync(Complaints, new ComplaintRequest(ComplaintAbout.Other, "办件拖延"), Json.Options), HttpStatusCode.BadRequest);
        Assert.True(noContact.GetProperty("errors").TryGetProperty("phone", out _));
        await Problem(await citizen.PostAsJsonAsync(Complaints, new { about = "Other", anonymous = true }, Json.Options), HttpStatusCode.BadRequest);
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            Assert.False(await db.EfficiencyComplaints.AnyAsync(c => c.CaseNumber == "431025-20991231-00043"));
        }
    }

    [Fact]
    public async Task The_complainant_is_masked_for_the_center_and_shown_to_a_supervisor_only_with_an_audited_reason()
    {
        var filed = await FileAsync(app.Anonymous(), new ComplaintRequest(ComplaintAbout.Window, "窗口态度生硬", Target: "B01 民政窗口", Name: "王小五", Phone: "13912345678"));
        var url = $"{Complaints}/{await IdOf(filed.TrackingCode)}";
        var leader = await app.SignedIn("leader");
        var masked = await Ok(await leader.GetAsync(url));
        Assert.Equal(("王**", "*******5678"), (masked.ComplainantName, masked.ComplainantPhone));
        Assert.DoesNotContain("13912345678", await leader.GetStringAsync(url), StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", await (await app.SignedIn("supervisor")).GetStringAsync(Complaints + "?status=Filed"), StringComparison.Ordinal);
        Assert.Empty(masked.AvailableActions);
        await Problem(await leader.PostAsJsonAsync(url + "/complainant", new { reason = "回访" }, Json.Options), HttpStatusCode.Forbidden);
        await Problem(await leader.PostAsJsonAsync(url + "/accept", new ComplaintAcceptRequest(1), Json.Options), HttpStatusCode.Forbidden);

        var supervisor = await app.SignedIn("supervisor");
        Assert.Equal("personal-data.reason-required", (await Problem(await supervisor.PostAsJsonAsync(url + "/complainant", new { reason = " " }, Json.Options),
            HttpStatusCode.BadRequest)).GetProperty("code").GetString());
        var revealed = await supervisor.PostAsJsonAsync(url + "/complainant", new { reason = "回访投诉人" }, Json.Options);
        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        Assert.True(revealed.Headers.CacheControl?.NoStore, "the full phone must not be cached");
        var full = await revealed.ReadAsync<ComplainantInFull>();
        Assert.Equal(("王小五", "13912345678"), (full.Name, full.Phone));
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var key = url[(Complaints.Length + 1)..];
            var view = Assert.Single(await db.AuditEntries.Where(a => a.Action == Web.Modules.Audit.PersonalData.ViewedAction && a.EntityKey == key).ToListAsync());
            Assert.Equal("supervisor", view.Actor);
            Assert.Contains("回访投诉人", view.Details, StringComparison.Ordinal);
        }

        // An anonymous complaint has nobody to show.
        var anonymous = await FileAsync(app.Anonymous(), new ComplaintRequest(ComplaintAbout.Other, "无人值守", Anonymous: true));
        Assert.Equal("complaint.no-contact", (await Problem(await supervisor.PostAsJsonAsync($"{Complaints}/{await IdOf(anonymous.TrackingCode)}/complainant", new { reason = "回访" }, Json.Options),
            HttpStatusCode.Conflict)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Window_staff_may_not_read_complaints()
    {
        var filed = await FileAsync(app.Anonymous(), new ComplaintRequest(ComplaintAbout.Other, "服务态度差", Anonymous: true));
        var clerk = await app.SignedIn("clerk.mz");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync(Complaints)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync($"{Complaints}/{await IdOf(filed.TrackingCode)}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync(Complaints)).StatusCode);
    }
}
