using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Accounts;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Modules.Catalog;
using OneWindow.Web.Modules.Organization;
using OneWindow.Web.Modules.Supervision;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Organization;

/// <summary>
/// Cases are counted against the window the clerk sits at: the clerk chooses it (at the workbench, at intake or through
/// the API), the server remembers it, and the dashboard, the big screen and the venue's display count the same thing.
/// </summary>
public sealed partial class StaffSeatTests : IDisposable
{
    private readonly OneWindowFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Two_clerks_at_two_windows_are_counted_at_their_windows_alike_on_the_dashboard_and_the_display()
    {
        await AddComprehensiveClerkAsync("clerk2");
        var windows = await WindowsAsync();

        // The demo clerk sits at A04 (市场服务); her colleague has not chosen yet and may choose any comprehensive window.
        var clerk = await _app.SignedIn("clerk");
        var seat = await (await clerk.GetAsync("/api/v1/workbench/window")).ReadAsync<SeatView>();
        Assert.Equal("A04", seat.Number);
        var clerk2 = await _app.SignedIn("clerk2");
        var none = await (await clerk2.GetAsync("/api/v1/workbench/window")).ReadAsync<SeatView>();
        Assert.Null(none.WindowId);
        Assert.Equal(["A01", "A02", "A03", "A04", "A05", "C01", "C02"], none.Windows.Select(w => w.Number));

        // A window of a department, or of another venue, is not hers to sit at.
        var refused = await clerk2.PutAsJsonAsync("/api/v1/workbench/window", new ChooseWindowRequest(windows["B09"]));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("window.not-yours", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // She sits at A05 (through the API) and takes in a market item there — an item A04 is authorized for.
        var chosen = await (await clerk2.PutAsJsonAsync("/api/v1/workbench/window", new ChooseWindowRequest(windows["A05"]))).ReadAsync<SeatView>();
        Assert.Equal("A05", chosen.Number);
        var atA05 = await CaseApi.Register(clerk2, "431025-SJ-002", "甲");
        Assert.Equal(windows["A05"], await WindowOfAsync(atA05.Number));

        // The remembered window follows her to another device (a new sign-in).
        var elsewhere = await _app.SignedIn("clerk2");
        Assert.Equal("A05", (await (await elsewhere.GetAsync("/api/v1/workbench/window")).ReadAsync<SeatView>()).Number);
        Assert.Contains("A05", MainOf(await elsewhere.GetStringAsync("/workbench")), StringComparison.Ordinal);

        // At the counter she moves to A03: the intake form offers her window, and what she picks there is remembered.
        var form = await elsewhere.GetStringAsync("/workbench/cases/new?item=431025-SJ-002");
        Assert.Matches($"<option value=\"{windows["A05"]}\" selected=\"selected\">A05", form);
        var posted = await Forms.PostAsync(elsewhere, "/workbench/cases/new?item=431025-SJ-002", new Dictionary<string, string>(FormAnswers.Of("431025-SJ-002"))
        {
            ["Item"] = "431025-SJ-002", ["WindowId"] = windows["A03"].ToString(), ["ApplicantKind"] = "Person", ["ApplicantName"] = "乙",
            ["IdentityNumber"] = "11010519491231002X", ["Phone"] = "13800000000",
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var atA03 = posted.Headers.Location!.OriginalString.Split('/')[^1];
        Assert.Equal(windows["A03"], await WindowOfAsync(atA03));
        Assert.Equal("A03", (await (await clerk2.GetAsync("/api/v1/workbench/window")).ReadAsync<SeatView>()).Number);

        // The clerk at A04 takes in a market item and 开办企业一件事, one application of four parts.
        await CaseApi.Register(clerk, "431025-SJ-001", "丙");
        var joint = await CaseApi.Register(clerk, "431025-YJS-001", "丁");
        joint = await CaseApi.Act(clerk, joint, "accept", new { });
        Assert.Equal(4, joint.Parts.Count);

        // Dashboard: each window's applications today.
        var expected = new Dictionary<string, int> { ["A03"] = 1, ["A04"] = 2, ["A05"] = 1 };
        DashboardFigures figures;
        using (var scope = _app.Services.CreateScope())
        {
            figures = await DashboardFigures.ComputeAsync(scope.ServiceProvider.GetRequiredService<OneWindowDbContext>(), _app.Clock.GetUtcNow().UtcDateTime, null, CancellationToken.None);
        }
        var dashboard = figures.Windows.Where(w => w.ServedToday > 0).ToDictionary(w => w.Number, w => w.ServedToday);
        Assert.Equal(expected, dashboard);

        // The venue's display and the big screen say the same.
        var venue = await CenterAsync();
        var display = new Dictionary<string, int>();
        foreach (var page in new[] { 1, 2 }) // the display shows the center's 20 windows on two pages
        {
            foreach (var (number, count) in DisplayCounts(await _app.Anonymous().GetStringAsync($"/display/{venue}?windows={page}")))
            {
                display.Add(number, count);
            }
        }
        Assert.Equal(20, display.Count);
        Assert.Equal(expected, display.Where(d => d.Value > 0).ToDictionary());
        var screen = await _app.Anonymous().GetStringAsync("/screen");
        foreach (var (number, count) in expected)
        {
            Assert.Matches($"<td>{number}</td><td>[^<]*</td><td>{count}</td>", screen);
        }
    }

    private async Task AddComprehensiveClerkAsync(string name)
    {
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
        var model = (await users.FindByNameAsync("clerk"))!;
        var colleague = new UserAccount { UserName = name, DisplayName = "综合窗口 " + name, VenueId = model.VenueId, DepartmentId = null };
        Assert.True((await users.CreateAsync(colleague, DemoCounty.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(colleague, StaffRoles.WindowClerk)).Succeeded);
        var items = await db.StaffItems.AsNoTracking().Where(a => a.UserId == model.Id).Select(a => a.ItemCode).ToListAsync();
        db.StaffItems.AddRange(items.Select(code => new StaffItemAuthorization { UserId = colleague.Id, ItemCode = code }));
        await db.SaveChangesAsync();
    }

    private async Task<Guid> CenterAsync()
    {
        var db = _app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Venues.Where(v => v.Tier == VenueTier.CountyCenter && v.RegionCode == DemoCounty.CountyCode).Select(v => v.Id).SingleAsync();
        }
    }

    private async Task<Dictionary<string, Guid>> WindowsAsync()
    {
        var center = await CenterAsync();
        var db = _app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Windows.Where(w => w.VenueId == center).ToDictionaryAsync(w => w.Number, w => w.Id);
        }
    }

    private async Task<Guid?> WindowOfAsync(string number)
    {
        var db = _app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Cases.Where(c => c.Number == number).Select(c => c.ReceivingWindowId).SingleAsync();
        }
    }

    private static string MainOf(string html) => html[html.IndexOf("<main", StringComparison.Ordinal)..];

    /// <summary>Each window's "served today" on the venue display.</summary>
    private static Dictionary<string, int> DisplayCounts(string html) =>
        DisplayWindow().Matches(html).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex("<div class=\"window-number\">([^<]+)</div>.*?<div class=\"window-served\"><span>[^<]*</span><strong>(\\d+)</strong>", RegexOptions.Singleline)]
    private static partial Regex DisplayWindow();
}
