using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Cases;

/// <summary>
/// Someone who can write to the database but holds no record key edits a concluded case's record directly: removes
/// its last events, rewrites an event and chains plain hashes after it again, or changes the case row. The API, the
/// case pages and the verify-chains command each catch every edit.
/// </summary>
public class RecordTamperingTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    public static TheoryData<string> Edits => ["truncate", "rewrite", "status", "decision", "result-number"];

    [Theory]
    [MemberData(nameof(Edits))]
    public async Task An_edit_behind_the_apps_back_shows_on_the_case_and_its_pages(string edit)
    {
        var number = await ConcludedCaseAsync();
        var clerk = await app.SignedInOnce("clerk.mz");
        Assert.True((await (await clerk.GetAsync("/api/v1/cases/" + number)).ReadAsync<CaseView>()).Chain.IsIntact);

        await EditAsync(number, edit);

        var seen = await (await clerk.GetAsync("/api/v1/cases/" + number)).ReadAsync<CaseView>();
        Assert.False(seen.Chain.IsIntact);
        Assert.Contains(edit switch
        {
            "truncate" => "实存 3 条",
            "rewrite" => "已被改动",
            "status" => "状态",
            "decision" => "决定",
            _ => "证照编号",
        }, seen.Chain.Problem, StringComparison.Ordinal);
        Assert.Contains("记录链校验失败", await clerk.GetStringAsync("/workbench/cases/" + number), StringComparison.Ordinal);
        Assert.Contains("记录链校验失败", await (await app.SignedInOnce("supervisor")).GetStringAsync($"/supervision/cases/{number}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_verify_command_names_every_edited_case_and_fails()
    {
        var edited = new List<string>();
        foreach (var edit in Edits)
        {
            var number = await ConcludedCaseAsync();
            await EditAsync(number, edit);
            edited.Add(number);
        }
        var sound = await ConcludedCaseAsync();

        var (exitCode, output) = await AppProcess.RunCommandAsync(app.Database, "verify-chains");

        Assert.Equal(1, exitCode);
        Assert.All(edited, number => Assert.Contains("BROKEN " + number, output, StringComparison.Ordinal));
        Assert.DoesNotContain("BROKEN " + sound, output, StringComparison.Ordinal);
    }

    private async Task<string> ConcludedCaseAsync()
    {
        var clerk = await app.SignedInOnce("clerk.mz");
        var c = await CaseApi.Register(clerk, "431025-MZ-001", "柳青");
        c = await CaseApi.Act(clerk, c, "accept", new { });
        c = await CaseApi.Act(await app.SignedInOnce("reviewer.mz"), c, "complete-node", new { opinion = "符合条件" });
        c = await CaseApi.Act(await app.SignedInOnce("approver.mz"), c, "decide", new { outcome = "Grant" });
        c = await CaseApi.Act(clerk, c, "issue", new { resultNumber = "湘社证 " + Guid.NewGuid().ToString("N")[..6] });
        c = await CaseApi.Act(clerk, c, "deliver", new { method = "WindowPickup" });
        Assert.Equal(6, c.Events.Count);
        return c.Number;
    }

    /// <summary>Each edit straight in the database, as someone holding its password but not the record key would make it.</summary>
    private async Task EditAsync(string number, string edit)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var c = await db.Cases.AsNoTracking().SingleAsync(x => x.Number == number);
            switch (edit)
            {
                case "truncate":
                    await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM \"CaseEvents\" WHERE \"CaseId\" = {c.Id} AND \"Sequence\" > 3");
                    break;
                case "rewrite":
                    // The approver's decision becomes a denial; every seal from there on is recomputed as plain SHA-256
                    // (the key is not in the database), and the case row is pointed at the new last seal.
                    var events = await db.CaseEvents.Where(e => e.CaseId == c.Id).OrderBy(e => e.Sequence).ToListAsync();
                    db.Entry(events[3]).Property(e => e.Opinion).CurrentValue = "不符合条件";
                    var head = events[2].Hash;
                    foreach (var e in events.Skip(3))
                    {
                        var entry = db.Entry(e);
                        entry.Property(x => x.PreviousHash).CurrentValue = head;
                        head = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(e.SealedText(head, e.KeyId!))));
                        entry.Property(x => x.Hash).CurrentValue = head;
                    }
                    await db.SaveChangesAsync();
                    await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"Cases\" SET \"LastEventHash\" = {head} WHERE \"Id\" = {c.Id}");
                    break;
                case "status":
                    await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"Cases\" SET \"Status\" = {(int)CaseStatus.Withdrawn} WHERE \"Id\" = {c.Id}");
                    break;
                case "decision":
                    await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"Cases\" SET \"Decision\" = {(int)DecisionOutcome.Deny} WHERE \"Id\" = {c.Id}");
                    break;
                default:
                    await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"Cases\" SET \"ResultNumber\" = {"湘社证 伪造"} WHERE \"Id\" = {c.Id}");
                    break;
            }
        }
    }
}
