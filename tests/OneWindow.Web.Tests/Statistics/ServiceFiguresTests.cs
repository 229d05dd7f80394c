using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneWindow.Domain;
using OneWindow.Domain.Assessment;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Assessment;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Modules.Catalog;
using OneWindow.Web.Modules.Ratings;
using OneWindow.Web.Modules.Statistics;
using OneWindow.Web.Tests.Infrastructure;
using PeriodKind = OneWindow.Domain.Assessment.PeriodKind;

namespace OneWindow.Web.Tests.Statistics;

/// <summary>
/// The second increment of kept figures (ADR 0030): 好差评 by level, 差评率 and 差评整改率, alerts by severity, upheld
/// complaints, 跑零次 / 最多跑一次 and prompt acceptance, each against a hand-built day whose figures are worked out here;
/// and the assessment of departments and windows read from the kept figures equal to the old count of the record.
/// </summary>
public sealed class ServiceFiguresTests : IDisposable
{
    private readonly OneWindowFactory _app = new();

    public void Dispose() => _app.Dispose();

    private static readonly DateOnly Sunday = ChinaTime.DateOf(OneWindowFactory.DefaultNow.UtcDateTime);

    private async Task<HttpClient> Ok(string user) => await _app.SignedIn(user);

    private async Task RateAsync(string number, RatingLevel level, string? comment = null)
    {
        var rated = await _app.Anonymous().PostAsJsonAsync("/api/v1/ratings/online", new OnlineRatingRequest(number, "0000", level, comment), Json.Options);
        Assert.True(rated.IsSuccessStatusCode, $"{(int)rated.StatusCode} {await rated.Content.ReadAsStringAsync()}");
    }

    private async Task<RatingView> RatingOfAsync(string number)
    {
        var page = await (await (await Ok("clerk.mz")).GetAsync("/api/v1/ratings")).ReadAsync<RatingPage>();
        return Assert.Single(page.Items, r => r.CaseNumber == number);
    }

    private static async Task<RatingView> Done(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<RatingView>();
    }

