using OneWindow.Web.Modules.Catalog;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Cases;

/// <summary>好差评: the public rates a concluded case once per channel; a bad rating is rectified or appealed.</summary>
public partial class RatingTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private async Task<CaseView> ConcludedCaseAsync()
    {
        var clerk = await app.SignedIn("clerk.mz");
        var c = await (await clerk.PostAsJsonAsync("/api/v1/cases", new RegisterApplication("431025-MZ-004", ApplicantKind.Person, "冯十二", "11010519491231002X", "13811112222", MaterialsProvided: DemoCatalog.RequiredMaterials("431025-MZ-004")), Json.Options)).ReadAsync<CaseView>();
        return await (await clerk.PostAsJsonAsync($"/api/v1/cases/{c.Number}/conclude-instantly", new { revision = c.Revision, resultNumber = "J-" + c.Number }, Json.Options)).ReadAsync<CaseView>();
    }

    private static async Task<HttpResponseMessage> RateAsync(HttpClient client, string number, string level, string? comment)
    {
        var page = await client.GetStringAsync($"/track?number={number}&tail=2222");
        return await client.PostAsync("/ratings/online", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", OneWindowFactory.AntiforgeryToken(page)),
            new("Number", number), new("Tail", "2222"), new("Level", level), new("Comment", comment ?? ""),
        ]));
    }

    [Fact]
    public async Task A_concluded_case_is_rated_once_online_and_a_good_rating_needs_no_rectification()
    {
        var c = await ConcludedCaseAsync();
        var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await RateAsync(client, c.Number, "VerySatisfied", null)).StatusCode);
        var again = await client.GetStringAsync($"/track?number={c.Number}&tail=2222");
        Assert.DoesNotContain("评价本次服务", again, StringComparison.Ordinal);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.OneWindowDbContext>();
        var rating = await db.Ratings.SingleAsync(r => r.CaseNumber == c.Number);
        Assert.Equal(RectificationStatus.None, rating.Rectification);
    }

    [Fact]
    public async Task A_bad_rating_needs_a_reason_and_opens_a_rectification_due_in_five_working_days()
    {
        var c = await ConcludedCaseAsync();
        var client = app.Anonymous();
        var noReason = await RateAsync(client, c.Number, "Dissatisfied", null);
        Assert.Contains("差评请写明不满意的原因", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await RateAsync(client, c.Number, "Dissatisfied", "窗口人员态度生硬，让我跑了两次");

        var clerk = await app.SignedIn("clerk.mz");
        var page = await clerk.GetStringAsync("/workbench/ratings");
        Assert.Contains(c.Number, page, StringComparison.Ordinal);
        Assert.Contains("2026-11-27", page, StringComparison.Ordinal); // five working days after Sun 22 Nov
        var id = RatingId().Match(page[page.IndexOf(c.Number, StringComparison.Ordinal)..]).Groups[1].Value;
        var revision = RevisionField().Match(page[page.IndexOf(c.Number, StringComparison.Ordinal)..]).Groups[1].Value;
        var rectified = await clerk.PostAsync("/workbench/ratings", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", OneWindowFactory.AntiforgeryToken(page)), new("action", "rectify"), new("RatingId", id), new("Revision", revision),
            new("CallbackNote", "11月23日电话回访，当面致歉"), new("RectificationNote", "窗口开展服务规范培训，推行一次性告知"),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, rectified.StatusCode);
        Assert.DoesNotContain(c.Number, await clerk.GetStringAsync("/workbench/ratings"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_appeal_goes_to_a_supervisor_who_may_set_the_rating_aside()
    {
        var c = await ConcludedCaseAsync();
        await RateAsync(app.Anonymous(), c.Number, "VeryDissatisfied", "乱评");
        var clerk = await app.SignedIn("clerk.mz");
        var page = await clerk.GetStringAsync("/workbench/ratings");
        var part = page[page.IndexOf(c.Number, StringComparison.Ordinal)..];
        await clerk.PostAsync("/workbench/ratings", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", OneWindowFactory.AntiforgeryToken(page)), new("action", "appeal"), new("RatingId", RatingId().Match(part).Groups[1].Value),
            new("Revision", RevisionField().Match(part).Groups[1].Value), new("Reason", "申请人当场办结并表示满意，评价内容与事实不符，有监控录像为证"),
        ]));
        var supervisor = await app.SignedIn("supervisor");
        var review = await supervisor.GetStringAsync("/workbench/ratings");
        Assert.Contains(c.Number, review, StringComparison.Ordinal);
        var reviewPart = review[review.IndexOf(c.Number, StringComparison.Ordinal)..];
        var upheld = await supervisor.PostAsync("/workbench/ratings", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", OneWindowFactory.AntiforgeryToken(review)), new("action", "review"), new("RatingId", RatingId().Match(reviewPart).Groups[1].Value),
            new("Revision", RevisionField().Match(reviewPart).Groups[1].Value), new("Upheld", "true"), new("Reason", "经查看录像，申诉属实"),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, upheld.StatusCode);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.OneWindowDbContext>();
        Assert.Equal(RectificationStatus.AppealUpheld, (await db.Ratings.SingleAsync(r => r.CaseNumber == c.Number)).Rectification);
    }

    [GeneratedRegex(@"name=""RatingId"" value=""([0-9a-f-]{36})""")]
    private static partial Regex RatingId();

    [GeneratedRegex(@"name=""Revision"" value=""(\d+)""")]
    private static partial Regex RevisionField();
}
