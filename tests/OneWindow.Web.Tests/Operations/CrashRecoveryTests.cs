using OneWindow.Web.Modules.Catalog;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Operations;

/// <summary>
/// The app as its own process, killed with SIGKILL while four clerks register and act on cases as fast as it
/// answers, then started again on the same database: everything it acknowledged must be there, and every case's
/// event chain must verify. Runs on SQLite and on PostgreSQL like the rest of the suite.
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private readonly TestDatabase _database = new();

    [Fact]
    public async Task Every_acknowledged_action_survives_a_SIGKILL_and_every_chain_verifies()
    {
        var acknowledged = new ConcurrentDictionary<string, int>(); // case number → the highest revision the app confirmed
        var process = await AppProcess.StartAsync(_database);
        var clerks = new List<HttpClient>();
        for (var i = 0; i < 4; i++)
        {
            clerks.Add(await process.SignInAsync("clerk.mz"));
        }
        using var stop = new CancellationTokenSource();
        var workers = clerks.Select((clerk, i) => Task.Run(() => WorkAsync(clerk, i, acknowledged, stop.Token))).ToList();
        // Kill once enough is in flight: some cases registered, some moved on, requests outstanding.
        var watch = Stopwatch.StartNew();
        while (acknowledged.Count < 40 && watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(50);
        }
        await process.KillAsync();
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        process.Dispose();
        Assert.True(acknowledged.Count >= 40, $"only {acknowledged.Count} cases were acknowledged before the kill");
        Assert.Contains(acknowledged.Values, revision => revision > 1); // transitions too, not only intake

        using var restarted = await AppProcess.StartAsync(_database);
        {
            var clerk = await restarted.SignInAsync("clerk.mz");
            foreach (var (number, revision) in acknowledged)
            {
                var c = await (await clerk.GetAsync("/api/v1/cases/" + number)).ReadAsync<CaseView>();
                Assert.True(c.Revision >= revision, $"{number}: acknowledged at revision {revision}, found {c.Revision}");
            }

            // Every case in the database, acknowledged or not (a request cut off after its commit is there too).
            using var factory = OneWindowFactory.On(_database);
            var db = factory.NewDbContext(out var scope);
            using (scope)
            {
                var cases = await db.Cases.AsNoTracking().ToListAsync();
                Assert.True(cases.Count >= acknowledged.Count);
                foreach (var c in cases)
                {
                    var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == c.Id).OrderBy(e => e.Sequence).ToListAsync();
                    var record = CaseRecordCheck.Verify(c, events, TestRecordKeys.Ring);
                    Assert.True(record.IsIntact, $"{c.Number}: {record.Problem}");
                }
            }

            // And the restarted app goes on working on a case from before the crash.
            var (someNumber, _) = acknowledged.First();
            var before = await (await clerk.GetAsync("/api/v1/cases/" + someNumber)).ReadAsync<CaseView>();
            if (before.Status == CaseStatus.Received)
            {
                await CaseApi.Act(clerk, before, "accept", new { });
            }
        }
    }

    /// <summary>One clerk's loop: register, accept, and send every third case back for correction.</summary>
    private static async Task WorkAsync(HttpClient clerk, int worker, ConcurrentDictionary<string, int> acknowledged, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            try
            {
                var registered = await clerk.PostAsJsonAsync("/api/v1/cases",
                    new RegisterApplication("431025-MZ-002", ApplicantKind.Person, $"崩溃测试{worker}-{n}", "11010519491231002X", "13800000000", MaterialsProvided: DemoCatalog.RequiredMaterials("431025-MZ-002")), Json.Options, stop);
                if (!registered.IsSuccessStatusCode)
                {
                    continue;
                }
                var c = await registered.ReadAsync<CaseView>();
                acknowledged[c.Number] = c.Revision;
                var action = n % 3 == 0 ? "correction" : "accept";
                object body = action == "correction" ? new { revision = c.Revision, missing = new[] { "章程草案" } } : new { revision = c.Revision };
                var acted = await clerk.PostAsJsonAsync($"/api/v1/cases/{c.Number}/{action}", body, Json.Options, stop);
                if (acted.IsSuccessStatusCode)
                {
                    acknowledged[c.Number] = (await acted.ReadAsync<CaseView>()).Revision;
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
            {
                // The process is gone mid-request: this action was never acknowledged.
                if (stop.IsCancellationRequested)
                {
                    return;
                }
                await Task.Delay(20, CancellationToken.None);
            }
        }
    }

    public void Dispose() => _database.Dispose();
}
