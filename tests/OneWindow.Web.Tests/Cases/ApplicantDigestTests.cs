using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Identifiers;
using OneWindow.Domain.Records;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Cases;

/// <summary>
/// A case's record binds its applicant, so that the applicant on the row cannot be changed unnoticed; but the event
/// data staff and the API see must not let anyone recover a masked ID number or phone by trying candidates offline
/// (an ID number has a few million plausible values once the region and birth date are guessed). The digest is keyed
/// under the record key, which staff never hold.
/// </summary>
public sealed class ApplicantDigestTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private const string Name = "钱多多", IdNumber = "11010519491231002X", Phone = "13800000000";

    [Fact]
    public async Task The_event_data_of_a_new_case_gives_an_offline_guesser_nothing_to_test_id_numbers_against()
    {
        var clerk = await app.SignedInOnce("clerk.mz");
        var c = await CaseApi.Register(clerk, "431025-MZ-001", Name);
        var seen = await (await clerk.GetAsync("/api/v1/cases/" + c.Number)).ReadAsync<CaseView>();
        Assert.True(seen.Chain.IsIntact);
        var data = string.Join("\n", seen.Events.Select(e => e.Data));

        // What a guesser does with the masked number (110105********002X), the name and the masked phone shown beside
        // it: try every birth date and sequence number, hash each the way a digest could be made, and look for it.
        var candidates = Candidates().ToList();
        Assert.Contains(IdNumber, candidates);
        foreach (var candidate in candidates)
        {
            foreach (var digest in UnkeyedDigests(candidate))
            {
                Assert.DoesNotContain(digest, data, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task A_changed_applicant_on_the_row_is_still_caught()
    {
        var clerk = await app.SignedInOnce("clerk.mz");
        var c = await CaseApi.Register(clerk, "431025-MZ-001", Name);
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            await db.Cases.Where(x => x.Number == c.Number).ExecuteUpdateAsync(s => s.SetProperty(x => x.Applicant.IdentityNumber, "110105194912310046"));
        }
        var seen = await (await clerk.GetAsync("/api/v1/cases/" + c.Number)).ReadAsync<CaseView>();
        Assert.False(seen.Chain.IsIntact);
        Assert.Contains("申请人", seen.Chain.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_unkeyed_digest_an_earlier_release_wrote_is_still_checked_but_never_shown()
    {
        var clerk = await app.SignedInOnce("clerk.mz");
        var c = await CaseApi.Register(clerk, "431025-MZ-001", Name);
        var legacy = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(EventChain.Fields("Person", Name, IdNumber, Phone))))[..16];
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            // The record as that release wrote it: the received event's data with the unkeyed digest, sealed with the key.
            var row = await db.Cases.SingleAsync(x => x.Number == c.Number);
            var received = await db.CaseEvents.SingleAsync(e => e.CaseId == row.Id);
            var json = JsonNode.Parse(received.Data!)!.AsObject();
            json.Remove("applicantSeal");
            json["applicant"] = legacy;
            db.Entry(received).Property(e => e.Data).CurrentValue = json.ToJsonString();
            db.Entry(received).Property(e => e.Hash).CurrentValue = "";
            var head = EventChain.Seal([received], EventChain.GenesisHash, TestRecordKeys.Ring);
            db.Entry(row).Property(x => x.LastEventHash).CurrentValue = head;
            await db.SaveChangesAsync();
        }
        var seen = await (await clerk.GetAsync("/api/v1/cases/" + c.Number)).ReadAsync<CaseView>();
        Assert.True(seen.Chain.IsIntact, seen.Chain.Problem);
        Assert.DoesNotContain(legacy, string.Join("\n", seen.Events.Select(e => e.Data)), StringComparison.Ordinal);
        Assert.DoesNotContain(legacy, await clerk.GetStringAsync("/workbench/cases/" + c.Number), StringComparison.Ordinal);
        Assert.DoesNotContain(legacy, await (await app.SignedInOnce("supervisor")).GetStringAsync("/supervision/cases/" + c.Number), StringComparison.Ordinal);

        var again = app.NewDbContext(out var scopeAgain);
        using (scopeAgain)
        {
            await again.Cases.Where(x => x.Number == c.Number).ExecuteUpdateAsync(s => s.SetProperty(x => x.Applicant.Name, "孙某"));
        }
        Assert.Contains("申请人", (await (await clerk.GetAsync("/api/v1/cases/" + c.Number)).ReadAsync<CaseView>()).Chain.Problem, StringComparison.Ordinal);
    }

    /// <summary>Every valid ID number of the masked form 110105********002X born in 1949: the guesser's list.</summary>
    private static IEnumerable<string> Candidates()
    {
        for (var day = new DateOnly(1949, 1, 1); day.Year == 1949; day = day.AddDays(1))
        {
            var id = $"110105{day:yyyyMMdd}002";
            var full = id + ResidentIdNumber.ComputeCheckCharacter(id);
            if (full.EndsWith("002X", StringComparison.Ordinal))
            {
                yield return full;
            }
        }
    }

    /// <summary>The digests a case's data could carry of an applicant with this ID number, computable without a secret.</summary>
    private static IEnumerable<string> UnkeyedDigests(string idNumber)
    {
        foreach (var text in new[]
        {
            EventChain.Fields("Person", Name, idNumber, Phone),
            EventChain.Fields("applicant", "Person", Name, idNumber, Phone),
            idNumber,
            Name + idNumber + Phone,
        })
        {
            yield return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
        }
    }
}