    /// <summary>
    /// Sunday's hand-built record: four concluded cases whose visits are 1, 1, 3 and 0; four ratings (one each of 非常满意,
    /// 满意, 不满意 and 非常不满意), the 不满意 rectified, the 非常不满意 set aside on appeal; one upheld complaint; a denial.
    /// </summary>
    private async Task<(CaseView Instant, CaseView Corrected, CaseView Online)> BuildDayAsync()
    {
        var clerk = await Ok("clerk.mz");
        // A: an instant item at the counter, handed over on the spot: one visit.
        var instant = await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-MZ-004", "甲"), "conclude-instantly", new { resultNumber = "J-1" });
        // B: another: one visit.
        var second = await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-MZ-004", "乙"), "conclude-instantly", new { resultNumber = "J-2" });
        // C: handed in, a correction notice at the counter and the supplement brought in, the result collected: three visits.
        var corrected = await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-MZ-001", "丙"), "correction", new { missing = new[] { "章程草案" } });
        corrected = await CaseApi.Act(clerk, corrected, "supplement", new { provided = new[] { "章程草案" } });
        corrected = await CaseApi.Act(clerk, corrected, "accept", new { });
        corrected = await CaseApi.Act(await Ok("reviewer.mz"), corrected, "complete-node", new { opinion = "符合条件" });
        corrected = await CaseApi.Act(await Ok("approver.mz"), corrected, "decide", new { outcome = "Grant" });
        corrected = await CaseApi.Act(clerk, corrected, "issue", new { resultNumber = "R-3" });
        corrected = await CaseApi.Act(clerk, corrected, "deliver", new { method = "WindowPickup" });
        // D: submitted online and the result mailed: no visit at all.
        var bdc = await Ok("clerk");
        var registered = await bdc.PostAsJsonAsync("/api/v1/cases", new RegisterApplication("431025-BDC-001", ApplicantKind.Person, "丁", "11010519491231002X", "13800000000",
            CaseChannel.Online, MaterialsProvided: DemoCatalog.RequiredMaterials("431025-BDC-001")) { Form = DemoApplicationForms.SampleAnswers("431025-BDC-001") }, Json.Options);
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        var online = await registered.ReadAsync<CaseView>();
        online = await CaseApi.Act(bdc, online, "accept", new { });
        online = await CaseApi.Act(await Ok("approver.bdc"), online, "complete-node", new { opinion = "权属清楚" });
        online = await CaseApi.Act(await Ok("approver.bdc"), online, "decide", new { outcome = "Grant" });
        online = await CaseApi.Act(bdc, online, "pay", new { amount = 90m, receiptNumber = "湘财通字 100001" });
        online = await CaseApi.Act(bdc, online, "issue", new { resultNumber = "B-4" });
        online = await CaseApi.Act(bdc, online, "deliver", new { method = "Mail", reference = "EMS1" });
        // E: a denial (the sweep cards it), not concluded.
        var denied = await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-MZ-002", "戊"), "accept", new { });
        denied = await CaseApi.Act(await Ok("reviewer.mz"), denied, "complete-node", new { opinion = "不符合" });
        await CaseApi.Act(await Ok("approver.mz"), denied, "decide", new { outcome = "Deny", reason = "不符合条件" });

        await RateAsync(instant.Number, RatingLevel.VerySatisfied);
        await RateAsync(online.Number, RatingLevel.Satisfied);
        await RateAsync(second.Number, RatingLevel.Dissatisfied, "等了很久");
        await RateAsync(corrected.Number, RatingLevel.VeryDissatisfied, "让我跑了三次");
        var rectify = await RatingOfAsync(second.Number);
        await Done(await clerk.PostAsJsonAsync($"/api/v1/ratings/{rectify.Id}/rectify", new RectifyRatingRequest(rectify.Revision, "电话回访致歉", "增设叫号提醒"), Json.Options));
        var appeal = await RatingOfAsync(corrected.Number);
        var appealed = await Done(await clerk.PostAsJsonAsync($"/api/v1/ratings/{appeal.Id}/appeal", new AppealRatingRequest(appeal.Revision, "补正是申请人材料不全所致，有告知书为证"), Json.Options));
        await Done(await (await Ok("supervisor")).PostAsJsonAsync($"/api/v1/ratings/{appeal.Id}/review", new ReviewAppealRequest(appealed.Revision, true, "经核实申诉成立"), Json.Options));

        // An upheld complaint about case C (through the context, as the complaint desk saves it).
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
        var mz = await db.Cases.Where(c => c.Number == corrected.Number).Select(c => c.DepartmentId).SingleAsync();
        var now = _app.Clock.GetUtcNow().UtcDateTime;
        var complaint = EfficiencyComplaint.File(ComplaintChannel.Hall, ComplaintAbout.Case, corrected.Number, null, mz, "431025000000", "补正反复", true, null, null, now,
            WorkingDayCalendar.Create(NationalCalendar.ShippedDays, null, NationalCalendar.ShippedNoticeYears));
        var supervisor = new Actor("s", "监察", "Supervisor");
        complaint.Accept(null, supervisor, now);
        complaint.Conclude(true, "属实", "已整改", supervisor, now);
        await new WriteUnit(db, []).RunAsync(_ =>
        {
            db.EfficiencyComplaints.Add(complaint);
            return Task.CompletedTask;
        }, CancellationToken.None);
        await _app.SettleFiguresAsync();
        return (instant, corrected, online);
    }

    private static decimal? Value(StatisticsReportResult r, IndicatorId id) => r.Total.Figures.Single(f => f.Indicator == id).Value;

