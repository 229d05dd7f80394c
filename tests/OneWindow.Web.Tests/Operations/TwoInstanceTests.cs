using System.Net;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Operations;

/// <summary>
/// docs/deploy.md on one machine: two app processes on loopback ports, one database. A sign-in made on one is valid
/// on the other (the key ring is in the database), both are ready, and a case registered through one is acted on
/// through the other.
/// </summary>
public sealed class TwoInstanceTests : IDisposable
{
    private readonly TestDatabase _database = new();

    [Fact]
    public async Task Two_processes_on_one_database_share_sign_ins_and_cases()
    {
        using var first = await AppProcess.StartAsync(_database);
        using var second = await AppProcess.StartAsync(_database);
        // One browser's cookies, as nginx may send its next request to either instance.
        var browser = new CookieContainer();
        var onFirst = await first.SignInAsync("clerk.mz", browser);
        var c = await CaseApi.Register(onFirst, "431025-MZ-002", "双实例");
        using var onSecond = second.Client(browser);
        var seen = await onSecond.GetAsync("/api/v1/cases/" + c.Number);
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        var accepted = await CaseApi.Act(onSecond, c, "accept", new { });
        Assert.Equal(Domain.Cases.CaseStatus.Accepted, accepted.Status);
        Assert.True(accepted.Chain.IsIntact);
        Assert.Equal(HttpStatusCode.OK, (await first.Client().GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.Client().GetAsync("/health/ready")).StatusCode);
        // And the first process sees what the second did.
        Assert.Equal(accepted.Revision, (await (await onFirst.GetAsync("/api/v1/cases/" + c.Number)).ReadAsync<CaseView>()).Revision);
    }

    public void Dispose() => _database.Dispose();
}
