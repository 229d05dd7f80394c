using OneWindow.Web.Modules.Catalog;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OneWindow.Domain.Cases;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Modules.Ratings;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Cases;

/// <summary>
/// <c>/api/v1/ratings</c> drives the rating flow of the tracking page and the workbench: rated once online, a bad
/// rating rectified by its department or appealed and reviewed by a supervisor, with the page's scope and revisions.
/// </summary>
public class RatingApiTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private const string Ratings = "/api/v1/ratings";

    /// <summary>An instant item of 民政局 concluded at the window; the applicant's phone ends in 2222.</summary>
    private async Task<CaseView> ConcludedCaseAsync()
    {
        var clerk = await app.SignedIn("clerk.mz");
        var c = await (await clerk.PostAsJsonAsync("/api/v1/cases", new RegisterApplication("431025-MZ-004", ApplicantKind.Person, "冯十二", "11010519491231002X", "13811112222", MaterialsProvided: DemoCatalog.RequiredMaterials("431025-MZ-004")), Json.Options)).ReadAsync<CaseView>();
        return await CaseApi.Act(clerk, c, "conclude-instantly", new { resultNumber = "J-" + c.Number });
    }

    private Task<HttpResponseMessage> RateAsync(string number, string tail, RatingLevel level, string? comment) =>
        app.Anonymous().PostAsJsonAsync($"{Ratings}/online", new OnlineRatingRequest(number, tail, level, comment), Json.Options);

    private async Task<RatingView> BadRatingAsync(string comment)
    {
        var c = await ConcludedCaseAsync();
        var rated = await RateAsync(c.Number, "2222", RatingLevel.VeryDissatisfied, comment);
        Assert.True(rated.StatusCode == HttpStatusCode.Created, $"{(int)rated.StatusCode} {await rated.Content.ReadAsStringAsync()}");
        var page = await (await (await app.SignedIn("clerk.mz")).GetAsync(Ratings)).ReadAsync<RatingPage>();
        return Assert.Single(page.Items, r => r.CaseNumber == c.Number);
    }

    private static async Task<RatingView> Ok(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<RatingView>();
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task A_concluded_case_is_rated_once_online_and_a_bad_rating_needs_its_reason()
    {
        var c = await ConcludedCaseAsync();
        Assert.Equal("rating.case-unknown", (await Problem(await RateAsync(c.Number, "9999", RatingLevel.Satisfied, null), HttpStatusCode.BadRequest)).GetProperty("code").GetString());
        Assert.Equal("rating.tail-invalid", (await Problem(await RateAsync(c.Number, "22", RatingLevel.Satisfied, null), HttpStatusCode.BadRequest)).GetProperty("code").GetString());
        var noReason = await Problem(await RateAsync(c.Number, "2222", RatingLevel.Dissatisfied, null), HttpStatusCode.BadRequest);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("comment", out _), noReason.ToString());
        await Problem(await app.Anonymous().PostAsJsonAsync($"{Ratings}/online", new { number = c.Number, tail = "2222", level = 4 }, Json.Options), HttpStatusCode.BadRequest);

        var rated = await RateAsync(c.Number, "2222", RatingLevel.Dissatisfied, "窗口人员态度生硬，让我跑了两次");
        Assert.Equal(HttpStatusCode.Created, rated.StatusCode);
        var answer = await rated.ReadAsync<OnlineRatingAnswer>();
        Assert.True(answer.Bad);
        Assert.Equal(new DateOnly(2026, 11, 27), answer.CallbackBy); // five working days after Sunday 22 November
        Assert.Equal("rating.already-rated", (await Problem(await RateAsync(c.Number, "2222", RatingLevel.VerySatisfied, null), HttpStatusCode.Conflict)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Wrong_tails_count_towards_the_lock_tracking_shares_and_a_malformed_one_does_not()
    {
        var c = await ConcludedCaseAsync();
        for (var i = 0; i < 10; i++)
        {
            await Problem(await RateAsync(c.Number, new string('9', i % 2 == 0 ? 3 : 5), RatingLevel.Satisfied, null), HttpStatusCode.BadRequest);
        }
        Assert.Equal(HttpStatusCode.Created, (await RateAsync(c.Number, "2222", RatingLevel.Satisfied, null)).StatusCode);

        var other = await ConcludedCaseAsync();
        for (var i = 0; i < 5; i++)
        {
            await RateAsync(other.Number, (3000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), RatingLevel.Satisfied, null);
        }
        Assert.Equal("tracking.locked", (await Problem(await RateAsync(other.Number, "2222", RatingLevel.Satisfied, null), HttpStatusCode.BadRequest)).GetProperty("code").GetString());
        Assert.Contains("该办件编号的查询因多次输入错误已暂停", await app.Anonymous().GetStringAsync($"/track?number={other.Number}&tail=2222"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_department_rectifies_its_bad_rating_through_the_api_while_another_department_is_refused()
    {
        var rating = await BadRatingAsync("等了很久没人理");
        Assert.Equal("临武县民政局", rating.DepartmentName);
        Assert.Equal(["rectify", "appeal"], rating.AvailableActions);
        Assert.Equal(new DateOnly(2026, 11, 27), rating.RectificationDueDate);
        var url = $"{Ratings}/{rating.Id}";

        var outsider = await app.SignedIn("reviewer.sj");
        Assert.DoesNotContain((await (await outsider.GetAsync(Ratings)).ReadAsync<RatingPage>()).Items, r => r.Id == rating.Id);
        Assert.Equal("rating.out-of-scope", (await Problem(await outsider.GetAsync(url), HttpStatusCode.Forbidden)).GetProperty("code").GetString());
        Assert.Equal("rating.out-of-scope", (await Problem(await outsider.PostAsJsonAsync(url + "/rectify", new RectifyRatingRequest(rating.Revision, "回访", "整改"), Json.Options),
            HttpStatusCode.Forbidden)).GetProperty("code").GetString());

        // A supervisor sees it (not in the default list of appeals) but does not rectify for the department.
        var supervisor = await app.SignedIn("supervisor");
        Assert.DoesNotContain((await (await supervisor.GetAsync(Ratings)).ReadAsync<RatingPage>()).Items, r => r.Id == rating.Id);
        Assert.Contains((await (await supervisor.GetAsync($"{Ratings}?rectification=Open")).ReadAsync<RatingPage>()).Items, r => r.Id == rating.Id);
        Assert.Equal("rating.not-department", (await Problem(await supervisor.PostAsJsonAsync(url + "/rectify", new RectifyRatingRequest(rating.Revision, "回访", "整改"), Json.Options),
            HttpStatusCode.Forbidden)).GetProperty("code").GetString());

        var clerk = await app.SignedIn("clerk.mz");
        var blank = await Problem(await clerk.PostAsJsonAsync(url + "/rectify", new RectifyRatingRequest(rating.Revision, "", "窗口开展服务规范培训"), Json.Options), HttpStatusCode.BadRequest);
        Assert.True(blank.GetProperty("errors").TryGetProperty("callbackNote", out _), blank.ToString());
        var rectified = await Ok(await clerk.PostAsJsonAsync(url + "/rectify", new RectifyRatingRequest(rating.Revision, "11月23日电话回访，当面致歉", "窗口开展服务规范培训，推行一次性告知"), Json.Options));
        Assert.Equal(RectificationStatus.Rectified, rectified.Rectification);
        Assert.Equal("窗口开展服务规范培训，推行一次性告知", rectified.RectificationNote);
        Assert.Equal("concurrency.conflict", (await Problem(await clerk.PostAsJsonAsync(url + "/appeal", new AppealRatingRequest(rating.Revision, "恶意差评"), Json.Options),
            HttpStatusCode.Conflict)).GetProperty("code").GetString());

        Assert.DoesNotContain((await (await clerk.GetAsync(Ratings)).ReadAsync<RatingPage>()).Items, r => r.Id == rating.Id);
        Assert.Contains((await (await clerk.GetAsync($"{Ratings}?rectification=Rectified")).ReadAsync<RatingPage>()).Items, r => r.Id == rating.Id);
    }

    [Fact]
    public async Task An_appeal_goes_to_a_supervisor_who_may_set_the_rating_aside()
    {
        var rating = await BadRatingAsync("乱评");
        var url = $"{Ratings}/{rating.Id}";
        var clerk = await app.SignedIn("clerk.mz");
        var appealed = await Ok(await clerk.PostAsJsonAsync(url + "/appeal", new AppealRatingRequest(rating.Revision, "申请人当场办结并表示满意，评价内容与事实不符，有监控录像为证"), Json.Options));
        Assert.Equal(RectificationStatus.AppealPending, appealed.Rectification);
        Assert.Equal(["rectify"], appealed.AvailableActions);
        await Problem(await clerk.PostAsJsonAsync(url + "/review", new ReviewAppealRequest(appealed.Revision, true, "自己审核"), Json.Options), HttpStatusCode.Forbidden);

        var supervisor = await app.SignedIn("supervisor");
        var awaiting = Assert.Single((await (await supervisor.GetAsync(Ratings)).ReadAsync<RatingPage>()).Items, r => r.Id == rating.Id);
        Assert.Equal(["review"], awaiting.AvailableActions);
        await Problem(await supervisor.PostAsJsonAsync(url + "/review", new { revision = appealed.Revision, review = "未说明是否成立" }, Json.Options), HttpStatusCode.BadRequest);
        var upheld = await Ok(await supervisor.PostAsJsonAsync(url + "/review", new ReviewAppealRequest(appealed.Revision, true, "经查看录像，申诉属实"), Json.Options));
        Assert.Equal(RectificationStatus.AppealUpheld, upheld.Rectification);
        Assert.Equal("经查看录像，申诉属实", upheld.AppealReview);
        Assert.Equal("rating.no-appeal", (await Problem(await supervisor.PostAsJsonAsync(url + "/review", new ReviewAppealRequest(upheld.Revision, false, "再审"), Json.Options),
            HttpStatusCode.Conflict)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_staff_list_is_closed_to_the_anonymous_and_to_applicants()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync(Ratings)).StatusCode);
        var applicant = await app.SignedIn(Modules.Organization.DemoCounty.DemoApplicant.Phone);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync(Ratings)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedIn("clerk.mz")).GetAsync($"{Ratings}/{Guid.NewGuid()}")).StatusCode);
    }
}