    [Fact]
    public async Task Ratings_alerts_complaints_and_visits_of_a_hand_built_day_give_the_worked_out_indicators()
    {
        var (_, corrected, online) = await BuildDayAsync();
        using var scope = _app.Services.CreateScope();
        var report = scope.ServiceProvider.GetRequiredService<StatisticsReport>();
        var ids = new[]
        {
            IndicatorId.Concluded, IndicatorId.ZeroVisitShare, IndicatorId.AtMostOneVisitShare, IndicatorId.Ratings, IndicatorId.RatedVerySatisfied, IndicatorId.RatedSatisfied,
            IndicatorId.RatedFair, IndicatorId.RatedDissatisfied, IndicatorId.RatedVeryDissatisfied, IndicatorId.BadRatingRate, IndicatorId.RectificationRate,
            IndicatorId.Reminders, IndicatorId.YellowCards, IndicatorId.RedCards, IndicatorId.ComplaintsUpheld,
        };
        var day = await report.RunAsync(new ReportQuery(ReportPeriod.Day(Sunday), Breakdown.None, ids), CancellationToken.None);
        // Four concluded: visits 1, 1, 3, 0 — one with none (25 %), three with at most one (75 %).
        Assert.Equal(4m, Value(day, IndicatorId.Concluded));
        Assert.Equal(25.00m, Value(day, IndicatorId.ZeroVisitShare));
        Assert.Equal(75.00m, Value(day, IndicatorId.AtMostOneVisitShare));
        // Four ratings, one of each level but 基本满意; two bad, one set aside on appeal: 1 of 4 is 25 %, and it was rectified.
        Assert.Equal((4m, 1m, 1m, 0m, 1m, 1m), (Value(day, IndicatorId.Ratings), Value(day, IndicatorId.RatedVerySatisfied), Value(day, IndicatorId.RatedSatisfied),
            Value(day, IndicatorId.RatedFair), Value(day, IndicatorId.RatedDissatisfied), Value(day, IndicatorId.RatedVeryDissatisfied)));
        Assert.Equal(25.00m, Value(day, IndicatorId.BadRatingRate));
        Assert.Equal(100.00m, Value(day, IndicatorId.RectificationRate));
        Assert.Equal(1m, Value(day, IndicatorId.ComplaintsUpheld));
        // The alerts as the supervision raised them that day, counted here from the alerts themselves; the denial was carded.
        var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
        var (start, end) = (ChinaTime.StartOfDayUtc(Sunday), ChinaTime.EndOfDayUtc(Sunday));
        var raised = await db.SupervisionAlerts.AsNoTracking().Where(a => a.RaisedAt >= start && a.RaisedAt < end).Select(a => a.Severity).ToListAsync();
        Assert.Contains(AlertSeverity.Yellow, raised);
        Assert.Equal((raised.Count(s => s == AlertSeverity.Reminder), raised.Count(s => s == AlertSeverity.Yellow), raised.Count(s => s == AlertSeverity.Red)),
            ((int)Value(day, IndicatorId.Reminders)!.Value, (int)Value(day, IndicatorId.YellowCards)!.Value, (int)Value(day, IndicatorId.RedCards)!.Value));

        // By window: the complaint and the set-aside rating belong to the window that took case C in; the online case's rating to 不动产's.
        var byWindow = await report.RunAsync(new ReportQuery(ReportPeriod.Day(Sunday), Breakdown.Window, [IndicatorId.Ratings, IndicatorId.BadRatingRate, IndicatorId.ComplaintsUpheld]), CancellationToken.None);
        var windowOfC = (await db.Cases.AsNoTracking().SingleAsync(c => c.Number == corrected.Number)).ReceivingWindowId!.Value.ToString();
        var rowC = byWindow.Rows.Single(r => r.Key == windowOfC);
        Assert.Equal((3m, 33.33m, 1m), (rowC.Figures[0].Value, rowC.Figures[1].Value, rowC.Figures[2].Value)); // A, B, C rated at the same window; B bad
        Assert.Equal(4m, byWindow.Rows.Sum(r => r.Figures[0].Value ?? 0));

        // The API twin says the same.
        var api = await (await (await Ok("leader")).GetAsync($"/api/v1/statistics/report?period={Sunday:yyyy-MM-dd}&indicators=BadRatingRate,ZeroVisitShare")).ReadJsonAsync();
        var total = api.GetProperty("total").GetProperty("figures");
        Assert.Equal(25.00m, total[0].GetProperty("value").GetDecimal());
        Assert.Equal(25.00m, total[1].GetProperty("value").GetDecimal());

        // And the recount of the service figures from the ratings, alerts and complaints agrees.
        var check = await scope.ServiceProvider.GetRequiredService<CheckServiceFigures>().RunAsync(Sunday, Sunday, repair: false, CancellationToken.None);
        Assert.True(check.Agrees, string.Join("\n", check.Differences.Select(d => $"{d.Key}: kept {d.Kept} counted {d.Counted}")));
        Assert.True(check.RecordsRead >= 5 + raised.Count);
        Assert.True((await scope.ServiceProvider.GetRequiredService<CheckFigures>().RunAsync(Sunday, Sunday, repair: false, CancellationToken.None)).Agrees);
        _ = online;
    }

