using System.IO.Compression;
using System.Net;
using OneWindow.Domain.Assessment;
using OneWindow.Domain.Cases;
using OneWindow.Web.Modules.Assessment;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Assessment;

/// <summary>绩效考核 from a record built by hand on a database of its own, on the page and in the Excel export.</summary>
public sealed class AssessmentTests : IDisposable
{
    private readonly OneWindowFactory _app = new();

    public void Dispose() => _app.Dispose();


    private async Task BuildRecordAsync()
    {
        // 民政: one instant case concluded on time, one accepted, one denied without a legal basis (a yellow card).
        var clerk = await _app.SignedIn("clerk.mz");
        await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-MZ-004", "甲"), "conclude-instantly", new { resultNumber = "J-1" });
        await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-MZ-002", "乙"), "accept", new { });
        var denied = await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-MZ-002", "丙"), "accept", new { });
        denied = await CaseApi.Act(await _app.SignedIn("reviewer.mz"), denied, "complete-node", new { opinion = "不符合" });
        await CaseApi.Act(await _app.SignedIn("approver.mz"), denied, "decide", new { outcome = "Deny", reason = "不符合条件" });
        await _app.SettleFiguresAsync();
    }

    [Fact]
    public async Task A_departments_month_is_scored_from_its_record_and_departments_without_cases_are_not_scored()
    {
        await BuildRecordAsync();
        using var scope = _app.Services.CreateScope();
        var assess = scope.ServiceProvider.GetRequiredService<AssessUnits>();

        var scores = await assess.ScoreAsync(AssessedKind.Department, new AssessmentPeriod(PeriodKind.Month, 2026, 11), CancellationToken.None);
        var mz = scores.Single(s => s.Name == "临武县民政局");
        Assert.Equal((1, 1, 3, 3, 1), (mz.Facts.Concluded, mz.Facts.ConcludedOnTime, mz.Facts.Accepted, mz.Facts.AcceptedPromptly, mz.Facts.YellowCards));
        Assert.Equal(98m, mz.Total); // a yellow card costs 2 of the alerts' 25
        Assert.Equal(Grade.Excellent, mz.Grade);
        Assert.Equal(1, mz.Rank);
        // A department with no cases in the month has no score and no grade: not 100 and 优秀.
        Assert.All(scores.Where(s => s.Key != mz.Key), s => Assert.True(s.Total is null && s.Grade is null && s.Rank is null, s.Name));

        // An upheld complaint about a case counts against its department and the window that took it in.
        var db = scope.ServiceProvider.GetRequiredService<Data.OneWindowDbContext>();
        var number = db.Cases.Where(c => c.Applicant.Name == "乙").Select(c => c.Number).Single();
        var complaint = Domain.Supervision.EfficiencyComplaint.File(Domain.Supervision.ComplaintChannel.Hall, Domain.Supervision.ComplaintAbout.Case, number, null,
            mz.Facts.Key is { } k ? Guid.Parse(k) : null, "431025000000", "拖延", true, null, null, _app.Clock.GetUtcNow().UtcDateTime, Domain.Calendar.WorkingDayCalendar.Create(Domain.Calendar.NationalCalendar.ShippedDays, null, Domain.Calendar.NationalCalendar.ShippedNoticeYears));
        var supervisor = new Actor("s", "监察", "Supervisor");
        complaint.Accept(null, supervisor, _app.Clock.GetUtcNow().UtcDateTime);
        complaint.Conclude(true, "属实", "已整改", supervisor, _app.Clock.GetUtcNow().UtcDateTime);
        db.EfficiencyComplaints.Add(complaint);
        await db.SaveChangesAsync();

        var windows = await assess.ScoreAsync(AssessedKind.Window, new AssessmentPeriod(PeriodKind.Month, 2026, 11), CancellationToken.None);
        var b01 = windows.Single(w => w.Name.StartsWith("B01", StringComparison.Ordinal)).Facts;
        Assert.Equal((3, 1), (b01.Accepted, b01.UpheldComplaints));
        var departments = await assess.ScoreAsync(AssessedKind.Department, new AssessmentPeriod(PeriodKind.Month, 2026, 11), CancellationToken.None);
        Assert.Equal(93m, departments.Single(s => s.Key == mz.Key).Total); // and 5 of the complaints' 10
        var staff = await assess.ScoreAsync(AssessedKind.Staff, new AssessmentPeriod(PeriodKind.Quarter, 2026, 4), CancellationToken.None);
        // The window clerk decided the instant case and accepted all three; the 首席代表's denial is not concluded yet.
        var clerk = staff.Single(s => s.Name.Contains("王敏", StringComparison.Ordinal)).Facts;
        Assert.Equal((1, 3), (clerk.Concluded, clerk.Accepted));
        Assert.Equal(0, staff.Single(s => s.Name.Contains("吴刚", StringComparison.Ordinal)).Facts.Concluded);
    }

    [Fact]
    public async Task The_page_ranks_and_the_export_is_an_excel_workbook_with_the_same_scores()
    {
        await BuildRecordAsync();
        var leader = await _app.SignedIn("leader");
        var page = await leader.GetStringAsync("/supervision/assessment?kind=Department&period=2026-11");
        Assert.Contains("临武县民政局", page, StringComparison.Ordinal);
        Assert.Contains("98.00", page, StringComparison.Ordinal);
        Assert.Contains("预警扣分", page, StringComparison.Ordinal);
        Assert.Contains("考核期应写作", await leader.GetStringAsync("/supervision/assessment?period=2026-13"), StringComparison.Ordinal);
        // The annual assessment (年度考核): the year holds November's record, so the same department ranks with the same score.
        var year = await leader.GetStringAsync("/supervision/assessment?kind=Department&period=2026");
        Assert.Contains("value=\"2026\"", year, StringComparison.Ordinal);
        Assert.Contains("临武县民政局", year, StringComparison.Ordinal);
        Assert.DoesNotContain("考核期应写作", year, StringComparison.Ordinal);
        Assert.Contains("98.00", year, StringComparison.Ordinal);

        var response = await leader.GetAsync("/supervision/assessment.xlsx?kind=Department&period=2026-11");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        using var sheet = new StreamReader(await zip.GetEntry("xl/worksheets/sheet1.xml")!.OpenAsync());
        var xml = System.Xml.Linq.XDocument.Parse(await sheet.ReadToEndAsync());
        System.Xml.Linq.XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var rows = xml.Descendants(ns + "row").Select(r => r.Elements(ns + "c").Select(c => c.Value).ToList()).ToList();
        Assert.Equal(["排名", "部门", "得分", "等次"], rows[0].Take(4));
        var mz = rows.Single(r => r.Count > 1 && r[1] == "临武县民政局");
        Assert.Equal((98m, "优秀"), (decimal.Parse(mz[2], System.Globalization.CultureInfo.InvariantCulture), mz[3]));

        var bad = await leader.GetAsync("/supervision/assessment.xlsx?period=2026-13");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var clerk = await _app.SignedIn("clerk.mz");
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.GetAsync("/supervision/assessment")).StatusCode);
    }
}
