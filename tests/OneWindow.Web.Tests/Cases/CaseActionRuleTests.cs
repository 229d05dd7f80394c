using OneWindow.Web.Modules.Catalog;
using OneWindow.Web.Modules.Accounts;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneWindow.Domain;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Modules.Organization;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Cases;

/// <summary>
/// Walks every case action × every case role × every node of a case's life through the API and compares each answer
/// with the rule table below: a role the table does not name is refused (403) and changes nothing; an action the
/// case offers the person (<c>availableActions</c>) succeeds on a fresh case in that state; any other is refused by
/// the state (409, or 400 for an input the state makes wrong) and changes nothing.
/// </summary>
public class CaseActionRuleTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    // The rule table as the hall works, written here on its own and not read from the domain's code.
    private static readonly string[] WindowActions = ["pre-review-pass", "pre-review-return", "accept", "correction", "supplement", "supply-deferred", "reject", "pay", "issue", "deliver", "conclude-instantly"];
    private static readonly string[] NodeActions = ["complete-node", "return-node", "decide", "suspend", "pause-for-correction", "resume", "claim", "hand-over"];
    private static readonly string[] ApproverActions = ["extend", "terminate"];

    private static bool TableAllows(string action, string role, string? nodeRole)
    {
        string[] atNode = nodeRole switch
        {
            null => [StaffRoles.WindowClerk],
            StaffRoles.Reviewer => [StaffRoles.Reviewer, StaffRoles.Approver], // 首席代表 may act for the reviewer
            _ => [nodeRole],
        };
        return action switch
        {
            _ when WindowActions.Contains(action) => role == StaffRoles.WindowClerk,
            _ when NodeActions.Contains(action) => atNode.Contains(role),
            _ when ApproverActions.Contains(action) => role == StaffRoles.Approver,
            "withdraw" => role == StaffRoles.WindowClerk || atNode.Contains(role),
            _ => throw new InvalidOperationException("No rule for " + action),
        };
    }

    private const string Item = "431025-MZ-001";        // 受理 (clerk) → 审查 (reviewer) → 审批决定 (approver) → 制证送达 (clerk)
    private const string InstantItem = "431025-MZ-004"; // 即办件
    private const string Package = "431025-YJS-002";    // 开办餐饮店一件事, led by 市场监管

    private static readonly string[] Ministry = ["clerk.mz", "reviewer.mz", "approver.mz"];
    private static readonly string[] Market = ["clerk", "reviewer.sj", "approver.sj"];

    [Fact]
    public async Task Every_action_by_every_role_at_every_node_is_answered_as_the_rule_table_says()
    {
        await AddColleaguesAsync();
        var stages = new (string Name, string[] Users, Func<Task<string>> Make)[]
        {
            ("submitted online", Ministry, SubmittedOnlineAsync),
            ("received", Ministry, () => Received(Item)),
            ("received, instant item", Ministry, () => Received(InstantItem)),
            ("awaiting correction", Ministry, async () => await Then(await Received(Item), "clerk.mz", "correction", new { missing = new[] { "章程草案" } })),
            ("at the review node", Ministry, AtReviewAsync),
            ("at the decision node", Ministry, async () => await Then(await AtReviewAsync(), "reviewer.mz", "complete-node", new { opinion = "符合条件" })),
            ("suspended", Ministry, async () => await Then(await AtReviewAsync(), "reviewer.mz", "suspend", new { procedure = "专家评审", expectedWorkingDays = 5, reason = "需专家评审" })),
            ("decided", Ministry, DecidedAsync),
            ("result issued", Ministry, async () => await Then(await DecidedAsync(), "clerk.mz", "issue", new { resultNumber = "湘社证 2026-1" })),
            ("concluded", Ministry, async () => await Then(await Then(await DecidedAsync(), "clerk.mz", "issue", new { resultNumber = "湘社证 2026-2" }), "clerk.mz", "deliver", new { method = "WindowPickup" })),
            ("withdrawn", Ministry, async () => await Then(await Received(Item), "clerk.mz", "withdraw", new { reason = "申请人书面申请撤回" })),
            ("joint case in parallel handling", Market, JointAcceptedAsync),
            ("a part at its review node", Market, PartAtReviewAsync),
        };
        var mismatches = new List<string>();
        foreach (var (name, users, make) in stages)
        {
            var shared = await make();
            var before = await ReadAsync(users[0], shared);
            foreach (var user in users)
            {
                var seen = await ReadAsync(user, shared);
                var role = RoleOf(user);
                var nodeRole = seen.Nodes.FirstOrDefault(n => n.Name == seen.CurrentNode && n.CompletedAt is null)?.ActingRole;
                var offered = seen.AvailableActions ?? [];
                foreach (var action in CaseActionNames.All)
                {
                    var body = Body(action, user, nodeRole, seen);
                    if (!TableAllows(action, role, nodeRole))
                    {
                        if (offered.Contains(action))
                        {
                            mismatches.Add($"{name}: {action} is offered to {user} against the table");
                        }
                        var refused = await PostAsync(user, shared, seen.Revision, action, body);
                        if (refused.Status != HttpStatusCode.Forbidden || refused.Code != "case.role-not-allowed")
                        {
                            mismatches.Add($"{name}: {action} by {user} answered {(int)refused.Status} {refused.Code}, the table refuses the role (403)");
                        }
                    }
                    else if (offered.Contains(action))
                    {
                        var fresh = await make();
                        var done = await PostAsync(user, fresh, (await ReadAsync(user, fresh)).Revision, action, body);
                        if (done.Status != HttpStatusCode.OK)
                        {
                            mismatches.Add($"{name}: {action} by {user} is offered but answered {(int)done.Status} {done.Code}");
                        }
                    }
                    else
                    {
                        var refused = await PostAsync(user, shared, seen.Revision, action, body);
                        if (refused.Status is not (HttpStatusCode.Conflict or HttpStatusCode.BadRequest))
                        {
                            mismatches.Add($"{name}: {action} by {user} is not offered but answered {(int)refused.Status} {refused.Code}");
                        }
                    }
                }
            }
            var after = await ReadAsync(users[0], shared);
            if (after.Revision != before.Revision)
            {
                mismatches.Add($"{name}: a refused action changed the case (revision {before.Revision} → {after.Revision})");
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public async Task People_who_do_not_work_on_cases_may_take_no_action_at_all()
    {
        var number = await Received(Item);
        foreach (var user in new[] { "supervisor", "leader", "admin", "hotline", "13907350001" })
        {
            foreach (var action in CaseActionNames.All)
            {
                var answer = await PostAsync(user, number, 1, action, new { });
                Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
            }
        }
    }

    [Fact]
    public async Task A_case_is_handed_over_only_to_a_colleague_who_may_act_at_its_node()
    {
        var number = await AtReviewAsync();
        var revision = (await ReadAsync("reviewer.mz", number)).Revision;
        var offered = await (await (await Client("reviewer.mz")).GetAsync($"/api/v1/cases/{number}/hand-over-candidates")).ReadAsync<List<HandOverCandidate>>();
        Assert.Contains(offered, o => o.UserName == "approver.mz");
        Assert.DoesNotContain(offered, o => o.UserName is "clerk.mz" or "reviewer.mz" or "supervisor");
        // The window clerk of the same department cannot review; a supervisor cannot work on cases at all.
        foreach (var target in new[] { "clerk.mz", "supervisor" })
        {
            var refused = await PostAsync("reviewer.mz", number, revision, "hand-over", new { toUser = target, reason = "公休" });
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Equal("case.hand-over-target", refused.Code);
        }
        var done = await PostAsync("reviewer.mz", number, revision, "hand-over", new { toUser = "approver.mz", reason = "公休" });
        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Equal("民政 首席代表 吴刚", (await ReadAsync("reviewer.mz", number)).AssigneeName);
    }

    private static string RoleOf(string user) => user switch
    {
        _ when user.StartsWith("clerk", StringComparison.Ordinal) => StaffRoles.WindowClerk,
        _ when user.StartsWith("reviewer", StringComparison.Ordinal) => StaffRoles.Reviewer,
        _ => StaffRoles.Approver,
    };

    /// <summary>A valid request for the action, so that only the person's role and the case's state decide the answer.</summary>
    private static object Body(string action, string user, string? nodeRole, CaseView seen) => action switch
    {
        "pre-review-return" or "correction" or "pause-for-correction" => new { missing = new[] { "章程草案" }, expectedWorkingDays = 5 },
        "supplement" or "supply-deferred" => new { provided = new[] { "章程草案" } },
        "reject" => new { reason = "不属于本机关职权范围", referTo = "临武县市场监督管理局" },
        "complete-node" => new { opinion = "符合条件" },
        "return-node" => new { reason = "材料需要核实" },
        "suspend" => new { procedure = "专家评审", expectedWorkingDays = 5, reason = "需专家评审" },
        "resume" => new { opinion = "评审通过" },
        "extend" => new { workingDays = 10, reason = "需现场核查" },
        "decide" => new { outcome = "Grant" },
        "pay" => new { amount = seen.StandardFeeTotal, receiptNumber = "R-0001" },
        "issue" or "conclude-instantly" => new { resultNumber = "R-2026-" + Guid.NewGuid().ToString("N")[..6] },
        "deliver" => new { method = "WindowPickup" },
        "hand-over" => new { toUser = HandOverTarget(user, nodeRole), reason = "本人公休" },
        "withdraw" or "terminate" => new { reason = "申请人书面申请撤回" },
        _ => new { },
    };

    /// <summary>A colleague in the same scope who may act at the node (the demo county has one of most; the test adds the rest).</summary>
    private static string HandOverTarget(string user, string? nodeRole) => (user, nodeRole) switch
    {
        ("reviewer.mz", _) => "approver.mz",
        ("approver.mz", StaffRoles.Reviewer) => "reviewer.mz",
        ("approver.mz", _) => "approver2.mz",
        ("reviewer.sj", _) => "approver.sj",
        ("approver.sj", _) => "reviewer.sj",
        ("clerk", _) => "clerk2",
        _ => "clerk2.mz",
    };

    /// <summary>A second window clerk and approver in 民政 and a second comprehensive window clerk, as a real hall has.</summary>
    private async Task AddColleaguesAsync()
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        foreach (var (name, like, role) in new[] { ("clerk2.mz", "clerk.mz", StaffRoles.WindowClerk), ("approver2.mz", "approver.mz", StaffRoles.Approver), ("clerk2", "clerk", StaffRoles.WindowClerk) })
        {
            if (await users.FindByNameAsync(name) is not null)
            {
                continue;
            }
            var model = (await users.FindByNameAsync(like))!;
            var colleague = new UserAccount { UserName = name, DisplayName = "同事 " + name, VenueId = model.VenueId, DepartmentId = model.DepartmentId };
            Assert.True((await users.CreateAsync(colleague, DemoCounty.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(colleague, role)).Succeeded);
        }
    }

    private async Task<string> Received(string item)
    {
        var response = await (await Client(item == Package ? "clerk" : "clerk.mz")).PostAsJsonAsync("/api/v1/cases",
            new RegisterApplication(item, ApplicantKind.Person, "柳青", "11010519491231002X", "13800000000", MaterialsProvided: DemoCatalog.RequiredMaterials(item)) { Form = DemoApplicationForms.SampleAnswers(item) }, Json.Options);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<CaseView>()).Number;
    }

    private async Task<string> AtReviewAsync() => await Then(await Received(Item), "clerk.mz", "accept", new { });

    private async Task<string> DecidedAsync() =>
        await Then(await Then(await AtReviewAsync(), "reviewer.mz", "complete-node", new { opinion = "符合条件" }), "approver.mz", "decide", new { outcome = "Grant" });

    private async Task<string> JointAcceptedAsync() => await Then(await Received(Package), "clerk", "accept", new { });

    private async Task<string> PartAtReviewAsync()
    {
        var joint = await ReadAsync("clerk", await JointAcceptedAsync());
        foreach (var part in joint.Parts)
        {
            var seen = await ReadAsync("clerk", part.Number);
            if (seen.Nodes.Any(n => n.Name == seen.CurrentNode && n.ActingRole == StaffRoles.Reviewer))
            {
                return part.Number;
            }
        }
        throw new InvalidOperationException("The package has no part with a review node.");
    }

    /// <summary>An online application submitted by an applicant and awaiting the center's pre-review, made through the domain.</summary>
    private async Task<string> SubmittedOnlineAsync()
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<OneWindowDbContext>();
        var clerk = await db.Users.AsNoTracking().FirstAsync(u => u.UserName == "clerk.mz");
        var venue = await db.Venues.AsNoTracking().FirstAsync(v => v.Id == clerk.VenueId);
        var template = await services.GetRequiredService<CaseTemplates>().LoadTemplateAsync(Item, CancellationToken.None);
        var county = venue.RegionCode[..6] + "000000";
        var calendar = await services.GetRequiredService<RegionCalendars>().ForRegionAsync(county);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var applicant = new Actor("applicant-" + Guid.NewGuid().ToString("N")[..8], "柳青", ApplicantRoles.Applicant);
        var c = Case.StartDraft(template, Applicant.Create(ApplicantKind.Person, "柳青", "11010519491231002X", "13800000000", new DateOnly(2026, 11, 22)),
            applicant, venue.Id, county, now);
        c.Submit("431025-W-" + Guid.NewGuid().ToString("N")[..12], ["社会团体法人登记申请书"], applicant, now, calendar);
        db.Cases.Add(c);
        db.CaseEvents.AddRange(c.NewEvents);
        await db.SaveChangesAsync();
        return c.Number;
    }

    private async Task<string> Then(string number, string user, string action, object body)
    {
        var revision = (await ReadAsync(user, number)).Revision;
        var answer = await PostAsync(user, number, revision, action, body);
        Assert.True(answer.Status == HttpStatusCode.OK, $"{action} by {user} on {number}: {(int)answer.Status} {answer.Code}");
        return number;
    }

    private async Task<CaseView> ReadAsync(string user, string number)
    {
        var response = await (await Client(user)).GetAsync("/api/v1/cases/" + number);
        Assert.True(response.IsSuccessStatusCode, $"{user} reads {number}: {(int)response.StatusCode}");
        return await response.ReadAsync<CaseView>();
    }

    private async Task<(HttpStatusCode Status, string? Code)> PostAsync(string user, string number, int revision, string action, object body)
    {
        var payload = System.Text.Json.JsonSerializer.SerializeToElement(body, Json.Options);
        var merged = new Dictionary<string, object?> { ["revision"] = revision };
        foreach (var p in payload.EnumerateObject())
        {
            merged[p.Name] = p.Value;
        }
        var response = await (await Client(user)).PostAsJsonAsync($"/api/v1/cases/{number}/{action}", merged, Json.Options);
        string? code = null;
        if (!response.IsSuccessStatusCode && response.Content.Headers.ContentLength != 0
            && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true)
        {
            code = (await response.ReadJsonAsync()).TryGetProperty("code", out var c) ? c.GetString() : null;
        }
        return (response.StatusCode, code);
    }

    private Task<HttpClient> Client(string user) => app.SignedInOnce(user);
}