    [Fact]
    public async Task The_check_finds_a_service_figure_that_went_wrong_and_repairs_it()
    {
        await BuildDayAsync();
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
        await db.Set<DailyServiceFigure>().Where(f => f.Day == Sunday && f.RatedSatisfied > 0).ExecuteUpdateAsync(s => s.SetProperty(f => f.RatedSatisfied, 0));
        var check = scope.ServiceProvider.GetRequiredService<CheckServiceFigures>();
        var found = await check.RunAsync(Sunday, Sunday, repair: true, CancellationToken.None);
        var difference = Assert.Single(found.Differences);
        Assert.Equal(1, difference.Counted[ServiceMeasure.RatedSatisfied] - difference.Kept[ServiceMeasure.RatedSatisfied]);
        Assert.True(found.Repaired);
        Assert.True((await check.RunAsync(Sunday, Sunday, repair: false, CancellationToken.None)).Agrees);
    }

    [Fact]
    public async Task The_assessment_of_departments_and_windows_read_from_the_kept_figures_equals_the_count_of_the_record()
    {
        await BuildDayAsync();
        // Another week of work: cases concluded late and early, accepted the next working day, a rating a day later.
        var clerk = await Ok("clerk.mz");
        var late = await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-MZ-001", "己"), "accept", new { });
        _app.Clock.Advance(TimeSpan.FromDays(1));
        clerk = await Ok("clerk.mz");
        var nextDay = await CaseApi.Register(clerk, "431025-MZ-001", "庚");
        _app.Clock.Advance(TimeSpan.FromDays(2));
        clerk = await Ok("clerk.mz");
        nextDay = await CaseApi.Act(clerk, nextDay, "accept", new { });
        late = await CaseApi.Act(await Ok("reviewer.mz"), late, "complete-node", new { opinion = "符合条件" });
        _app.Clock.Advance(TimeSpan.FromDays(30));
        late = await CaseApi.Act(await Ok("approver.mz"), late, "decide", new { outcome = "Grant" });
        late = await CaseApi.Act(await Ok("clerk.mz"), late, "issue", new { resultNumber = "R-9" });
        await CaseApi.Act(await Ok("clerk.mz"), late, "deliver", new { method = "WindowPickup" });
        await RateAsync(late.Number, RatingLevel.Dissatisfied, "超期了");
        await _app.SettleFiguresAsync();

        using var scope = _app.Services.CreateScope();
        var assess = scope.ServiceProvider.GetRequiredService<AssessUnits>();
        foreach (var period in new[] { new AssessmentPeriod(PeriodKind.Month, 2026, 11), new AssessmentPeriod(PeriodKind.Month, 2026, 12), new AssessmentPeriod(PeriodKind.Quarter, 2026, 4), new AssessmentPeriod(PeriodKind.Year, 2026, 1) })
        {
            foreach (var kind in new[] { AssessedKind.Department, AssessedKind.Window })
            {
                var kept = (await assess.FactsFromKeptFiguresAsync(kind, period, CancellationToken.None)).OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
                var counted = (await assess.FactsFromRecordAsync(kind, period, CancellationToken.None)).OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
                Assert.Equal(counted, kept);
                Assert.Contains(kept, f => !f.IsIdle);
            }
        }
        var quarter = (await assess.FactsFromKeptFiguresAsync(AssessedKind.Department, new AssessmentPeriod(PeriodKind.Quarter, 2026, 4), CancellationToken.None))
            .Single(f => f.Name == "临武县民政局");
        // Concluded with a decision: A, B, C and the late one; accepted: A, B, C, E, 己, 庚 (庚 two days late); bad ratings: B and the late one (C's set aside).
        Assert.Equal((4, 6, 5, 2, 1), (quarter.Concluded, quarter.Accepted, quarter.AcceptedPromptly, quarter.BadRatings, quarter.UpheldComplaints));
        Assert.True(quarter.ConcludedOnTime < quarter.Concluded);
    }

    [Fact]
    public async Task Every_count_of_the_report_opens_as_many_cases_as_it_counts_paged_by_key()
    {
        await BuildDayAsync();
        var clerk = await Ok("clerk.mz");
        for (var i = 0; i < FigureCases.PageSize + 1; i++)
        {
            await CaseApi.Register(clerk, "431025-MZ-001", "排队" + i);
        }
        await _app.SettleFiguresAsync();
        var leader = await Ok("leader");
        foreach (var by in new[] { "None", "Department", "Window", "Channel" })
        {
            var report = await (await leader.GetAsync($"/api/v1/statistics/report?period={Sunday:yyyy-MM-dd}&by={by}&indicators=Received,Concluded,InHand,Withdrawn")).ReadJsonAsync();
            var rows = by == "None" ? [report.GetProperty("total")] : report.GetProperty("rows").EnumerateArray().ToList();
            Assert.NotEmpty(rows);
            foreach (var row in rows)
            {
                var key = row.GetProperty("key").GetString();
                var figures = row.GetProperty("figures").EnumerateArray().ToList();
                foreach (var (indicator, k) in new[] { ("Received", 0), ("Concluded", 1), ("InHand", 2), ("Withdrawn", 3) })
                {
                    var numbers = new List<string>();
                    string? after = null;
                    do
                    {
                        var page = await (await leader.GetAsync($"/api/v1/statistics/cases?period={Sunday:yyyy-MM-dd}&indicator={indicator}&by={by}&key={key}&after={after}")).ReadJsonAsync();
                        var items = page.GetProperty("items").EnumerateArray().ToList();
                        Assert.True(items.Count <= FigureCases.PageSize);
                        numbers.AddRange(items.Select(x => x.GetProperty("number").GetString()!));
                        after = page.GetProperty("next").ValueKind == System.Text.Json.JsonValueKind.Null ? null : page.GetProperty("next").GetString();
                    }
                    while (after is not null);
                    Assert.Equal(figures[k].GetProperty("value").GetDecimal(), numbers.Count);
                    Assert.Equal(numbers.Count, numbers.Distinct().Count());
                }
            }
        }
        // The total received spans two pages; the page lists the same cases and pages on.
        var html = await leader.GetStringAsync($"/statistics/cases?period={Sunday:yyyy-MM-dd}&indicator=Received&by=None");
        Assert.Equal(FigureCases.PageSize, System.Text.RegularExpressions.Regex.Count(html, "href=\"/supervision/cases/"));
        Assert.Contains("after=", html, StringComparison.Ordinal);
        // A figure that is not a count of cases has no list.
        var refused = await leader.GetAsync($"/api/v1/statistics/cases?period={Sunday:yyyy-MM-dd}&indicator=OnTimeRate");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("statistics.no-cases", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
